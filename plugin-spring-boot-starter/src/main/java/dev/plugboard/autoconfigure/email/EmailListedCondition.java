package dev.plugboard.autoconfigure.email;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

import dev.plugboard.builtin.email.EmailPlugin;
import dev.plugboard.runtime.PluginIds;

/**
 * Matches when the manifest lists {@code email} and does not disable it, so that the
 * {@code EmailSender} bean exists only with the plugin.
 */
class EmailListedCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Binder binder = Binder.get(context.getEnvironment());
		Map<String, Object> plugins = binder.bind("plugboard.plugins", Bindable.mapOf(String.class, Object.class))
			.orElse(Map.of());
		boolean listed = plugins.keySet().stream().anyMatch((id) -> EmailPlugin.ID.equals(PluginIds.normalise(id)));
		if (!listed) {
			return ConditionOutcome.noMatch("'" + EmailPlugin.ID + "' is not in plugboard.plugins");
		}
		boolean enabled = binder.bind("plugboard.plugins." + EmailPlugin.ID + ".enabled", Boolean.class).orElse(true);
		return enabled ? ConditionOutcome.match("'" + EmailPlugin.ID + "' is listed")
				: ConditionOutcome.noMatch("'" + EmailPlugin.ID + "' is disabled");
	}

}

package dev.plugboard.autoconfigure.maintenance;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

import dev.plugboard.builtin.maintenance.MaintenanceModePlugin;
import dev.plugboard.runtime.PluginIds;

/**
 * Matches when the manifest lists {@code maintenance-mode} and does not disable it, so
 * that its endpoint exists only with the plugin.
 */
class MaintenanceModeListedCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Binder binder = Binder.get(context.getEnvironment());
		Map<String, Object> plugins = binder.bind("plugboard.plugins", Bindable.mapOf(String.class, Object.class))
			.orElse(Map.of());
		boolean listed = plugins.keySet()
			.stream()
			.anyMatch((id) -> MaintenanceModePlugin.ID.equals(PluginIds.normalise(id)));
		if (!listed) {
			return ConditionOutcome.noMatch("'" + MaintenanceModePlugin.ID + "' is not in plugboard.plugins");
		}
		boolean enabled = binder.bind("plugboard.plugins." + MaintenanceModePlugin.ID + ".enabled", Boolean.class)
			.orElse(true);
		return enabled ? ConditionOutcome.match("'" + MaintenanceModePlugin.ID + "' is listed")
				: ConditionOutcome.noMatch("'" + MaintenanceModePlugin.ID + "' is disabled");
	}

}

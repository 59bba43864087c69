package dev.plugboard.autoconfigure;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

import dev.plugboard.runtime.PluginIds;

/**
 * Matches when the manifest lists a built-in and does not disable it. Extend it, naming
 * the id, for the beans that belong with a built-in (its endpoint, a bean it hands to the
 * application) and must exist only while it does.
 *
 * @since 0.1.0
 */
public abstract class PluginListedCondition extends SpringBootCondition {

	private final String id;

	/**
	 * Create the condition.
	 * @param id the built-in's id
	 */
	protected PluginListedCondition(String id) {
		this.id = id;
	}

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Binder binder = Binder.get(context.getEnvironment());
		Map<String, Object> plugins = binder.bind("plugboard.plugins", Bindable.mapOf(String.class, Object.class))
			.orElse(Map.of());
		boolean listed = plugins.keySet()
			.stream()
			.anyMatch((listedId) -> this.id.equals(PluginIds.normalise(listedId)));
		if (!listed) {
			return ConditionOutcome.noMatch("'" + this.id + "' is not in plugboard.plugins");
		}
		boolean enabled = binder.bind("plugboard.plugins." + this.id + ".enabled", Boolean.class).orElse(true);
		return enabled ? ConditionOutcome.match("'" + this.id + "' is listed")
				: ConditionOutcome.noMatch("'" + this.id + "' is disabled");
	}

}

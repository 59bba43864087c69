package dev.plugboard.runtime;

import java.util.List;

import dev.plugboard.OnError;
import org.jspecify.annotations.Nullable;

/**
 * The common keys of one manifest entry; {@code null} means the key is absent.
 *
 * @param enabled whether the plugin runs
 * @param order position among the plugins, overriding the plugin's default
 * @param entities aggregate names the write hooks are restricted to; empty for all
 * @param onError fault policy for the before-request hook, overriding the plugin's
 * default
 */
public record PluginSettings(@Nullable Boolean enabled, @Nullable Integer order, List<String> entities,
		@Nullable OnError onError) {

	/** An entry with no keys: {@code my-plugin: {}}. */
	public static final PluginSettings EMPTY = new PluginSettings(null, null, List.of(), null);

	public PluginSettings {
		entities = List.copyOf(entities);
	}

}

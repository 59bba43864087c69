package dev.plugboard.autoconfigure.ratelimit;

import dev.plugboard.Plugin;
import dev.plugboard.PluginConfigurationException;
import dev.plugboard.PluginDefinition;

/**
 * Stands in for the {@code rate-limit} definition when Bucket4j is not on the classpath,
 * so that listing the plugin stops the boot saying which library to add rather than
 * calling the id unknown.
 */
final class MissingBucket4jDefinition implements PluginDefinition<Object> {

	@Override
	public String id() {
		return "rate-limit";
	}

	@Override
	public Class<Object> configurationType() {
		return Object.class;
	}

	@Override
	public Plugin create(Object configuration) {
		throw new PluginConfigurationException("policies", "rate-limit counts requests with Bucket4j, which is not "
				+ "on the classpath. Add com.bucket4j:bucket4j_jdk17-core (and com.github.ben-manes.caffeine:caffeine "
				+ "for the local backend), or remove rate-limit from the manifest.");
	}

}

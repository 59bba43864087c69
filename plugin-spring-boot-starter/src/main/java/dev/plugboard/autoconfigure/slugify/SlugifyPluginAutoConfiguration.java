package dev.plugboard.autoconfigure.slugify;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;

import dev.plugboard.autoconfigure.PlugboardAutoConfiguration;
import dev.plugboard.builtin.slugify.Slugger;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} that defines the {@code slugify} built-in. The plugin exists only
 * when the manifest lists it. With ICU4J ({@code com.ibm.icu:icu4j}) on the classpath it
 * transliterates every script; without it, the Latin script only.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = PlugboardAutoConfiguration.class)
@ConditionalOnClass(JdbcOperations.class)
@ConditionalOnBooleanProperty(name = "plugboard.enabled", matchIfMissing = true)
public final class SlugifyPluginAutoConfiguration {

	private static final String ICU_TRANSLITERATOR = "com.ibm.icu.text.Transliterator";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = ICU_TRANSLITERATOR)
	static class AllScriptsConfiguration {

		@Bean
		SlugifyPluginDefinition slugifyPluginDefinition(ObjectProvider<JdbcOperations> jdbc) {
			return new SlugifyPluginDefinition(Slugger.icu(), jdbc);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass(ICU_TRANSLITERATOR)
	static class LatinScriptConfiguration {

		@Bean
		SlugifyPluginDefinition slugifyPluginDefinition(ObjectProvider<JdbcOperations> jdbc) {
			return new SlugifyPluginDefinition(Slugger.latin(), jdbc);
		}

	}

}

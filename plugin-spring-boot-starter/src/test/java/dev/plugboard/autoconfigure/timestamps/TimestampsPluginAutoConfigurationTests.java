package dev.plugboard.autoconfigure.timestamps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ByteArrayResource;

import dev.plugboard.PluginDefinition;
import dev.plugboard.WriteOp;
import dev.plugboard.autoconfigure.PlugboardAutoConfiguration;
import dev.plugboard.builtin.timestamps.TimestampsPlugin;
import dev.plugboard.runtime.ManifestException;
import dev.plugboard.runtime.ManifestException.Problem;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.PluginSource;
import dev.plugboard.runtime.RegisteredPlugin;
import dev.plugboard.test.PluginHarness;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code timestamps} built-in through its auto-configuration: created only when
 * listed, with the application's clock, and every configuration error stopping the boot.
 */
class TimestampsPluginAutoConfigurationTests {

	private static final Instant NOW = Instant.parse("2025-06-15T12:30:45Z");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(PlugboardAutoConfiguration.class, TimestampsPluginAutoConfiguration.class));

	@Test
	void pluginIsAbsentUnlessListed() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(PluginDefinition.class);
			assertThat(context.getBean(PluginRegistry.class).all()).isEmpty();
		});
	}

	@Test
	void listedPluginIsABuiltInWithTheDefaultNames() {
		this.contextRunner.withInitializer(yaml("""
				plugboard:
				  plugins:
				    timestamps: {}
				""")).run((context) -> {
			RegisteredPlugin registered = plugin(context.getBean(PluginRegistry.class));
			assertThat(registered.source()).isEqualTo(PluginSource.BUILT_IN);
			Article written = PluginHarness.of(registered.plugin())
				.beforeWrite(WriteOp.INSERT, new Article(null, null, null));
			assertThat(written.createdAt()).isNotNull().isEqualTo(written.updatedAt());
		});
	}

	@Test
	void disabledEntryCreatesNoPlugin() {
		this.contextRunner.withPropertyValues("plugboard.plugins.timestamps.enabled=false")
			.run((context) -> assertThat(context.getBean(PluginRegistry.class).enabled()).isEmpty());
	}

	@Test
	void applicationClockIsUsed() {
		this.contextRunner.withUserConfiguration(ClockConfiguration.class)
			.withPropertyValues("plugboard.plugins.timestamps.enabled=true")
			.run((context) -> {
				Article written = PluginHarness.of(plugin(context.getBean(PluginRegistry.class)).plugin())
					.beforeWrite(WriteOp.INSERT, new Article(null, null, null));
				assertThat(written.createdAt()).isEqualTo(NOW);
			});
	}

	@Test
	void namesAndAggregateOverridesAreBound() {
		this.contextRunner.withUserConfiguration(ClockConfiguration.class).withInitializer(yaml("""
				plugboard:
				  plugins:
				    timestamps:
				      created: insertedAt
				      fields:
				        shipment:
				          created: placedAt
				""")).run((context) -> {
			PluginHarness harness = PluginHarness.of(plugin(context.getBean(PluginRegistry.class)).plugin());
			assertThat(harness.beforeWrite(WriteOp.INSERT, new Parcel(null, null)).insertedAt()).isEqualTo(NOW);
			Shipment shipment = harness.beforeWrite(WriteOp.INSERT, new Shipment(null, null));
			assertThat(shipment.placedAt()).isEqualTo(NOW);
			assertThat(shipment.updatedAt()).isEqualTo(NOW);
		});
	}

	@Test
	void trustIncomingCreatedIsBound() {
		this.contextRunner.withUserConfiguration(ClockConfiguration.class)
			.withPropertyValues("plugboard.plugins.timestamps.trust-incoming-created=true")
			.run((context) -> {
				Instant incoming = Instant.parse("2024-01-01T00:00:00Z");
				Article written = PluginHarness.of(plugin(context.getBean(PluginRegistry.class)).plugin())
					.withPrevious(new Article(1L, NOW, NOW))
					.beforeWrite(WriteOp.UPDATE, new Article(1L, incoming, null));
				assertThat(written.createdAt()).isEqualTo(incoming);
			});
	}

	@Test
	void nameThatIsNotAPropertyStopsTheBootNamingTheKey() {
		this.contextRunner.withPropertyValues("plugboard.plugins.timestamps.updated=updated-at")
			.run((context) -> assertThat(manifestFailure(context)).satisfies((ex) -> {
				assertThat(ex.problem()).isEqualTo(Problem.INVALID_VALUE);
				assertThat(ex.pluginId()).isEqualTo("timestamps");
				assertThat(ex.description()).contains("plugboard.plugins.timestamps.updated")
					.contains("'updated-at' is not a Java property name");
			}));
	}

	@Test
	void sameNameForBothTimesStopsTheBoot() {
		this.contextRunner
			.withPropertyValues("plugboard.plugins.timestamps.created=stamp",
					"plugboard.plugins.timestamps.updated=stamp")
			.run((context) -> assertThat(manifestFailure(context).description())
				.contains("both name the property 'stamp'"));
	}

	@Test
	void invalidAggregateOverrideStopsTheBootNamingItsKey() {
		this.contextRunner.withPropertyValues("plugboard.plugins.timestamps.fields.orders.created=placed at")
			.run((context) -> assertThat(manifestFailure(context).description())
				.contains("plugboard.plugins.timestamps.fields.orders.created"));
	}

	@Test
	void valueThatDoesNotBindStopsTheBoot() {
		this.contextRunner.withPropertyValues("plugboard.plugins.timestamps.trust-incoming-created=sometimes")
			.run((context) -> assertThat(manifestFailure(context).problem()).isEqualTo(Problem.INVALID_VALUE));
	}

	@Test
	void nothingIsDefinedWhenPlugboardIsDisabled() {
		this.contextRunner.withPropertyValues("plugboard.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PluginDefinition.class));
	}

	/**
	 * The manifest problem the boot stopped with, as the failure analyzer renders it.
	 */
	static ManifestException manifestFailure(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
			if (cause instanceof ManifestException manifest) {
				return manifest;
			}
		}
		throw new AssertionError("Boot did not stop with a manifest problem", context.getStartupFailure());
	}

	private static RegisteredPlugin plugin(PluginRegistry registry) {
		assertThat(registry.enabled()).extracting(RegisteredPlugin::id).containsExactly(TimestampsPlugin.ID);
		return registry.enabled().get(0);
	}

	static ApplicationContextInitializer<ConfigurableApplicationContext> yaml(String yaml) {
		return (context) -> {
			try {
				new YamlPropertySourceLoader()
					.load("application.yml",
							new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8), "application.yml"))
					.forEach(context.getEnvironment().getPropertySources()::addFirst);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		};
	}

	@Configuration(proxyBeanMethods = false)
	static class ClockConfiguration {

		@Bean
		Clock clock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

	}

	record Article(@Nullable Long id, @Nullable Instant createdAt, @Nullable Instant updatedAt) {
	}

	record Parcel(@Nullable Instant insertedAt, @Nullable Instant updatedAt) {
	}

	record Shipment(@Nullable Instant placedAt, @Nullable Instant updatedAt) {
	}

}

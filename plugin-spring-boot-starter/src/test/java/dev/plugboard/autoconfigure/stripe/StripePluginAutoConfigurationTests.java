package dev.plugboard.autoconfigure.stripe;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

import dev.plugboard.PluginDefinition;
import dev.plugboard.autoconfigure.PlugboardAutoConfiguration;
import dev.plugboard.builtin.stripe.StripeEvent;
import dev.plugboard.builtin.stripe.StripeEventHandler;
import dev.plugboard.builtin.stripe.StripeEventStore;
import dev.plugboard.builtin.stripe.StripePlugin;
import dev.plugboard.runtime.ManifestException;
import dev.plugboard.runtime.ManifestException.Problem;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.PluginSource;
import dev.plugboard.runtime.RegisteredPlugin;
import dev.plugboard.test.PluginHarness;
import dev.plugboard.test.RouteResult;
import dev.plugboard.test.TestRequest;

import static dev.plugboard.autoconfigure.aggregate.BuiltInTesting.analyze;
import static dev.plugboard.autoconfigure.stripe.StripeWebhooks.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code stripe} built-in through its auto-configuration: created with its table only
 * when listed, on the application's store and handlers, and a missing or wrong signing
 * secret stopping the boot with a message that says what to do.
 */
class StripePluginAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PlugboardAutoConfiguration.class, StripePluginAutoConfiguration.class,
				DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true");

	@Test
	void pluginAndTableAreAbsentUnlessListed() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(PluginDefinition.class);
			assertThat(context.getBean(PluginRegistry.class).all()).isEmpty();
			assertThat(tables(context)).isEmpty();
		});
	}

	@Test
	void listedPluginIsABuiltInAndCreatesItsTableOnAnEmbeddedDatabase() {
		this.contextRunner.withPropertyValues("plugboard.plugins.stripe.signing-secrets=" + SECRET).run((context) -> {
			RegisteredPlugin registered = plugin(context.getBean(PluginRegistry.class));
			assertThat(registered.source()).isEqualTo(PluginSource.BUILT_IN);
			assertThat(tables(context)).containsExactly("PLUGBOARD_STRIPE_EVENT");
		});
	}

	@Test
	void disabledEntryCreatesNoPluginAndNoTable() {
		this.contextRunner
			.withPropertyValues("plugboard.plugins.stripe.enabled=false",
					"plugboard.plugins.stripe.signing-secrets=" + SECRET)
			.run((context) -> {
				assertThat(context.getBean(PluginRegistry.class).enabled()).isEmpty();
				assertThat(tables(context)).isEmpty();
			});
	}

	@Test
	void initializeSchemaNeverLeavesTheTableToTheApplication() {
		this.contextRunner
			.withPropertyValues("plugboard.plugins.stripe.signing-secrets=" + SECRET,
					"plugboard.plugins.stripe.initialize-schema=never")
			.run((context) -> {
				plugin(context.getBean(PluginRegistry.class));
				assertThat(tables(context)).isEmpty();
			});
	}

	@Test
	void listedWithoutASigningSecretStopsTheBootSayingWhereToFindIt() {
		this.contextRunner.withPropertyValues("plugboard.plugins.stripe.enabled=true").run((context) -> {
			ManifestException failure = manifestFailure(context);
			assertThat(failure.problem()).isEqualTo(Problem.MISSING_KEY);
			assertThat(failure.description()).contains("plugboard.plugins.stripe.signing-secrets")
				.contains("whsec_")
				.contains("Stripe Dashboard");
			assertThat(analyze(context.getStartupFailure()).getAction()).isNotBlank();
		});
	}

	@Test
	void secretThatIsNotASigningSecretStopsTheBootWithoutShowingIt() {
		String apiKey = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";
		this.contextRunner.withPropertyValues("plugboard.plugins.stripe.signing-secrets=" + SECRET + "," + apiKey)
			.run((context) -> {
				ManifestException failure = manifestFailure(context);
				assertThat(failure.description()).contains("plugboard.plugins.stripe.signing-secrets")
					.contains("number 2 of 2")
					.contains("whsec_")
					.doesNotContain(apiKey);
				assertThat(analyze(context.getStartupFailure()).getDescription()).doesNotContain(apiKey);
			});
	}

	@Test
	void badPathStopsTheBootNamingTheKey() {
		this.contextRunner
			.withPropertyValues("plugboard.plugins.stripe.signing-secrets=" + SECRET,
					"plugboard.plugins.stripe.path=stripe")
			.run((context) -> assertThat(manifestFailure(context).description())
				.contains("plugboard.plugins.stripe.path"));
	}

	@Test
	void applicationStoreAndHandlersAreUsedWithoutADataSource() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(PlugboardAutoConfiguration.class, StripePluginAutoConfiguration.class))
			.withUserConfiguration(StoreAndHandlers.class)
			.withPropertyValues("plugboard.plugins.stripe.signing-secrets=" + SECRET,
					"plugboard.plugins.stripe.path=/hooks/stripe")
			.run((context) -> {
				PluginHarness harness = PluginHarness.of(plugin(context.getBean(PluginRegistry.class)).plugin());
				String payload = StripeWebhooks.checkoutCompleted("evt_store", "order-1");
				long now = java.time.Instant.now().getEpochSecond();
				RouteResult result = harness.route(TestRequest.post("/hooks/stripe")
					.header("Stripe-Signature", StripeWebhooks.header(payload, SECRET, now))
					.body("application/json", payload));
				assertThat(result.status()).as(result.body()).isEqualTo(200);
				StoreAndHandlers beans = context.getBean(StoreAndHandlers.class);
				assertThat(context.getBean(ListStore.class).ids).containsExactly("evt_store");
				assertThat(beans.calls).containsExactly("first:evt_store", "second:evt_store");
			});
	}

	@Test
	void missingDataSourceStopsTheBootSayingWhatToAdd() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(PlugboardAutoConfiguration.class, StripePluginAutoConfiguration.class))
			.withPropertyValues("plugboard.plugins.stripe.signing-secrets=" + SECRET)
			.run((context) -> assertThat(manifestFailure(context).description()).contains("DataSource")
				.contains("StripeEventStore"));
	}

	@Test
	void nothingIsDefinedWithoutJackson() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(JsonMapper.class))
			.run((context) -> assertThat(context).doesNotHaveBean(StripePluginDefinition.class));
	}

	@Test
	void nothingIsDefinedWhenPlugboardIsDisabled() {
		this.contextRunner.withPropertyValues("plugboard.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PluginDefinition.class));
	}

	private static List<String> tables(AssertableApplicationContext context) {
		return context.getBean(JdbcTemplate.class)
			.queryForList("SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'PLUGBOARD_STRIPE%'",
					String.class);
	}

	private static RegisteredPlugin plugin(PluginRegistry registry) {
		assertThat(registry.enabled()).extracting(RegisteredPlugin::id).containsExactly(StripePlugin.ID);
		return registry.enabled().get(0);
	}

	private static ManifestException manifestFailure(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
			if (cause instanceof ManifestException manifest) {
				return manifest;
			}
		}
		throw new AssertionError("Boot did not stop with a manifest problem", context.getStartupFailure());
	}

	@Configuration(proxyBeanMethods = false)
	static class StoreAndHandlers {

		final List<String> calls = new ArrayList<>();

		@Bean
		ListStore store() {
			return new ListStore();
		}

		@Bean
		@Order(2)
		StripeEventHandler second() {
			return handler("second");
		}

		@Bean
		@Order(1)
		StripeEventHandler first() {
			return handler("first");
		}

		private StripeEventHandler handler(String name) {
			return new StripeEventHandler() {

				@Override
				public Set<String> eventTypes() {
					return Set.of("checkout.session.completed");
				}

				@Override
				public void handle(StripeEvent event) {
					StoreAndHandlers.this.calls.add(name + ":" + event.id());
				}

			};
		}

	}

	static class ListStore implements StripeEventStore {

		final List<String> ids = new ArrayList<>();

		@Override
		public synchronized boolean recordOnce(StripeEvent event, Runnable dispatch) {
			if (this.ids.contains(event.id())) {
				return false;
			}
			dispatch.run();
			this.ids.add(event.id());
			return true;
		}

	}

}

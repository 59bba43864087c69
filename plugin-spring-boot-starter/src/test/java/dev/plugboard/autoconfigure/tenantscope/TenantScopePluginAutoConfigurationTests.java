package dev.plugboard.autoconfigure.tenantscope;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.jdbc.autoconfigure.DataJdbcRepositoriesAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

import dev.plugboard.WriteOp;
import dev.plugboard.autoconfigure.PlugboardAutoConfiguration;
import dev.plugboard.autoconfigure.PlugboardDataAutoConfiguration;
import dev.plugboard.autoconfigure.aggregate.BuiltInTesting;
import dev.plugboard.autoconfigure.aggregate.GeneratedMetadata;
import dev.plugboard.builtin.tenantscope.TenantResolver;
import dev.plugboard.builtin.tenantscope.TenantScopePlugin;
import dev.plugboard.runtime.ManifestException;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.PluginSource;
import dev.plugboard.runtime.RegisteredPlugin;
import dev.plugboard.test.PluginHarness;
import dev.plugboard.test.TestRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The {@code tenant-scope} built-in's auto-configuration: absent unless listed, each
 * tenant source bound, the application's resolver preferred, and configuration errors
 * stopping the boot.
 */
class TenantScopePluginAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TenantScopePluginAutoConfiguration.class,
				PlugboardAutoConfiguration.class, PlugboardDataAutoConfiguration.class,
				DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
				JdbcTemplateAutoConfiguration.class, DataJdbcRepositoriesAutoConfiguration.class))
		.withUserConfiguration(Entities.class);

	@Test
	void pluginIsAbsentUnlessListed() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(TenantScopePluginDefinition.class);
			assertThat(context.getBean(PluginRegistry.class).all()).isEmpty();
			assertThat(context.getBean(PluginRegistry.class).knownIds()).contains("tenant-scope");
		});
	}

	@Test
	void nothingIsConfiguredWhenPlugboardIsDisabled() {
		this.contextRunner.withPropertyValues("plugboard.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(TenantScopePluginDefinition.class));
	}

	@Test
	void listedPluginReadsTheTenantFromTheDefaultHeader() {
		this.contextRunner.withPropertyValues("plugboard.plugins.tenant-scope.enabled=true").run((context) -> {
			PluginHarness harness = PluginHarness.of(plugin(context.getBean(PluginRegistry.class)).plugin());
			Project written = harness.during(TestRequest.post("/").header("X-Tenant-Id", "acme"))
				.beforeWrite(WriteOp.INSERT, new Project(null, "Apollo", null));
			assertThat(written.tenantId()).isEqualTo("acme");
		});
	}

	@Test
	void attributeSourceFieldAndAggregatesAreBoundFromYaml() {
		this.contextRunner.withInitializer(BuiltInTesting.yaml("""
				plugboard:
				  plugins:
				    tenant-scope:
				      source: attribute
				      attribute: org
				      aggregates: [project]
				""")).run((context) -> {
			RegisteredPlugin registered = plugin(context.getBean(PluginRegistry.class));
			assertThat(registered.source()).isEqualTo(PluginSource.BUILT_IN);
			assertThat(((TenantScopePlugin) registered.plugin()).aggregates()).containsExactly("project");
			Project written = PluginHarness.of(registered.plugin())
				.during(TestRequest.post("/").attribute("org", "globex").header("X-Tenant-Id", "acme"))
				.beforeWrite(WriteOp.INSERT, new Project(null, "Apollo", null));
			assertThat(written.tenantId()).isEqualTo("globex");
		});
	}

	@Test
	void principalSourceUsesThePrincipalsName() {
		this.contextRunner.withPropertyValues("plugboard.plugins.tenant-scope.source=principal").run((context) -> {
			Project written = PluginHarness.of(plugin(context.getBean(PluginRegistry.class)).plugin())
				.during(TestRequest.post("/").principal("initech"))
				.beforeWrite(WriteOp.INSERT, new Project(null, "Apollo", null));
			assertThat(written.tenantId()).isEqualTo("initech");
		});
	}

	@Test
	void applicationsResolverWinsOverTheConfiguredSource() {
		this.contextRunner.withUserConfiguration(ClaimResolver.class)
			.withPropertyValues("plugboard.plugins.tenant-scope.enabled=true")
			.run((context) -> {
				Project written = PluginHarness.of(plugin(context.getBean(PluginRegistry.class)).plugin())
					.during(TestRequest.post("/").header("X-Tenant-Id", "acme").header("X-Claim", "umbrella"))
					.beforeWrite(WriteOp.INSERT, new Project(null, "Apollo", null));
				assertThat(written.tenantId()).isEqualTo("umbrella");
			});
	}

	@Test
	void scopedAggregateWithoutTheFieldStopsTheBoot() {
		this.contextRunner.withPropertyValues("plugboard.plugins.tenant-scope.aggregates=project,label")
			.run((context) -> assertThat(analysis(context.getStartupFailure()).getDescription())
				.contains("Aggregate 'label' is scoped, but Label has no property 'tenantId'"));
	}

	@Test
	void unknownAggregateStopsTheBoot() {
		this.contextRunner.withPropertyValues("plugboard.plugins.tenant-scope.aggregates=projects")
			.run((context) -> assertThat(analysis(context.getStartupFailure()).getDescription())
				.contains("configures the aggregate 'projects'"));
	}

	@Test
	void badFieldOrBlankHeaderOrUnknownSourceStopsTheBoot() {
		this.contextRunner.withPropertyValues("plugboard.plugins.tenant-scope.field=tenant-id")
			.run((context) -> assertThat(analysis(context.getStartupFailure()).getDescription())
				.contains("'tenant-id' is not a Java property name"));
		this.contextRunner.withPropertyValues("plugboard.plugins.tenant-scope.header= ")
			.run((context) -> assertThat(analysis(context.getStartupFailure()).getDescription())
				.contains("tenant-scope.header"));
		this.contextRunner.withPropertyValues("plugboard.plugins.tenant-scope.source=cookie")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void everyKeyHasIdeMetadataWithItsDefault() {
		Map<String, Map<String, Object>> properties = GeneratedMetadata.properties("plugboard.plugins.tenant-scope.");
		assertThat(properties).containsOnlyKeys("plugboard.plugins.tenant-scope.source",
				"plugboard.plugins.tenant-scope.header", "plugboard.plugins.tenant-scope.attribute",
				"plugboard.plugins.tenant-scope.field", "plugboard.plugins.tenant-scope.aggregates",
				"plugboard.plugins.tenant-scope.admin-role");
		assertThat(properties.values())
			.allSatisfy((property) -> assertThat((String) property.get("description")).isNotBlank());
		assertThat(properties.get("plugboard.plugins.tenant-scope.header"))
			.contains(entry("defaultValue", "X-Tenant-Id"));
		assertThat(properties.get("plugboard.plugins.tenant-scope.field")).contains(entry("defaultValue", "tenantId"));
	}

	private static RegisteredPlugin plugin(PluginRegistry registry) {
		assertThat(registry.enabled()).extracting(RegisteredPlugin::id).containsExactly(TenantScopePlugin.ID);
		return registry.enabled().get(0);
	}

	private static FailureAnalysis analysis(@Nullable Throwable failure) {
		assertThat(failure).isNotNull();
		Throwable cause = failure;
		while (cause != null && !(cause instanceof ManifestException)) {
			cause = cause.getCause();
		}
		assertThat(cause).as("the ManifestException behind %s", failure).isInstanceOf(ManifestException.class);
		return BuiltInTesting.analyze(failure);
	}

	/**
	 * Scans this package's (nested) repositories.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableJdbcRepositories(considerNestedRepositories = true)
	static class Entities {

	}

	@Configuration(proxyBeanMethods = false)
	static class ClaimResolver {

		@Bean
		TenantResolver claimResolver() {
			return (request) -> request.header("X-Claim");
		}

	}

}

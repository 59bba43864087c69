package dev.plugboard.autoconfigure;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.plugboard.WriteOp;
import dev.plugboard.autoconfigure.PluginsEndpoint.PluginDescriptor;
import dev.plugboard.autoconfigure.PluginsEndpoint.PluginsDescriptor;
import dev.plugboard.autoconfigure.PluginsEndpoint.RouteDescriptor;
import dev.plugboard.runtime.DeferredExecutor;
import dev.plugboard.runtime.PluginFaultException;
import dev.plugboard.runtime.PluginRuntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PluginsEndpointTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(PlugboardAutoConfiguration.class, PlugboardEndpointAutoConfiguration.class))
		.withUserConfiguration(EndpointPlugins.class)
		.withInitializer(YamlManifest.yaml(EndpointPlugins.MANIFEST))
		.withPropertyValues("management.endpoints.web.exposure.include=plugins");

	@Test
	void reportsEveryPluginInDispatchOrder() {
		this.contextRunner.run((context) -> {
			PluginsDescriptor report = context.getBean(PluginsEndpoint.class).plugins();
			assertThat(report.plugins()).extracting(PluginDescriptor::id)
				.containsExactly("request-id", "admin-routes", "internal-health", "webhook", "audit-trail");
		});
	}

	@Test
	void reportsSourceHooksEntitiesAndOnError() {
		this.contextRunner.run((context) -> {
			PluginsDescriptor report = context.getBean(PluginsEndpoint.class).plugins();
			PluginDescriptor auditLog = plugin(report, "audit-trail");
			assertThat(auditLog.source()).isEqualTo("application");
			assertThat(auditLog.enabled()).isTrue();
			assertThat(auditLog.order()).isEqualTo(1100);
			assertThat(auditLog.hooks()).containsExactly("before-write", "after-write");
			assertThat(auditLog.entities()).containsExactly("invoice", "order");
			assertThat(auditLog.onError()).isEqualTo("fail-closed");
			assertThat(auditLog.routes()).isEmpty();
			PluginDescriptor webhook = plugin(report, "webhook");
			assertThat(webhook.source()).isEqualTo("library");
			assertThat(webhook.hooks()).isEmpty();
			assertThat(plugin(report, "request-id").onError()).isEqualTo("fail-open");
		});
	}

	@Test
	void reportsTheRoutesOfEnabledRoutePluginsOnly() {
		this.contextRunner.run((context) -> {
			PluginsDescriptor report = context.getBean(PluginsEndpoint.class).plugins();
			PluginDescriptor health = plugin(report, "internal-health");
			assertThat(health.hooks()).containsExactly("routes");
			assertThat(health.routes()).containsExactly(new RouteDescriptor(List.of("GET"), "/internal/health"),
					new RouteDescriptor(List.of("POST"), "/internal/health"));
			PluginDescriptor admin = plugin(report, "admin-routes");
			assertThat(admin.enabled()).isFalse();
			assertThat(admin.routes()).isEmpty();
		});
	}

	@Test
	void reportsFaultCounts() {
		this.contextRunner.run((context) -> {
			PluginRuntime runtime = context.getBean(PluginRuntime.class);
			assertThatExceptionOfType(PluginFaultException.class)
				.isThrownBy(() -> runtime.beforeWrite(WriteOp.INSERT, "entity", "order", null));
			runtime.beforeWrite(WriteOp.INSERT, "entity", "user", null);
			PluginsDescriptor report = context.getBean(PluginsEndpoint.class).plugins();
			assertThat(plugin(report, "audit-trail").faults()).isEqualTo(1);
			assertThat(plugin(report, "request-id").faults()).isZero();
		});
	}

	@Test
	void reportsTheDeferredExecutor() {
		this.contextRunner.withPropertyValues("plugboard.deferred.queue-capacity=25").run((context) -> {
			DeferredExecutor executor = context.getBean(DeferredExecutor.class);
			executor.submit("webhook", () -> {
			});
			executor.submit("webhook", () -> {
				throw new IllegalStateException("boom");
			});
			executor.shutdown(Duration.ofSeconds(10));
			executor.submit("webhook", () -> {
			});
			PluginsEndpoint.DeferredDescriptor deferred = context.getBean(PluginsEndpoint.class).plugins().deferred();
			assertThat(deferred.capacity()).isEqualTo(25);
			assertThat(deferred.queued()).isZero();
			assertThat(deferred.active()).isZero();
			assertThat(deferred.submitted()).isEqualTo(2);
			assertThat(deferred.completed()).isEqualTo(1);
			assertThat(deferred.failed()).isEqualTo(1);
			assertThat(deferred.rejected()).isEqualTo(1);
		});
	}

	private static PluginDescriptor plugin(PluginsDescriptor report, String id) {
		return report.plugins().stream().filter((plugin) -> plugin.id().equals(id)).findFirst().orElseThrow();
	}

}

package dev.plugboard.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.plugboard.BeforeRequestPlugin;
import dev.plugboard.RateLimited;
import dev.plugboard.RequestContext;
import dev.plugboard.runtime.DeferredExecutor;
import dev.plugboard.runtime.DeferredExecutorMetrics;
import dev.plugboard.runtime.HookObserver;
import dev.plugboard.runtime.MicrometerHookObserver;
import dev.plugboard.runtime.PluginRuntime;
import dev.plugboard.runtime.ServletRequestContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PlugboardMetricsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(PlugboardAutoConfiguration.class, PlugboardMetricsAutoConfiguration.class));

	@Test
	void withoutAMeterRegistryThereAreNoMetrics() {
		this.contextRunner.run((context) -> {
			assertThat(context).doesNotHaveBean(HookObserver.class).doesNotHaveBean(DeferredExecutorMetrics.class);
			assertThat(context).hasSingleBean(PluginRuntime.class);
		});
	}

	@Test
	void withoutMicrometerOnTheClasspathThereAreNoMetrics() {
		this.contextRunner.withUserConfiguration(RegistryConfiguration.class)
			.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(HookObserver.class)
				.doesNotHaveBean(DeferredExecutorMetrics.class));
	}

	@Test
	void withAMeterRegistryTheRuntimeReportsToMicrometer() {
		this.contextRunner.withUserConfiguration(RegistryConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(HookObserver.class).hasSingleBean(DeferredExecutorMetrics.class);
			assertThat(context.getBean(HookObserver.class)).isInstanceOf(MicrometerHookObserver.class);
			assertThat(context.getBean(HookObserver.class).sampleInterval()).isEqualTo(16);
		});
	}

	@Test
	void backsOffWhenPlugboardIsDisabled() {
		this.contextRunner.withUserConfiguration(RegistryConfiguration.class)
			.withPropertyValues("plugboard.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(HookObserver.class)
				.doesNotHaveBean(DeferredExecutorMetrics.class));
	}

	@Test
	void userHookObserverReplacesOurs() {
		this.contextRunner.withUserConfiguration(RegistryConfiguration.class, UserObserverConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(HookObserver.class);
				assertThat(context.getBean(HookObserver.class)).isSameAs(HookObserver.NONE);
			});
	}

	@Test
	void rejectionsAndFaultsAreCountedWithPluginHookAndOutcomeTags() {
		this.contextRunner.withUserConfiguration(RegistryConfiguration.class, PluginConfiguration.class)
			.run((context) -> {
				PluginRuntime runtime = context.getBean(PluginRuntime.class);
				assertThatExceptionOfType(RateLimited.class).isThrownBy(() -> runtime.beforeRequest(request()));
				context.getBean(Gate.class).open = true;
				runtime.beforeRequest(request());
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("plugboard.hook.outcomes")
					.tags("plugin", "rate-limit", "hook", "before-request", "outcome", "rejected")
					.counter()
					.count()).isEqualTo(1);
				assertThat(registry.get("plugboard.hook.outcomes")
					.tags("plugin", "flaky", "hook", "before-request", "outcome", "fault")
					.counter()
					.count()).isEqualTo(1);
			});
	}

	@Test
	void sampleIntervalOfOneTimesEveryHookCall() {
		this.contextRunner.withUserConfiguration(RegistryConfiguration.class, PluginConfiguration.class)
			.withPropertyValues("plugboard.metrics.sample-interval=1")
			.run((context) -> {
				context.getBean(Gate.class).open = true;
				PluginRuntime runtime = context.getBean(PluginRuntime.class);
				for (int i = 0; i < 3; i++) {
					runtime.beforeRequest(request());
				}
				assertThat(context.getBean(MeterRegistry.class)
					.get("plugboard.hook")
					.tags("plugin", "rate-limit", "hook", "before-request", "outcome", "success")
					.timer()
					.count()).isEqualTo(3);
			});
	}

	@Test
	void sampleIntervalThatIsNotAPowerOfTwoStopsTheBoot() {
		this.contextRunner.withUserConfiguration(RegistryConfiguration.class)
			.withPropertyValues("plugboard.metrics.sample-interval=10")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (ex) -> {
					assertThat(ex.getName()).isEqualTo("plugboard.metrics.sample-interval");
					assertThat(ex.getValue()).isEqualTo(10);
					assertThat(ex.getReason()).contains("power of two (1, 2, 4, ... 1024)").contains("or 0");
				}));
	}

	@Test
	void deferredExecutorMetersAreBoundToBootsMeterRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
							PlugboardAutoConfiguration.class, PlugboardMetricsAutoConfiguration.class))
			.withPropertyValues("plugboard.deferred.queue-capacity=5")
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				DeferredExecutor executor = context.getBean(DeferredExecutor.class);
				executor.submit("notify", () -> {
				});
				executor.shutdown(java.time.Duration.ofSeconds(10));
				executor.submit("notify", () -> {
				});
				assertThat(registry.get("plugboard.deferred.queued").gauge().value()).isZero();
				assertThat(registry.get("plugboard.deferred.active").gauge().value()).isZero();
				assertThat(registry.get("plugboard.deferred.completed").functionCounter().count()).isEqualTo(1);
				assertThat(registry.get("plugboard.deferred.failed").functionCounter().count()).isZero();
				assertThat(registry.get("plugboard.deferred.rejected").functionCounter().count()).isEqualTo(1);
				assertThat(context.getBean(HookObserver.class)).isInstanceOf(MicrometerHookObserver.class);
			});
	}

	private static RequestContext request() {
		return new ServletRequestContext(new MockHttpServletRequest(), new MockHttpServletResponse());
	}

	@Configuration(proxyBeanMethods = false)
	static class RegistryConfiguration {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserObserverConfiguration {

		@Bean
		HookObserver userObserver() {
			return HookObserver.NONE;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PluginConfiguration {

		@Bean
		Gate gate() {
			return new Gate();
		}

		@Bean
		BeforeRequestPlugin flaky() {
			return new BeforeRequestPlugin() {

				private boolean failed;

				@Override
				public String id() {
					return "flaky";
				}

				@Override
				public void beforeRequest(RequestContext request) {
					if (!this.failed) {
						this.failed = true;
						throw new IllegalStateException("boom");
					}
				}

			};
		}

	}

	/** Rejects until opened. */
	static final class Gate implements BeforeRequestPlugin {

		volatile boolean open;

		@Override
		public String id() {
			return "rate-limit";
		}

		@Override
		public void beforeRequest(RequestContext request) {
			if (!this.open) {
				throw new RateLimited(1);
			}
		}

	}

}

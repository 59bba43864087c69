package dev.plugboard.autoconfigure;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.plugboard.runtime.DeferredExecutor;
import dev.plugboard.runtime.Hook;
import dev.plugboard.runtime.HookObserver;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.PluginRuntime;
import dev.plugboard.runtime.RegisteredPlugin;
import dev.plugboard.runtime.ServletRequestContext;

import static org.assertj.core.api.Assertions.assertThat;

class PlugboardAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PlugboardAutoConfiguration.class));

	@Test
	void createsTheRegistryTheRuntimeAndTheDeferredExecutor() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(PlugboardProperties.class)
				.hasSingleBean(PluginRegistry.class)
				.hasSingleBean(PluginRuntime.class)
				.hasSingleBean(DeferredExecutor.class)
				.hasSingleBean(DeferredExecutorLifecycle.class);
			assertThat(context.getBean(PluginRuntime.class).registry()).isSameAs(context.getBean(PluginRegistry.class));
		});
	}

	@Test
	void backsOffWhenPlugboardIsDisabled() {
		this.contextRunner.withUserConfiguration(PluginConfiguration.class)
			.withPropertyValues("plugboard.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PlugboardProperties.class)
				.doesNotHaveBean(PluginRegistry.class)
				.doesNotHaveBean(PluginRuntime.class)
				.doesNotHaveBean(DeferredExecutor.class)
				.doesNotHaveBean(DeferredExecutorLifecycle.class));
	}

	@Test
	void registersApplicationPluginBeans() {
		this.contextRunner.withUserConfiguration(PluginConfiguration.class).run((context) -> {
			PluginRegistry registry = context.getBean(PluginRegistry.class);
			assertThat(registry.enabled()).extracting(RegisteredPlugin::id).containsExactly("audit", "greeter");
			assertThat(context.getBean(PluginRuntime.class).hasBeforeRequestHooks()).isTrue();
		});
	}

	@Test
	void userRegistryReplacesOurs() {
		this.contextRunner.withUserConfiguration(PluginConfiguration.class, UserRegistryConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(PluginRegistry.class);
				assertThat(context.getBean(PluginRegistry.class).all()).isEmpty();
				assertThat(context.getBean(PluginRuntime.class).hasBeforeRequestHooks()).isFalse();
			});
	}

	@Test
	void userRuntimeReplacesOurs() {
		this.contextRunner.withUserConfiguration(UserRuntimeConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(PluginRuntime.class);
			assertThat(context.getBean(PluginRuntime.class)).isSameAs(context.getBean("userRuntime"));
		});
	}

	@Test
	void userDeferredExecutorReplacesOursAndIsUsedByTheRuntime() {
		this.contextRunner.withUserConfiguration(UserDeferredExecutorConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(DeferredExecutor.class);
			DeferredExecutor executor = context.getBean(DeferredExecutor.class);
			assertThat(executor.capacity()).isEqualTo(7);
			assertThat(context.getBean(PluginRuntime.class).deferred()).isSameAs(executor);
		});
	}

	@Test
	void deferredExecutorIsSizedFromTheProperties() {
		this.contextRunner.withPropertyValues("plugboard.deferred.queue-capacity=42")
			.run((context) -> assertThat(context.getBean(DeferredExecutor.class).capacity()).isEqualTo(42));
	}

	@Test
	void runtimeReportsToTheApplicationsHookObserver() {
		this.contextRunner.withUserConfiguration(PluginConfiguration.class, RecordingObserverConfiguration.class)
			.run((context) -> {
				context.getBean(PluginRuntime.class)
					.beforeRequest(
							new ServletRequestContext(new MockHttpServletRequest(), new MockHttpServletResponse()));
				assertThat(context.getBean(RecordingObserver.class).timed).containsExactly("audit before-request",
						"greeter before-request");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class PluginConfiguration {

		@Bean
		Plugins.Noop greeter() {
			return new Plugins.Noop("greeter");
		}

		@Bean
		Plugins.Noop audit() {
			return new Plugins.Noop("audit", 10, dev.plugboard.OnError.FAIL_OPEN);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserRegistryConfiguration {

		@Bean
		PluginRegistry userRegistry() {
			return PluginRegistry.builder(Map.of()).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserRuntimeConfiguration {

		@Bean
		PluginRuntime userRuntime(PluginRegistry registry) {
			return new PluginRuntime(registry, HookObserver.NONE, new DeferredExecutor(1, 1));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserDeferredExecutorConfiguration {

		@Bean
		DeferredExecutor userDeferredExecutor() {
			return new DeferredExecutor(1, 7);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingObserverConfiguration {

		@Bean
		RecordingObserver recordingObserver() {
			return new RecordingObserver();
		}

	}

	static final class RecordingObserver implements HookObserver {

		final List<String> timed = new java.util.concurrent.CopyOnWriteArrayList<>();

		@Override
		public int sampleInterval() {
			return 1;
		}

		@Override
		public void timed(RegisteredPlugin plugin, Hook hook, Outcome outcome, long nanos) {
			this.timed.add(plugin.id() + " " + hook.tag());
		}

		@Override
		public void outcome(RegisteredPlugin plugin, Hook hook, Outcome outcome) {
		}

	}

}

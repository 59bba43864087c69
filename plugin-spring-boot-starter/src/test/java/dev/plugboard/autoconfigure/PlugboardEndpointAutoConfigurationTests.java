package dev.plugboard.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.plugboard.runtime.PluginRuntime;

import static org.assertj.core.api.Assertions.assertThat;

class PlugboardEndpointAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(PlugboardAutoConfiguration.class, PlugboardEndpointAutoConfiguration.class));

	@Test
	void endpointIsCreatedWhenExposed() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=plugins")
			.run((context) -> assertThat(context).hasSingleBean(PluginsEndpoint.class));
	}

	@Test
	void endpointIsNotCreatedWhenNotExposed() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(PluginsEndpoint.class));
	}

	@Test
	void endpointIsNotCreatedWhenItsAccessIsNone() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=plugins",
					"management.endpoint.plugins.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(PluginsEndpoint.class));
	}

	@Test
	void endpointIsNotCreatedWithoutActuator() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=plugins")
			.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> assertThat(context).doesNotHaveBean(PluginsEndpoint.class)
				.hasSingleBean(PluginRuntime.class));
	}

	@Test
	void endpointIsNotCreatedWhenPlugboardIsDisabled() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=plugins", "plugboard.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PluginsEndpoint.class));
	}

	@Test
	void userEndpointReplacesOurs() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=plugins")
			.withUserConfiguration(UserEndpointConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(PluginsEndpoint.class).hasBean("userPluginsEndpoint"));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserEndpointConfiguration {

		@Bean
		PluginsEndpoint userPluginsEndpoint(PluginRuntime runtime) {
			return new PluginsEndpoint(runtime);
		}

	}

}

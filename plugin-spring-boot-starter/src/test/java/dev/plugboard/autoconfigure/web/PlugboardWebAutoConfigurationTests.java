package dev.plugboard.autoconfigure.web;

import java.io.IOException;
import java.util.EnumSet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExceptionResolver;

import dev.plugboard.autoconfigure.PlugboardAutoConfiguration;
import dev.plugboard.autoconfigure.PlugboardWebAutoConfiguration;
import dev.plugboard.runtime.web.PluginExceptionResolver;
import dev.plugboard.runtime.web.PluginRequestFilter;
import dev.plugboard.runtime.web.PluginRoutes;

import static org.assertj.core.api.Assertions.assertThat;

class PlugboardWebAutoConfigurationTests {

	private static final String REGISTRATION = "plugboardRequestFilterRegistration";

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(PlugboardAutoConfiguration.class, PlugboardWebAutoConfiguration.class));

	@Test
	void servletWebApplicationGetsTheFilterTheResolverAndTheRoutes() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasBean(REGISTRATION);
			assertThat(context.getBean(REGISTRATION, FilterRegistrationBean.class).getFilter())
				.isInstanceOf(PluginRequestFilter.class);
			assertThat(context).hasSingleBean(PluginExceptionResolver.class);
			assertThat(context).hasSingleBean(PluginRoutes.class);
		});
	}

	@Test
	void filterRunsBeforeSpringSecurityByDefault() {
		this.contextRunner
			.run((context) -> assertThat(registration(context.getBean(REGISTRATION)).getOrder()).isEqualTo(-110)
				.isLessThan(-100));
	}

	@Test
	void filterOrderIsConfigurable() {
		this.contextRunner.withPropertyValues("plugboard.filter.order=42")
			.run((context) -> assertThat(registration(context.getBean(REGISTRATION)).getOrder()).isEqualTo(42));
	}

	@Test
	void filterIsRegisteredForEveryDispatcherTypeLikeAnyOncePerRequestFilter() {
		this.contextRunner.run((context) -> {
			FilterRegistrationBean<?> registration = registration(context.getBean(REGISTRATION));
			assertThat(registration.getFilter()).isInstanceOf(OncePerRequestFilter.class);
			assertThat(registration.determineDispatcherTypes()).isEqualTo(EnumSet.allOf(DispatcherType.class));
		});
	}

	@Test
	void nonWebApplicationGetsNothing() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(PlugboardAutoConfiguration.class, PlugboardWebAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(REGISTRATION);
				assertThat(context).doesNotHaveBean(PluginExceptionResolver.class);
				assertThat(context).doesNotHaveBean(PluginRoutes.class);
			});
	}

	@Test
	void reactiveWebApplicationGetsNothing() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(PlugboardAutoConfiguration.class, PlugboardWebAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(REGISTRATION);
				assertThat(context).doesNotHaveBean(PluginExceptionResolver.class);
				assertThat(context).doesNotHaveBean(PluginRoutes.class);
			});
	}

	@Test
	void disablingPlugboardRemovesEverything() {
		this.contextRunner.withPropertyValues("plugboard.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(REGISTRATION);
			assertThat(context).doesNotHaveBean(PluginExceptionResolver.class);
			assertThat(context).doesNotHaveBean(PluginRoutes.class);
		});
	}

	@Test
	void withoutSpringMvcOnlyTheFilterIsInstalled() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(DispatcherServlet.class)).run((context) -> {
			assertThat(context).hasBean(REGISTRATION);
			assertThat(context).doesNotHaveBean(PluginExceptionResolver.class);
			assertThat(context).doesNotHaveBean(PluginRoutes.class);
		});
	}

	@Test
	void userFilterRegistrationWithTheSameNameReplacesOurs() {
		this.contextRunner.withUserConfiguration(UserFilterRegistration.class).run((context) -> {
			FilterRegistrationBean<?> registration = registration(context.getBean(REGISTRATION));
			assertThat(registration.getFilter()).isNotInstanceOf(PluginRequestFilter.class);
			assertThat(context.getBeansOfType(FilterRegistrationBean.class)).hasSize(1);
		});
	}

	@Test
	void userExceptionResolverReplacesOurs() {
		this.contextRunner.withUserConfiguration(UserExceptionResolver.class).run((context) -> {
			assertThat(context).hasSingleBean(PluginExceptionResolver.class);
			assertThat(context.getBean(PluginExceptionResolver.class).getOrder()).isEqualTo(10);
			assertThat(context.getBeansOfType(HandlerExceptionResolver.class)).containsOnlyKeys("customResolver");
		});
	}

	private static FilterRegistrationBean<?> registration(Object bean) {
		return (FilterRegistrationBean<?>) bean;
	}

	@Configuration(proxyBeanMethods = false)
	static class UserFilterRegistration {

		@Bean
		FilterRegistrationBean<OncePerRequestFilter> plugboardRequestFilterRegistration() {
			return new FilterRegistrationBean<>(new OncePerRequestFilter() {

				@Override
				protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
						FilterChain chain) throws ServletException, IOException {
					chain.doFilter(request, response);
				}

			});
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserExceptionResolver {

		@Bean
		PluginExceptionResolver customResolver() {
			PluginExceptionResolver resolver = new PluginExceptionResolver();
			resolver.setOrder(10);
			return resolver;
		}

	}

}

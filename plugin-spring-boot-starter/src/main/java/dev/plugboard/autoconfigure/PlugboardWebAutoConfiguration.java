package dev.plugboard.autoconfigure;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;

import dev.plugboard.runtime.PluginRuntime;
import dev.plugboard.runtime.web.PluginExceptionResolver;
import dev.plugboard.runtime.web.PluginRequestFilter;
import dev.plugboard.runtime.web.PluginRoutes;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for the request filter, plugin routes and the mapping of rejections
 * to problem+json.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = PlugboardAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnBooleanProperty(name = "plugboard.enabled", matchIfMissing = true)
@ConditionalOnBean(PluginRuntime.class)
public final class PlugboardWebAutoConfiguration {

	/** Name of the filter registration; define a bean with this name to replace it. */
	static final String FILTER_REGISTRATION_BEAN_NAME = "plugboardRequestFilterRegistration";

	@Configuration(proxyBeanMethods = false)
	static class RequestFilterConfiguration {

		@Bean(FILTER_REGISTRATION_BEAN_NAME)
		@ConditionalOnMissingBean(name = FILTER_REGISTRATION_BEAN_NAME)
		FilterRegistrationBean<PluginRequestFilter> plugboardRequestFilterRegistration(PluginRuntime runtime,
				PlugboardProperties properties) {
			FilterRegistrationBean<PluginRequestFilter> registration = new FilterRegistrationBean<>(
					new PluginRequestFilter(runtime));
			registration.setName("plugboardRequestFilter");
			registration.setOrder(properties.getFilter().getOrder());
			return registration;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(DispatcherServlet.class)
	static class ErrorMappingConfiguration {

		@Bean
		@ConditionalOnMissingBean
		PluginExceptionResolver plugboardExceptionResolver() {
			return new PluginExceptionResolver();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(DispatcherServlet.class)
	static class RoutesConfiguration {

		@Bean
		PluginRoutes plugboardRoutes(PluginRuntime runtime) {
			return new PluginRoutes(runtime);
		}

		@Bean
		RouteClashVerifier plugboardRouteClashVerifier(PluginRoutes plugboardRoutes, PluginRuntime runtime,
				ListableBeanFactory beanFactory) {
			return new RouteClashVerifier(plugboardRoutes, runtime, beanFactory);
		}

	}

}

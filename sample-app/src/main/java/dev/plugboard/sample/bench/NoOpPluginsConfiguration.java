package dev.plugboard.sample.bench;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import dev.plugboard.BeforeRequestPlugin;
import dev.plugboard.RequestContext;

/**
 * Ten before-request plugins that do nothing, for
 * {@code sample-app/bench/wrk-compare.sh}: the difference between this profile and
 * Plugboard switched off is the cost of the filter, the per-request context and the
 * dispatch through ten plugins.
 */
@Configuration(proxyBeanMethods = false)
@Profile("noop-plugins")
class NoOpPluginsConfiguration {

	static final int COUNT = 10;

	@Bean
	static BeanFactoryPostProcessor noOpPlugins() {
		return (beanFactory) -> {
			BeanDefinitionRegistry registry = (BeanDefinitionRegistry) beanFactory;
			for (int i = 1; i <= COUNT; i++) {
				String id = "no-op-" + i;
				RootBeanDefinition definition = new RootBeanDefinition(NoOpPlugin.class);
				definition.getConstructorArgumentValues().addGenericArgumentValue(id);
				registry.registerBeanDefinition(id, definition);
			}
		};
	}

	static final class NoOpPlugin implements BeforeRequestPlugin {

		private final String id;

		NoOpPlugin(String id) {
			this.id = id;
		}

		@Override
		public String id() {
			return this.id;
		}

		@Override
		public void beforeRequest(RequestContext request) {
		}

	}

}

package dev.plugboard.autoconfigure;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.data.repository.core.RepositoryInformation;
import org.springframework.data.repository.core.support.RepositoryFactoryBeanSupport;
import org.springframework.util.ClassUtils;

import dev.plugboard.autoconfigure.PlugboardProperties.UnsupportedWrites;
import dev.plugboard.runtime.PluginRuntime;
import dev.plugboard.runtime.data.AggregateNames;
import dev.plugboard.runtime.data.WriteHooksRepositoryFactoryCustomizer;

/**
 * Hands every Spring Data repository factory bean, of any store, the customizer that
 * installs the write hooks, before the factory creates its repository; then records the
 * repository's write methods that cannot show their entities, for the startup report.
 */
final class RepositoryWriteBeanPostProcessor implements BeanPostProcessor, SmartInitializingSingleton {

	private static final String RELATIONAL_ENTITY_INFORMATION = "org.springframework.data.relational.repository.query.RelationalEntityInformation";

	private final ObjectProvider<PluginRuntime> runtime;

	private final WriteHooksRepositoryFactoryCustomizer customizer;

	private final UnsupportedWriteReport report;

	RepositoryWriteBeanPostProcessor(ObjectProvider<PluginRuntime> runtime,
			ObjectProvider<AggregateNames> aggregateNames, ListableBeanFactory beanFactory, Environment environment) {
		this.runtime = runtime;
		UnsupportedWrites policy = Binder.get(environment)
			.bind("plugboard.unsupported-writes", UnsupportedWrites.class)
			.orElse(UnsupportedWrites.WARN);
		AggregateNames names = (entity) -> aggregateNames.getIfAvailable(RepositoryWriteBeanPostProcessor::defaultNames)
			.aggregateName(entity);
		this.customizer = new WriteHooksRepositoryFactoryCustomizer(runtime::getObject,
				new RepositoryWriteTransactions(beanFactory), names, policy == UnsupportedWrites.WARN);
		this.report = new UnsupportedWriteReport(policy);
	}

	private static AggregateNames defaultNames() {
		return ClassUtils.isPresent(RELATIONAL_ENTITY_INFORMATION,
				RepositoryWriteBeanPostProcessor.class.getClassLoader()) ? new RepositoryWriteTableNames()
						: AggregateNames.simpleClassName();
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof RepositoryFactoryBeanSupport<?, ?, ?> factory) {
			factory.addRepositoryFactoryCustomizer(this.customizer);
		}
		return bean;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof RepositoryFactoryBeanSupport<?, ?, ?> factory) {
			RepositoryInformation repository = factory.getRepositoryInformation();
			this.report.add(repository, aggregate(factory, repository), this.runtime);
		}
		return bean;
	}

	private String aggregate(RepositoryFactoryBeanSupport<?, ?, ?> factory, RepositoryInformation repository) {
		try {
			return this.customizer.aggregateName(factory.getEntityInformation());
		}
		catch (UnsupportedOperationException ex) {
			return AggregateNames.snakeCase(repository.getDomainType());
		}
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.report.complete(this.runtime.getObject());
	}

}

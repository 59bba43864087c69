package dev.plugboard.runtime.data;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.repository.core.EntityInformation;
import org.springframework.data.repository.core.RepositoryMetadata;
import org.springframework.data.repository.core.support.RepositoryFactoryBeanSupport;
import org.springframework.data.repository.core.support.RepositoryFactoryCustomizer;
import org.springframework.data.repository.core.support.RepositoryFactorySupport;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.util.function.SingletonSupplier;

import dev.plugboard.runtime.PluginRuntime;

/**
 * Installs Plugboard's write and after-read hooks into the repositories a Spring Data
 * repository factory creates, whatever the store: it adds a repository proxy
 * post-processor that puts a {@link org.aopalliance.intercept.MethodInterceptor} on every
 * imperative repository proxy. Register it with
 * {@link RepositoryFactoryBeanSupport#addRepositoryFactoryCustomizer}; the Spring Boot
 * starter does so for every repository.
 *
 * <p>
 * The runtime and the transactions are resolved lazily, at the first write or read, so
 * that creating a repository never creates the plugins. Thread-safe.
 *
 * @since 0.1.0
 */
public final class WriteHooksRepositoryFactoryCustomizer implements RepositoryFactoryCustomizer {

	private static final Logger logger = LoggerFactory.getLogger(WriteHooksRepositoryFactoryCustomizer.class);

	private final Supplier<PluginRuntime> runtime;

	private final Supplier<TransactionOperations> transactions;

	private final AggregateNames names;

	private final boolean warnUnsupportedCalls;

	private final Map<Class<?>, String> aggregates = new ConcurrentHashMap<>();

	/**
	 * Create a customizer.
	 * @param runtime the plugin runtime, asked for at the first write or read
	 * @param transactions the transactions writes run in, asked for at the first write; a
	 * {@link org.springframework.transaction.support.TransactionTemplate} with
	 * {@code PROPAGATION_REQUIRED} joins the caller's transaction or opens one
	 * @param names the naming of aggregates
	 * @param warnUnsupportedCalls whether the first call of each write method that cannot
	 * show its entities to the hooks logs a warning
	 */
	public WriteHooksRepositoryFactoryCustomizer(Supplier<PluginRuntime> runtime,
			Supplier<TransactionOperations> transactions, AggregateNames names, boolean warnUnsupportedCalls) {
		this.runtime = SingletonSupplier.of(runtime);
		this.transactions = SingletonSupplier.of(transactions);
		this.names = names;
		this.warnUnsupportedCalls = warnUnsupportedCalls;
	}

	@Override
	public void customize(RepositoryFactorySupport factory) {
		factory.addRepositoryProxyPostProcessor((proxy, repository) -> {
			if (repository.isReactiveRepository()) {
				return;
			}
			EntityInformation<Object, Object> entity = entityInformation(factory, repository);
			if (entity != null) {
				proxy.addAdvice(new RepositoryWriteInterceptor(this, repository, entity));
			}
		});
	}

	/**
	 * The entity information of a repository, as its store's factory builds it. Spring
	 * Data 4 stores implement
	 * {@link RepositoryFactorySupport#getEntityInformation(RepositoryMetadata)}; the
	 * {@code Class} variant throws by default, and so does the metadata one of a store
	 * that implements neither.
	 * @param factory the repository's factory
	 * @param repository the repository
	 * @return the entity information, or {@code null} (logged) when the store provides
	 * none
	 */
	@SuppressWarnings("unchecked")
	static @Nullable EntityInformation<Object, Object> entityInformation(RepositoryFactorySupport factory,
			RepositoryMetadata repository) {
		try {
			return (EntityInformation<Object, Object>) factory.getEntityInformation(repository);
		}
		catch (UnsupportedOperationException ex) {
			logger.warn("Plugboard write hooks do not run for {}: its store ({}) provides no entity information",
					repository.getRepositoryInterface().getName(), factory.getClass().getName());
			return null;
		}
	}

	/**
	 * The aggregate name of a repository's entities, computed once per domain type.
	 * @param entity the repository's entity information
	 * @return the aggregate name
	 */
	public String aggregateName(EntityInformation<?, ?> entity) {
		return this.aggregates.computeIfAbsent(entity.getJavaType(), (type) -> this.names.aggregateName(entity));
	}

	PluginRuntime runtime() {
		return this.runtime.get();
	}

	TransactionOperations transactions() {
		return this.transactions.get();
	}

	boolean warnUnsupportedCalls() {
		return this.warnUnsupportedCalls;
	}

}

package dev.plugboard.autoconfigure.aggregate;

import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.relational.repository.query.RelationalEntityInformation;
import org.springframework.data.repository.core.EntityInformation;
import org.springframework.data.repository.support.Repositories;
import org.springframework.util.ClassUtils;

import dev.plugboard.builtin.support.AggregateKey;
import dev.plugboard.runtime.data.AggregateNames;

/**
 * The entity classes of the application's Spring Data repositories, by the aggregate name
 * the repository interceptor gives them (the application's {@link AggregateNames} bean,
 * or the table name for relational stores and the snake-cased class name otherwise). Call
 * {@link #resolve()} once every singleton exists: the repositories are created by then.
 *
 * @since 0.1.0
 */
public final class AggregateTypes {

	private static final String RELATIONAL_ENTITY_INFORMATION = "org.springframework.data.relational.repository.query.RelationalEntityInformation";

	private final ListableBeanFactory beanFactory;

	private final ObjectProvider<AggregateNames> names;

	/**
	 * Create the resolver.
	 * @param beanFactory the bean factory holding the repositories
	 * @param names the application's aggregate naming, if any
	 */
	public AggregateTypes(ListableBeanFactory beanFactory, ObjectProvider<AggregateNames> names) {
		this.beanFactory = beanFactory;
		this.names = names;
	}

	/**
	 * The entity class of each aggregate that a repository manages.
	 * @return the entity classes by aggregate name, sorted by name
	 */
	public Map<String, Class<?>> resolve() {
		AggregateNames naming = this.names.getIfAvailable(AggregateTypes::defaultNames);
		Repositories repositories = new Repositories(this.beanFactory);
		Map<String, Class<?>> types = new TreeMap<>();
		for (Class<?> domainType : repositories) {
			EntityInformation<?, ?> information = repositories.getEntityInformationFor(domainType);
			types.put(naming.aggregateName(information), domainType);
		}
		return types;
	}

	/**
	 * The aggregate a manifest names, matched as the built-ins match aggregate names
	 * (ignoring case, {@code _} and {@code -}).
	 * @param types the entity classes by aggregate, from {@link #resolve()}
	 * @param name the name the manifest gives
	 * @return the aggregate's own name, or {@code null} when no repository manages it
	 */
	public static @Nullable String named(Map<String, Class<?>> types, String name) {
		String key = AggregateKey.of(name);
		for (String aggregate : types.keySet()) {
			if (AggregateKey.of(aggregate).equals(key)) {
				return aggregate;
			}
		}
		return null;
	}

	private static AggregateNames defaultNames() {
		return ClassUtils.isPresent(RELATIONAL_ENTITY_INFORMATION, AggregateTypes.class.getClassLoader())
				? new TableNames() : AggregateNames.simpleClassName();
	}

	/**
	 * The table name for relational stores, as the repository interceptor names them;
	 * loaded only when spring-data-relational is on the classpath.
	 */
	private static final class TableNames implements AggregateNames {

		@Override
		public String aggregateName(EntityInformation<?, ?> entity) {
			return (entity instanceof RelationalEntityInformation<?, ?> relational)
					? relational.getTableName().getReference() : AggregateNames.snakeCase(entity.getJavaType());
		}

	}

}

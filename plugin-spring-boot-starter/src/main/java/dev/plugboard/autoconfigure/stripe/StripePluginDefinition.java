package dev.plugboard.autoconfigure.stripe;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import dev.plugboard.Plugin;
import dev.plugboard.PluginConfigurationException;
import dev.plugboard.PluginDefinition;
import dev.plugboard.autoconfigure.PluginSchema;
import dev.plugboard.builtin.stripe.StripeConfig;
import dev.plugboard.builtin.stripe.StripeEventHandler;
import dev.plugboard.builtin.stripe.StripeEventStore;
import dev.plugboard.builtin.stripe.StripePlugin;

/**
 * Creates the {@link StripePlugin} when the manifest lists it: with the application's
 * {@link StripeEventStore} bean, else one on its {@link DataSource} (after creating the
 * table as {@code initialize-schema} says) in transactions of its
 * {@link PlatformTransactionManager}; its {@link StripeEventHandler} beans in bean order;
 * and its {@link Clock} bean, else the system clock in UTC.
 */
final class StripePluginDefinition implements PluginDefinition<StripeProperties> {

	private final ObjectProvider<StripeEventStore> store;

	private final ObjectProvider<StripeEventHandler> handlers;

	private final ObjectProvider<DataSource> dataSource;

	private final ObjectProvider<JdbcOperations> jdbc;

	private final ObjectProvider<PlatformTransactionManager> transactionManager;

	private final ObjectProvider<Clock> clock;

	StripePluginDefinition(ObjectProvider<StripeEventStore> store, ObjectProvider<StripeEventHandler> handlers,
			ObjectProvider<DataSource> dataSource, ObjectProvider<JdbcOperations> jdbc,
			ObjectProvider<PlatformTransactionManager> transactionManager, ObjectProvider<Clock> clock) {
		this.store = store;
		this.handlers = handlers;
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.transactionManager = transactionManager;
		this.clock = clock;
	}

	@Override
	public String id() {
		return StripePlugin.ID;
	}

	@Override
	public Class<StripeProperties> configurationType() {
		return StripeProperties.class;
	}

	@Override
	public Plugin create(StripeProperties properties) {
		StripeConfig config = new StripeConfig(properties.getPath(), properties.getSigningSecrets(),
				properties.getTolerance(), properties.getMaxPayloadSize().toBytes());
		Clock clock = this.clock.getIfAvailable(Clock::systemUTC);
		StripeEventStore store = this.store.getIfAvailable(() -> jdbcStore(properties, clock));
		return new StripePlugin(config, store, () -> this.handlers.orderedStream().toList(), clock);
	}

	private StripeEventStore jdbcStore(StripeProperties properties, Clock clock) {
		DataSource dataSource = this.dataSource.getIfUnique();
		if (dataSource == null) {
			throw new PluginConfigurationException("initialize-schema",
					"The Stripe receiver records the ids of processed events in the application's database, but there "
							+ "is no single DataSource bean; add spring-boot-starter-jdbc (or data-jdbc) with a "
							+ "database, or define a StripeEventStore bean.");
		}
		PluginSchema.initialize(StripePlugin.ID, "plugboard.plugins.stripe", dataSource, properties);
		JdbcOperations jdbc = this.jdbc.getIfUnique(() -> new JdbcTemplate(dataSource));
		PlatformTransactionManager transactions = this.transactionManager
			.getIfUnique(() -> new DataSourceTransactionManager(dataSource));
		return new JdbcStripeEventStore(jdbc, transactions, clock);
	}

}

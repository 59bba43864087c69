package dev.plugboard.autoconfigure.stripe;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

import dev.plugboard.autoconfigure.PlugboardAutoConfiguration;
import dev.plugboard.builtin.stripe.StripeEventHandler;
import dev.plugboard.builtin.stripe.StripeEventStore;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} that defines the {@code stripe} built-in. The plugin, its store and
 * its table exist only when the manifest lists it.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = PlugboardAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "plugboard.enabled", matchIfMissing = true)
@ConditionalOnClass({ JsonMapper.class, JdbcOperations.class, DataSourceScriptDatabaseInitializer.class })
public final class StripePluginAutoConfiguration {

	@Bean
	StripePluginDefinition plugboardStripePluginDefinition(ObjectProvider<StripeEventStore> store,
			ObjectProvider<StripeEventHandler> handlers, ObjectProvider<DataSource> dataSource,
			ObjectProvider<JdbcOperations> jdbc, ObjectProvider<PlatformTransactionManager> transactionManager,
			ObjectProvider<Clock> clock) {
		return new StripePluginDefinition(store, handlers, dataSource, jdbc, transactionManager, clock);
	}

}

package dev.plugboard.autoconfigure.data;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.jdbc.autoconfigure.DataJdbcRepositoriesAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;

import dev.plugboard.autoconfigure.PlugboardAutoConfiguration;
import dev.plugboard.autoconfigure.PlugboardDataAutoConfiguration;

/**
 * An {@link ApplicationContextRunner} with an embedded H2 database, Spring Data JDBC and
 * Plugboard's runtime and repository interceptor.
 */
final class JdbcRunner {

	private JdbcRunner() {
	}

	static ApplicationContextRunner create() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					DataSourceTransactionManagerAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
					DataSourceInitializationAutoConfiguration.class, TransactionAutoConfiguration.class,
					DataJdbcRepositoriesAutoConfiguration.class, PlugboardAutoConfiguration.class,
					PlugboardDataAutoConfiguration.class))
			.withPropertyValues("spring.sql.init.mode=always",
					"spring.sql.init.schema-locations=classpath:plugboard-data/schema.sql");
	}

}

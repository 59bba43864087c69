package dev.plugboard.autoconfigure.webhooks;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

/**
 * An application with invoices, whose writes are posted as webhooks.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableJdbcRepositories(considerNestedRepositories = true)
class WebhooksTestApplication {

}

package dev.plugboard.autoconfigure.email;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.plugboard.autoconfigure.aggregate.BuiltInTesting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The startup check of the {@code email} events against the entities of real Spring Data
 * JDBC repositories on H2: a placeholder the entity lacks, or an entity no repository
 * manages, stops the boot; a matching one starts.
 */
class EmailEventsVerificationTests {

	@Test
	void eventsThatFitTheEntityStart() {
		try (ConfigurableApplicationContext context = application("user_account", "{{email}}").run()) {
			assertThat(context.isRunning()).isTrue();
		}
	}

	@Test
	void aPlaceholderTheEntityLacksStopsTheBootSuggestingTheProperty() {
		SpringApplication application = application("user_account", "{{emial}}");
		assertThatThrownBy(application::run)
			.satisfies((failure) -> assertThat(BuiltInTesting.analyze(failure).getDescription()).isEqualTo(
					"Plugin 'email' cannot use the value of 'events[0]' (plugboard.plugins.email.events[0]). The event "
							+ "sends template 'welcome', which uses {{emial}}, but UserAccount has no property 'emial'; "
							+ "did you mean {{email}}? The variables are id, name, email."));
	}

	@Test
	void anEntityNoRepositoryManagesStopsTheBootNamingTheAggregates() {
		SpringApplication application = application("customer", "{{email}}");
		assertThatThrownBy(application::run)
			.satisfies((failure) -> assertThat(BuiltInTesting.analyze(failure).getDescription())
				.isEqualTo("Plugin 'email' sends a message when 'customer' is written "
						+ "(plugboard.plugins.email.events[0].entity), but no Spring Data repository manages an "
						+ "aggregate of that name. The aggregates are user_account."));
	}

	private static SpringApplication application(String entity, String to) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.datasource.generate-unique-name", "true");
		properties.put("spring.sql.init.mode", "always");
		properties.put("spring.sql.init.schema-locations", "classpath:plugboard-email/schema.sql");
		properties.put("spring.mail.host", "127.0.0.1");
		properties.put("plugboard.plugins.email.from", "no-reply@example.com");
		properties.put("plugboard.plugins.email.templates.welcome.subject", "Welcome, {{name}}");
		properties.put("plugboard.plugins.email.templates.welcome.text", "Hello {{name}}, you are user {{id}}.");
		properties.put("plugboard.plugins.email.events[0].entity", entity);
		properties.put("plugboard.plugins.email.events[0].op", "insert");
		properties.put("plugboard.plugins.email.events[0].template", "welcome");
		properties.put("plugboard.plugins.email.events[0].to", to);
		return new SpringApplicationBuilder(EmailTestApplication.class).web(WebApplicationType.NONE)
			.properties(properties)
			.build();
	}

}

package dev.plugboard.autoconfigure.auditlog;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import static dev.plugboard.autoconfigure.aggregate.BuiltInTesting.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code audit-log} built-in in an application secured by Spring Security with HTTP
 * Basic: the audit row names Security's user even though Plugboard's filter runs ahead of
 * Security's chain, and the routes take the role from Security.
 */
@SpringBootTest(classes = { AuditLogTestApplication.class, AuditLogSecurityIntegrationTests.Security.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.sql.init.mode=always",
				"spring.sql.init.schema-locations=classpath:plugboard-audit-log/schema.sql",
				"plugboard.plugins.audit-log.entities=account" })
class AuditLogSecurityIntegrationTests {

	@Autowired
	private JdbcTemplate jdbc;

	@LocalServerPort
	private int port;

	@BeforeEach
	void emptyTheLog() {
		this.jdbc.update("DELETE FROM plugboard_audit_log");
		this.jdbc.update("UPDATE plugboard_audit_head SET seq = 0, row_hash = ? WHERE id = 1", "0".repeat(64));
	}

	@Test
	void writeByAnAuthenticatedUserRecordsSecuritysPrincipal() {
		HttpResponse<String> created = AuditHttp.send("POST", url("/accounts"), "{\"name\":\"Ada\"}", "Authorization",
				basic("writer"));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(200);

		assertThat(this.jdbc.queryForObject("SELECT principal FROM plugboard_audit_log WHERE seq = 1", String.class))
			.isEqualTo("writer");
	}

	@Test
	void routesTakeTheRoleFromSecurity() {
		assertProblem(AuditHttp.get(url("/audit-log/verify")), 401, "audit-log");
		assertProblem(AuditHttp.get(url("/audit-log/verify"), "Authorization", basic("writer")), 403, "audit-log");

		HttpResponse<String> verified = AuditHttp.get(url("/audit-log/verify"), "Authorization", basic("auditor"));
		assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
		assertThat(AuditHttp.json(verified)).containsEntry("intact", true);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":pw").getBytes(StandardCharsets.UTF_8));
	}

	@Configuration(proxyBeanMethods = false)
	static class Security {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
				.httpBasic(Customizer.withDefaults())
				.csrf((csrf) -> csrf.disable())
				.build();
		}

		@Bean
		InMemoryUserDetailsManager users() {
			return new InMemoryUserDetailsManager(
					User.withUsername("writer").password("{noop}pw").roles("USER").build(),
					User.withUsername("auditor").password("{noop}pw").roles("AUDITOR").build());
		}

	}

}

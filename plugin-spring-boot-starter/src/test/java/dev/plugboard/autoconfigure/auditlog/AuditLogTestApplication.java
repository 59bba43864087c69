package dev.plugboard.autoconfigure.auditlog;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.plugboard.BeforeRequestPlugin;
import dev.plugboard.PluginOrder;
import dev.plugboard.RequestContext;

/**
 * An application with an audited repository, a service whose transaction fails after the
 * save, a controller, and a test-only plugin that authenticates from two headers.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableJdbcRepositories(considerNestedRepositories = true)
class AuditLogTestApplication {

	static final Instant NOW = Instant.parse("2025-05-01T08:00:00.123456Z");

	@Bean
	Clock clock() {
		return Clock.fixed(NOW, ZoneOffset.UTC);
	}

	interface AccountRepository extends ListCrudRepository<Account, Long> {

	}

	/**
	 * Writes in a caller's transaction, some of which fail after the save.
	 */
	@Service
	static class AccountService {

		private final AccountRepository accounts;

		AccountService(AccountRepository accounts) {
			this.accounts = accounts;
		}

		@Transactional
		public Account save(Account account) {
			return this.accounts.save(account);
		}

		@Transactional
		public void saveThenFail(Account account) {
			Account saved = this.accounts.save(account);
			throw new RolledBack(saved.id());
		}

		@Transactional
		public void deleteThenFail(long id) {
			this.accounts.deleteById(id);
			throw new RolledBack(id);
		}

		@Transactional
		public void delete(long id) {
			this.accounts.deleteById(id);
		}

	}

	/**
	 * Thrown after a save to roll its transaction back.
	 */
	static final class RolledBack extends RuntimeException {

		private final Long id;

		RolledBack(Long id) {
			super("rolled back on purpose", null, false, false);
			this.id = id;
		}

		Long id() {
			return this.id;
		}

	}

	/**
	 * Test-only authentication: {@code X-Test-User} names the principal,
	 * {@code X-Test-Roles} lists its roles.
	 */
	@Component
	static class HeaderAuthenticationPlugin implements BeforeRequestPlugin {

		@Override
		public String id() {
			return "test-header-auth";
		}

		@Override
		public int order() {
			return PluginOrder.AUTH;
		}

		@Override
		public void beforeRequest(RequestContext request) {
			String user = request.header("X-Test-User");
			if (user != null) {
				String roles = request.header("X-Test-Roles");
				List<String> granted = (roles != null) ? Arrays.asList(roles.split(",")) : List.of();
				Principal principal = () -> user;
				request.setPrincipal(principal, granted);
			}
		}

	}

	@RestController
	static class AccountController {

		private final AccountService accounts;

		AccountController(AccountService accounts) {
			this.accounts = accounts;
		}

		@PostMapping("/accounts")
		Account create(@RequestBody Map<String, String> body) {
			return this.accounts.save(new Account(null, body.get("name"), body.get("password"), null));
		}

		@PutMapping("/accounts/{id}")
		Account update(@PathVariable long id, @RequestBody Map<String, String> body) {
			return this.accounts.save(new Account(id, body.get("name"), body.get("password"), null));
		}

	}

}

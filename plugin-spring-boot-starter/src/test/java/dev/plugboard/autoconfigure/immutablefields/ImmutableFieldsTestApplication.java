package dev.plugboard.autoconfigure.immutablefields;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.plugboard.autoconfigure.immutablefields.Repositories.AccountRepository;

/**
 * An application with accounts and notes, and a controller that updates an account from a
 * client's body, as a typical PUT handler does.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableJdbcRepositories(considerNestedRepositories = true)
class ImmutableFieldsTestApplication {

	@RestController
	static class AccountController {

		private final AccountRepository accounts;

		AccountController(AccountRepository accounts) {
			this.accounts = accounts;
		}

		@PutMapping("/accounts/{id}")
		Account update(@PathVariable long id, @RequestBody Account body) {
			return this.accounts.save(new Account(id, body.email(), body.ownerId(), body.name()));
		}

	}

}

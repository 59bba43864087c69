package dev.plugboard.autoconfigure.softdelete;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.plugboard.AfterWriteContext;
import dev.plugboard.AfterWritePlugin;
import dev.plugboard.BeforeRequestPlugin;
import dev.plugboard.PluginOrder;
import dev.plugboard.RequestContext;
import dev.plugboard.autoconfigure.softdelete.Repositories.MemoRepository;

/**
 * An application with soft-deleted memos and hard-deleted stickers, a fixed clock, a
 * stand-in authentication plugin that grants the roles named in an {@code X-Roles}
 * header, and an after-write plugin that records what was written.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableJdbcRepositories(considerNestedRepositories = true)
class SoftDeleteTestApplication {

	static final Instant NOW = Instant.parse("2025-04-01T08:00:00.123456Z");

	@Bean
	Clock clock() {
		return Clock.fixed(NOW, ZoneOffset.UTC);
	}

	@Component
	static class HeaderRoles implements BeforeRequestPlugin {

		@Override
		public String id() {
			return "header-roles";
		}

		@Override
		public int order() {
			return PluginOrder.AUTH;
		}

		@Override
		public void beforeRequest(RequestContext request) {
			String roles = request.header("X-Roles");
			if (roles != null) {
				Principal principal = () -> "operator";
				request.setPrincipal(principal, Arrays.asList(roles.split(",")));
			}
		}

	}

	@Component
	static class WriteLog implements AfterWritePlugin {

		final List<String> writes = new CopyOnWriteArrayList<>();

		@Override
		public String id() {
			return "write-log";
		}

		@Override
		public void afterWrite(AfterWriteContext write) {
			this.writes.add(write.op() + " " + write.aggregate() + " " + write.id());
		}

	}

	@RestController
	static class MemoController {

		private final MemoRepository memos;

		MemoController(MemoRepository memos) {
			this.memos = memos;
		}

		@GetMapping("/memos")
		List<Memo> list() {
			return this.memos.findAll();
		}

		@DeleteMapping("/memos/{id}")
		@ResponseStatus(HttpStatus.NO_CONTENT)
		void delete(@PathVariable long id) {
			this.memos.deleteById(id);
		}

	}

}

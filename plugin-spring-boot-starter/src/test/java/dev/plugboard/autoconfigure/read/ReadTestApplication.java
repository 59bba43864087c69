package dev.plugboard.autoconfigure.read;

import java.util.List;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.plugboard.autoconfigure.read.ReadLog.HideDeleted;
import dev.plugboard.autoconfigure.read.ReadLog.MemoWrites;
import dev.plugboard.autoconfigure.read.ReadLog.Redactor;
import dev.plugboard.autoconfigure.read.ReadLog.TenantScope;

/**
 * A small application with Spring Data JDBC repositories, three read plugins, a write
 * recorder and a controller (registered as a member class of this configuration).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class ReadTestApplication {

	@Bean
	ReadLog readLog() {
		return new ReadLog();
	}

	@Bean
	TenantScope tenantScope(ReadLog log) {
		return new TenantScope(log);
	}

	@Bean
	HideDeleted hideDeleted() {
		return new HideDeleted();
	}

	@Bean
	Redactor redactor(ReadLog log) {
		return new Redactor(log);
	}

	@Bean
	MemoWrites memoWrites(ReadLog log) {
		return new MemoWrites(log);
	}

	@RestController
	static class MemoController {

		private final MemoRepository memos;

		MemoController(MemoRepository memos) {
			this.memos = memos;
		}

		@GetMapping("/memos")
		List<Memo> list() {
			return this.memos.findAll(Sort.by("id"));
		}

		@GetMapping("/memos/{id}")
		ResponseEntity<Memo> one(@PathVariable long id) {
			return ResponseEntity.of(this.memos.findById(id));
		}

	}

}

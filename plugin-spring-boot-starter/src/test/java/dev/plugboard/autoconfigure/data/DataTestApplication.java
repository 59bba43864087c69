package dev.plugboard.autoconfigure.data;

import java.util.Map;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.plugboard.autoconfigure.data.WriteLog.NoteAudit;
import dev.plugboard.autoconfigure.data.WriteLog.ScriptedAfterWrite;
import dev.plugboard.autoconfigure.data.WriteLog.ScriptedBeforeWrite;

/**
 * A small application with Spring Data JDBC repositories, three write plugins and a
 * controller (registered as a member class of this configuration).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class DataTestApplication {

	@Bean
	WriteLog writeLog() {
		return new WriteLog();
	}

	@Bean
	ScriptedBeforeWrite scriptedBeforeWrite(WriteLog log) {
		return new ScriptedBeforeWrite(log);
	}

	@Bean
	ScriptedAfterWrite scriptedAfterWrite(WriteLog log) {
		return new ScriptedAfterWrite(log);
	}

	@Bean
	NoteAudit noteAudit(WriteLog log) {
		return new NoteAudit(log);
	}

	@RestController
	static class TicketController {

		private final TicketRepository tickets;

		TicketController(TicketRepository tickets) {
			this.tickets = tickets;
		}

		@PostMapping("/tickets")
		Ticket create(@RequestBody Map<String, String> body) {
			return this.tickets.save(new Ticket(body.getOrDefault("title", "")));
		}

	}

}

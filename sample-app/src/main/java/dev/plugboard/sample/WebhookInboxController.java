package dev.plugboard.sample;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * With the {@code webhooks} profile, the sample posts its own entity events to this
 * receiver so that you can watch them arrive: it verifies each delivery's signature the
 * way a receiving service would, with the Standard Webhooks reference library, and lists
 * the last fifty at {@code GET /demo/webhook-inbox}.
 */
@RestController
@RequestMapping("/demo/webhook-inbox")
@Profile("webhooks")
class WebhookInboxController {

	private static final int KEPT = 50;

	private final Webhook verifier;

	private final Deque<Delivery> received = new ArrayDeque<>();

	WebhookInboxController(@Value("${sample.webhooks.secret}") String secret) {
		this.verifier = new Webhook(secret);
	}

	@PostMapping
	void receive(@RequestHeader HttpHeaders headers, @RequestBody String body) {
		Map<String, List<String>> lowerCase = headers.headerNames()
			.stream()
			// get(), not getValuesAsList(): a signature header holds commas
			// ("v1,<base64>")
			.collect(Collectors.toMap((name) -> name.toLowerCase(Locale.ROOT), headers::get));
		try {
			this.verifier.verify(body, lowerCase);
		}
		catch (WebhookVerificationException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Bad webhook signature: " + ex.getMessage());
		}
		synchronized (this.received) {
			this.received.addFirst(new Delivery(headers.getFirst("webhook-id"), body));
			while (this.received.size() > KEPT) {
				this.received.removeLast();
			}
		}
	}

	@GetMapping
	List<Delivery> list() {
		synchronized (this.received) {
			return List.copyOf(this.received);
		}
	}

	/**
	 * One verified delivery.
	 *
	 * @param id its {@code webhook-id}, the outbox record's idempotency id
	 * @param body the JSON it carried
	 */
	record Delivery(String id, String body) {
	}

}

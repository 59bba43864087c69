package dev.plugboard.autoconfigure.ratelimit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application with the starter and a few endpoints to limit, plus the HTTP helpers of
 * the suites.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(RateLimitTestApplication.Hello.class)
public class RateLimitTestApplication {

	@RestController
	static class Hello {

		@GetMapping({ "/limited", "/free", "/api/items" })
		String hello() {
			return "hello";
		}

	}

	/**
	 * Send {@code perClient} GETs from each of {@code clients} threads at once, spread
	 * over the given base URLs in turn, and return every status.
	 * @param clients the number of concurrent clients
	 * @param perClient requests each client sends
	 * @param urls the URLs, used in turn
	 * @return the statuses
	 * @throws Exception when a request fails
	 */
	static List<Integer> hammer(int clients, int perClient, String... urls) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			List<Callable<List<Integer>>> tasks = new ArrayList<>();
			for (int c = 0; c < clients; c++) {
				int client = c;
				tasks.add(() -> {
					List<Integer> statuses = new ArrayList<>();
					for (int r = 0; r < perClient; r++) {
						statuses.add(get(http, urls[(client + r) % urls.length]).statusCode());
					}
					return statuses;
				});
			}
			List<Integer> all = new ArrayList<>();
			for (Future<List<Integer>> future : pool.invokeAll(tasks)) {
				all.addAll(future.get());
			}
			return all;
		}
		finally {
			pool.shutdownNow();
		}
	}

	static HttpResponse<String> get(HttpClient http, String url) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
	}

}

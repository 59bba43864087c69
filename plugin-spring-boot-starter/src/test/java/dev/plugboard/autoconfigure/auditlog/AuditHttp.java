package dev.plugboard.autoconfigure.auditlog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Plain HTTP calls for the audit-log suites, with the test authentication headers.
 */
final class AuditHttp {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private AuditHttp() {
	}

	static HttpResponse<String> get(String url, String... headers) {
		return send(HttpRequest.newBuilder(URI.create(url)).GET(), headers);
	}

	static HttpResponse<String> send(String method, String url, String json, String... headers) {
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(json)), headers);
	}

	private static HttpResponse<String> send(HttpRequest.Builder builder, String... headers) {
		if (headers.length > 0) {
			builder.headers(headers);
		}
		try {
			return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> json(HttpResponse<String> response) {
		return JsonMapper.builder().build().readValue(response.body(), Map.class);
	}

	static String[] auditor() {
		return new String[] { "X-Test-User", "alice", "X-Test-Roles", "AUDITOR" };
	}

}

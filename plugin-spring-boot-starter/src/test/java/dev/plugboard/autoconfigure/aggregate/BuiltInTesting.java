package dev.plugboard.autoconfigure.aggregate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.LogFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Helpers for the suites of the data built-ins: the failure analysis Boot would print for
 * a startup failure, YAML manifests loaded as {@code application.yml} is, plain HTTP
 * calls, and a PostgreSQL schema recreated for each run.
 */
public final class BuiltInTesting {

	private BuiltInTesting() {
	}

	/**
	 * The analysis Boot prints for a startup failure, from the failure analyzers
	 * registered in {@code spring.factories}, first match in order, as Boot does.
	 * @param failure the startup failure
	 * @return the analysis
	 */
	public static FailureAnalysis analyze(Throwable failure) {
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader
			.forDefaultResourceLocation(BuiltInTesting.class.getClassLoader())
			.load(FailureAnalyzer.class, null, FailureHandler.logging(LogFactory.getLog(BuiltInTesting.class)));
		analyzers.sort(AnnotationAwareOrderComparator.INSTANCE);
		for (FailureAnalyzer analyzer : analyzers) {
			FailureAnalysis analysis = analyzer.analyze(failure);
			if (analysis != null) {
				return analysis;
			}
		}
		throw new AssertionError("No failure analyzer reports " + failure, failure);
	}

	/**
	 * Load YAML text into a context's environment the way {@code application.yml} is
	 * loaded.
	 * @param yaml the YAML text
	 * @return the initializer
	 */
	public static ApplicationContextInitializer<ConfigurableApplicationContext> yaml(String yaml) {
		return (context) -> {
			try {
				List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("application.yml",
						new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8), "application.yml"));
				sources.forEach(context.getEnvironment().getPropertySources()::addFirst);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		};
	}

	/**
	 * Send a JSON request.
	 * @param method the HTTP method
	 * @param url the URL
	 * @param json the body
	 * @return the response
	 */
	public static HttpResponse<String> send(String method, String url, String json) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(json))
			.build();
		try {
			return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Assert that a response is a problem+json body from a plugin.
	 * @param response the response
	 * @param status the expected status
	 * @param plugin the expected plugin
	 */
	public static void assertProblem(HttpResponse<String> response, int status, String plugin) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"plugin\":\"" + plugin + "\"");
	}

	/**
	 * The {@code errors} member of a problem body.
	 * @param response the response
	 * @return the errors, each with its {@code field}, {@code code} and {@code message}
	 */
	@SuppressWarnings("unchecked")
	public static List<Map<String, Object>> errors(HttpResponse<String> response) {
		Map<String, Object> body = JsonMapper.builder().build().readValue(response.body(), Map.class);
		return (List<Map<String, Object>>) body.get("errors");
	}

}

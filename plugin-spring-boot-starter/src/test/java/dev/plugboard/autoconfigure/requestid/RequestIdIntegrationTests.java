package dev.plugboard.autoconfigure.requestid;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code request-id} built-in over real HTTP: the id echoed, seen by the controller,
 * in the MDC of the log lines written while serving (through Logback, the real backend),
 * gone from the MDC afterwards, and the same id in a 500 problem body.
 */
@SpringBootTest(classes = RequestIdTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "plugboard.plugins.request-id.max-length=40", "plugboard.plugins.faulty.on-error=fail-closed" })
class RequestIdIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	@LocalServerPort
	private int port;

	@Autowired
	private RequestIdTestApplication.MdcAfterRequest mdcAfterRequest;

	@BeforeEach
	void attachAppender() {
		this.appender.start();
		logger().addAppender(this.appender);
		this.mdcAfterRequest.values.clear();
	}

	@AfterEach
	void detachAppender() {
		logger().detachAppender(this.appender);
	}

	@Test
	void incomingIdIsEchoedSeenByTheApplicationAndLogged() throws Exception {
		HttpResponse<String> response = get("/echo", "client-id-42");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("X-Request-Id")).hasValue("client-id-42");
		assertThat(response.body()).isEqualTo("context=client-id-42 mdc=client-id-42");
		assertThat(this.appender.list).singleElement()
			.satisfies((event) -> assertThat(event.getMDCPropertyMap()).containsEntry("requestId", "client-id-42"));
	}

	@Test
	void idIsRemovedFromTheMdcWhenTheRequestIsOver() throws Exception {
		get("/echo", "gone-afterwards");
		assertThat(this.mdcAfterRequest.values.poll(30, TimeUnit.SECONDS)).isEqualTo("null");
	}

	@Test
	void unsafeOrTooLongIdIsReplacedByAGeneratedOne() throws Exception {
		HttpResponse<String> tooLong = get("/echo", "a".repeat(41));
		String generated = tooLong.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(generated).matches("[0-9a-f]{32}");
		assertThat(tooLong.body()).isEqualTo("context=" + generated + " mdc=" + generated);
		HttpResponse<String> unsafe = get("/echo", "<script>");
		assertThat(unsafe.headers().firstValue("X-Request-Id"))
			.hasValueSatisfying((id) -> assertThat(id).matches("[0-9a-f]{32}").isNotEqualTo(generated));
	}

	@Test
	void pluginFaultProblemCarriesTheSameId() throws Exception {
		HttpResponse<String> response = get("/fault", "trace-me-7");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.headers().firstValue("X-Request-Id")).hasValue("trace-me-7");
		Map<String, Object> problem = JsonMapper.builder()
			.build()
			.readValue(response.body(), new TypeReference<Map<String, Object>>() {
			});
		assertThat(problem).containsEntry("plugin", "faulty").containsEntry("correlationId", "trace-me-7");
	}

	@Test
	void generatedIdIsTheCorrelationIdOfAFault() throws Exception {
		HttpResponse<String> response = get("/fault", null);
		String id = response.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(response.body()).contains("\"correlationId\":\"" + id + "\"");
	}

	private HttpResponse<String> get(String path, @Nullable String requestId) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (requestId != null) {
			request.header("X-Request-Id", requestId);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static Logger logger() {
		return (Logger) LoggerFactory.getLogger(RequestIdTestApplication.EchoController.class);
	}

}

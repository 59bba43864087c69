package dev.plugboard.runtime.web;

import java.lang.reflect.UndeclaredThrowableException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.Ordered;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;

import dev.plugboard.Conflict;
import dev.plugboard.ValidationFailed;
import dev.plugboard.ValidationFailed.Violation;
import dev.plugboard.runtime.Hook;
import dev.plugboard.runtime.PluginFaultException;

import static org.assertj.core.api.Assertions.assertThat;

class PluginExceptionResolverTests {

	private final PluginExceptionResolver resolver = new PluginExceptionResolver();

	private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/orders");

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	@Test
	void runsBeforeEveryOtherResolverByDefault() {
		assertThat(this.resolver.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE);
	}

	@Test
	void rejectionIsAnsweredWithItsProblem() throws Exception {
		ModelAndView answer = resolve(new Conflict("duplicate-email", "The email is taken").attributeTo("unique"));
		assertThat(answer).isNotNull();
		assertThat(answer.isEmpty()).isTrue();
		assertThat(this.response.getStatus()).isEqualTo(409);
		assertThat(this.response.getContentType()).isEqualTo("application/problem+json");
		assertThat(this.response.getContentAsString()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Conflict\","
				+ "\"status\":409,\"detail\":\"The email is taken\",\"instance\":\"/orders\","
				+ "\"code\":\"duplicate-email\",\"plugin\":\"unique\"}");
	}

	@Test
	void rejectionIsFoundBehindWrappers() throws Exception {
		ValidationFailed rejection = new ValidationFailed(
				List.of(new Violation("email", "required", "Email is required"),
						new Violation("name", "too-long", "Name is too long")));
		resolve(new IllegalStateException("proxy", new UndeclaredThrowableException(rejection.attributeTo("check"))));
		assertThat(this.response.getStatus()).isEqualTo(400);
		assertThat(this.response.getContentAsString()).contains("\"errors\":[")
			.contains("\"field\":\"email\"")
			.contains("\"plugin\":\"check\"");
	}

	@Test
	void faultIsAnswered500WithPluginAndCorrelationIdOnly() throws Exception {
		resolve(new PluginFaultException("audit", Hook.BEFORE_WRITE, "corr-42",
				new IllegalArgumentException("password=hunter2")));
		assertThat(this.response.getStatus()).isEqualTo(500);
		assertThat(this.response.getContentAsString()).contains("\"plugin\":\"audit\"")
			.contains("\"correlationId\":\"corr-42\"")
			.doesNotContain("hunter2")
			.doesNotContain("IllegalArgumentException");
	}

	@Test
	void otherExceptionsAreLeftToTheApplication() throws Exception {
		assertThat(resolve(new IllegalStateException("not ours", new RuntimeException()))).isNull();
		assertThat(this.response.getStatus()).isEqualTo(200);
		assertThat(this.response.getContentAsString()).isEmpty();
	}

	@Test
	void committedResponseIsLeftAlone() throws Exception {
		this.response.getWriter().write("partial");
		this.response.flushBuffer();
		assertThat(resolve(new Conflict("late"))).isNotNull();
		assertThat(this.response.getContentAsString()).isEqualTo("partial");
	}

	private ModelAndView resolve(Exception ex) {
		return this.resolver.resolveException(this.request, this.response, null, ex);
	}

}

package dev.plugboard.runtime;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ServletRequestContext}.
 */
class ServletRequestContextTests {

	@Test
	void principalWithRolesIsSeenByTheNextFilterAndAnswersRoleChecks() {
		MockHttpServletRequest servlet = new MockHttpServletRequest("GET", "/audit-log");
		ServletRequestContext context = new ServletRequestContext(servlet, new MockHttpServletResponse());
		context.setPrincipal(() -> "auditor-key", List.of("AUDITOR"));
		assertThat(context.servletRequest().getUserPrincipal().getName()).isEqualTo("auditor-key");
		assertThat(context.servletRequest().isUserInRole("AUDITOR")).isTrue();
		assertThat(context.isUserInRole("AUDITOR")).isTrue();
		assertThat(context.isUserInRole("ADMIN")).isFalse();
	}

	@Test
	void principalWithoutRolesLeavesRoleChecksToTheContainer() {
		MockHttpServletRequest servlet = new MockHttpServletRequest("GET", "/");
		servlet.addUserRole("ADMIN");
		ServletRequestContext context = new ServletRequestContext(servlet, new MockHttpServletResponse());
		context.setPrincipal(() -> "alice");
		assertThat(context.isUserInRole("ADMIN")).isTrue();
	}

	@Test
	void completionCallbacksRunOnceLastFirstHoweverManyThereAre() {
		ServletRequestContext context = new ServletRequestContext(new MockHttpServletRequest("GET", "/"),
				new MockHttpServletResponse());
		List<Integer> ran = new ArrayList<>();
		for (int i = 0; i < 9; i++) {
			int n = i;
			context.onComplete(() -> ran.add(n));
		}
		context.complete();
		context.complete();
		assertThat(ran).containsExactly(8, 7, 6, 5, 4, 3, 2, 1, 0);
	}

	@Test
	void wrappersReplaceTheRequestAndResponseTheChainSees() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		MockHttpServletResponse response = new MockHttpServletResponse();
		ServletRequestContext context = new ServletRequestContext(request, response);
		context.wrapRequest(HttpServletRequestWrapper::new);
		context.wrapResponse(HttpServletResponseWrapper::new);
		assertThat(((HttpServletRequestWrapper) context.servletRequest()).getRequest()).isSameAs(request);
		assertThat(((HttpServletResponseWrapper) context.servletResponse()).getResponse()).isSameAs(response);
	}

}

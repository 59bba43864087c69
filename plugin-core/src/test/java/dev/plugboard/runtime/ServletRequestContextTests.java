package dev.plugboard.runtime;

import java.util.List;

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

}

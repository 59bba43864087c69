package dev.plugboard.autoconfigure.requestid;

import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.plugboard.BeforeRequestPlugin;
import dev.plugboard.RequestContext;

/**
 * An application with the {@code request-id} built-in listed: a controller that logs and
 * answers the request id it sees, a plugin of its own that fails on {@code /fault}, and
 * an outermost filter that records what the MDC holds once the request is over.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
class RequestIdTestApplication {

	@Bean
	BeforeRequestPlugin faultyPlugin() {
		return new BeforeRequestPlugin() {

			@Override
			public String id() {
				return "faulty";
			}

			@Override
			public void beforeRequest(RequestContext request) {
				if ("/fault".equals(request.path())) {
					throw new IllegalStateException("broken on purpose");
				}
			}

		};
	}

	@Bean
	MdcAfterRequest mdcAfterRequest() {
		return new MdcAfterRequest();
	}

	@Bean
	FilterRegistrationBean<Filter> mdcAfterRequestFilter(MdcAfterRequest recorder) {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
			try {
				chain.doFilter(request, response);
			}
			finally {
				recorder.values.add(String.valueOf(MDC.get("requestId")));
			}
		});
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	static final class MdcAfterRequest {

		/**
		 * What the filter saw; it records after the response went out, so a test waits
		 * for it.
		 */
		final BlockingQueue<String> values = new LinkedBlockingQueue<>();

	}

	@RestController
	static class EchoController {

		static final Logger logger = LoggerFactory.getLogger(EchoController.class);

		@GetMapping("/echo")
		String echo(HttpServletRequest request) throws IOException {
			logger.info("Serving echo");
			RequestContext context = (RequestContext) request.getAttribute(RequestContext.ATTRIBUTE);
			return "context=" + requestId(context) + " mdc=" + MDC.get("requestId");
		}

		private static @Nullable String requestId(@Nullable RequestContext context) {
			return (context != null) ? context.requestId() : null;
		}

	}

}

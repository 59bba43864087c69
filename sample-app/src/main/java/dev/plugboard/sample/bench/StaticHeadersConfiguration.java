package dev.plugboard.sample.bench;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A control for {@code sample-app/bench/wrk-compare.sh}: with Plugboard off, one plain
 * filter adds the same 12 header lines the request-path built-ins add (constant values),
 * so that the cost of carrying those headers can be told apart from the cost of the
 * plugins that compute them.
 */
@Configuration(proxyBeanMethods = false)
@Profile("bench-static-headers")
class StaticHeadersConfiguration {

	static final String[][] HEADERS = { { "X-Request-Id", "217a4f2dea42ee5759a68867fd5b0781" },
			{ "Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers" },
			{ "Access-Control-Allow-Origin", "http://localhost:3000" }, { "Access-Control-Expose-Headers", "Location" },
			{ "Access-Control-Allow-Credentials", "true" }, { "RateLimit-Policy", "\"everything\";q=1000000;w=1" },
			{ "RateLimit", "\"everything\";r=999999;t=1" }, { "X-Content-Type-Options", "nosniff" },
			{ "X-Frame-Options", "DENY" }, { "Referrer-Policy", "strict-origin-when-cross-origin" },
			{ "Permissions-Policy", "camera=(), microphone=(), geolocation=()" },
			{ "Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'" } };

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> staticHeadersFilter() {
		OncePerRequestFilter filter = new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				for (String[] header : HEADERS) {
					response.addHeader(header[0], header[1]);
				}
				chain.doFilter(request, response);
			}

		};
		return new FilterRegistrationBean<>(filter);
	}

}

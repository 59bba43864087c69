package dev.plugboard.runtime.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import dev.plugboard.PluginException;
import dev.plugboard.runtime.PluginFaultException;
import dev.plugboard.runtime.ProblemResponses;

/**
 * Answers a {@link PluginException} or {@link PluginFaultException} that escapes a
 * controller or a plugin route (a write hook's rejection inside a repository call, a
 * route handler's rejection) with the same problem+json body the request filter writes.
 * The exception is also found in the cause chain, when a proxy or a library wrapped it.
 *
 * <p>
 * It runs at {@link Ordered#HIGHEST_PRECEDENCE} by default, ahead of the application's
 * {@code @ExceptionHandler} methods and of Spring's problem-detail handling, so that a
 * rejection is answered the same way everywhere. Faults are not logged again: the runtime
 * logged each one when it was raised. Thread-safe.
 *
 * @since 0.1.0
 */
public final class PluginExceptionResolver implements HandlerExceptionResolver, Ordered {

	private static final Logger logger = LoggerFactory.getLogger(PluginExceptionResolver.class);

	private static final int MAX_DEPTH = 32;

	private int order = Ordered.HIGHEST_PRECEDENCE;

	@Override
	public int getOrder() {
		return this.order;
	}

	/**
	 * Set the position of this resolver among the handler exception resolvers. Use a
	 * lower precedence (a higher number) to let an application's
	 * {@code @ExceptionHandler} for plugin rejections win.
	 * @param order the order
	 */
	public void setOrder(int order) {
		this.order = order;
	}

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		RuntimeException found = find(ex);
		if (found == null) {
			return null;
		}
		try {
			if (found instanceof PluginException rejection) {
				ProblemResponses.write(response, rejection, request.getRequestURI());
			}
			else {
				ProblemResponses.write(response, (PluginFaultException) found, request.getRequestURI());
			}
		}
		catch (IOException writeFailure) {
			logger.debug("Could not write the problem response; the client has probably gone", writeFailure);
		}
		return new ModelAndView();
	}

	private static @Nullable RuntimeException find(Throwable ex) {
		Throwable candidate = ex;
		for (int depth = 0; candidate != null && depth < MAX_DEPTH; depth++) {
			if (candidate instanceof PluginException || candidate instanceof PluginFaultException) {
				return (RuntimeException) candidate;
			}
			candidate = candidate.getCause();
		}
		return null;
	}

}

package dev.plugboard.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import dev.plugboard.runtime.ManifestException;

/**
 * Turns a bad manifest into Boot's "Description / Action" report: any
 * {@link ManifestException} (unknown, duplicate or invalid ids, a plugin's own keys that
 * do not bind or are missing, route clashes, unsupported writes), and a common key under
 * {@code plugboard.*} that Boot could not bind, named by plugin, key, value and accepted
 * values. Ordered first so that Boot's generic bind analysis does not answer for our
 * keys.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
final class ManifestFailureAnalyzer implements FailureAnalyzer {

	@Override
	public @Nullable FailureAnalysis analyze(Throwable failure) {
		ManifestException manifest = findCause(failure, ManifestException.class);
		if (manifest != null) {
			return new FailureAnalysis(manifest.description(), manifest.action(), manifest);
		}
		BindException bind = findCause(failure, BindException.class);
		if (bind != null) {
			InvalidManifestValue invalid = InvalidManifestValue.of(bind);
			if (invalid != null) {
				return new FailureAnalysis(invalid.description(), invalid.action(), bind);
			}
		}
		return null;
	}

	private static <E extends Throwable> @Nullable E findCause(Throwable failure, Class<E> type) {
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (type.isInstance(candidate)) {
				return type.cast(candidate);
			}
		}
		return null;
	}

}

package dev.plugboard.sample;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Checks of request fields, answered with a 400.
 */
final class Required {

	private Required() {
	}

	static String text(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, field + " is required");
		}
		return value.trim();
	}

}

/**
 * The {@code cors} built-in: answers CORS preflights and adds the CORS headers of allowed
 * origins, with Spring's {@code CorsConfiguration} and {@code DefaultCorsProcessor}.
 */
@NullMarked
package dev.plugboard.builtin.cors;

import org.jspecify.annotations.NullMarked;

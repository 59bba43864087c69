/**
 * What exists only for the HTTP benchmark: no-op plugins (profile {@code noop-plugins})
 * and a control filter (profile {@code bench-static-headers}).
 */
@NullMarked
package dev.plugboard.sample.bench;

import org.jspecify.annotations.NullMarked;

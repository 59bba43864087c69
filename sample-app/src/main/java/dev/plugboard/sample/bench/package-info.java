/**
 * Plugins that exist only for the HTTP benchmark (profile {@code noop-plugins}).
 */
@NullMarked
package dev.plugboard.sample.bench;

import org.jspecify.annotations.NullMarked;

/**
 * The Plugboard SPI: the {@link dev.plugboard.Plugin} hook interfaces a plugin
 * implements, the context objects they receive, and the exceptions that reject a request,
 * a write or a read.
 */
@NullMarked
package dev.plugboard;

import org.jspecify.annotations.NullMarked;

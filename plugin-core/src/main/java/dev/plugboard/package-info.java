/**
 * The Plugboard SPI: the {@link dev.plugboard.Plugin} hook interfaces a plugin implements, the
 * context objects they receive, and the exceptions that reject a request or a write.
 */
@NullMarked
package dev.plugboard;

import org.jspecify.annotations.NullMarked;

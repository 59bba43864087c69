/**
 * What several built-ins share and the SPI does not offer; not for applications.
 */
@NullMarked
package dev.plugboard.builtin.support;

import org.jspecify.annotations.NullMarked;

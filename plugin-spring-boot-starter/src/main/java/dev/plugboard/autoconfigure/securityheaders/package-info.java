/**
 * Auto-configuration of the {@code security-headers} built-in.
 */
@NullMarked
package dev.plugboard.autoconfigure.securityheaders;

import org.jspecify.annotations.NullMarked;

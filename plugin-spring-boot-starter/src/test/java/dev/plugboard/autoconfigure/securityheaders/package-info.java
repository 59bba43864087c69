/**
 * Tests of the {@code security-headers} built-in through the starter.
 */
@NullMarked
package dev.plugboard.autoconfigure.securityheaders;

import org.jspecify.annotations.NullMarked;

/**
 * Tests of the {@code request-id} built-in through the starter.
 */
@NullMarked
package dev.plugboard.autoconfigure.requestid;

import org.jspecify.annotations.NullMarked;

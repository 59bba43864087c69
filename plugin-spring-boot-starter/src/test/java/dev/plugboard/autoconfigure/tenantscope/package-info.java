/**
 * Tests of the {@code tenant-scope} built-in through the starter.
 */
@NullMarked
package dev.plugboard.autoconfigure.tenantscope;

import org.jspecify.annotations.NullMarked;

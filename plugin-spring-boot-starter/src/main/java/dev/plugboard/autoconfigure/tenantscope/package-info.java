/**
 * Auto-configuration of the {@code tenant-scope} built-in.
 */
@NullMarked
package dev.plugboard.autoconfigure.tenantscope;

import org.jspecify.annotations.NullMarked;

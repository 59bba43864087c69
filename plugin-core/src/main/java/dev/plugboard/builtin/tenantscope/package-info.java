/**
 * The {@code tenant-scope} built-in: stamps the tenant of the current request on new
 * rows, refuses writes to other tenants' rows and hides them from reads.
 */
@NullMarked
package dev.plugboard.builtin.tenantscope;

import org.jspecify.annotations.NullMarked;

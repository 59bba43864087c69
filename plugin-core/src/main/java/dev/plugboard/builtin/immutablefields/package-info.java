/**
 * The {@code immutable-fields} built-in: refuses an UPDATE that changes a field listed as
 * immutable for its aggregate.
 */
@NullMarked
package dev.plugboard.builtin.immutablefields;

import org.jspecify.annotations.NullMarked;

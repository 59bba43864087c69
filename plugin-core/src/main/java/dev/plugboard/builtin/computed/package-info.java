/**
 * The {@code computed} built-in: entity fields computed before each insert and update
 * from SpEL expressions declared in the manifest, evaluated in a read-only sandbox.
 */
@NullMarked
package dev.plugboard.builtin.computed;

import org.jspecify.annotations.NullMarked;

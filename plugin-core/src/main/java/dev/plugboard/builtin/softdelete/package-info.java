/**
 * The {@code soft-delete} built-in: turns a repository delete into an update of a
 * deleted-at field, hides deleted rows from reads, and restores or purges them.
 */
@NullMarked
package dev.plugboard.builtin.softdelete;

import org.jspecify.annotations.NullMarked;

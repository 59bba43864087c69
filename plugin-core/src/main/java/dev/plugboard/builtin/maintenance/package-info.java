/**
 * The {@code maintenance-mode} built-in: answers 503 with {@code Retry-After} while the
 * application is in maintenance, switched on and off at runtime.
 */
@NullMarked
package dev.plugboard.builtin.maintenance;

import org.jspecify.annotations.NullMarked;

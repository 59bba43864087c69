/**
 * Auto-configuration of the {@code ip-filter} built-in.
 */
@NullMarked
package dev.plugboard.autoconfigure.ipfilter;

import org.jspecify.annotations.NullMarked;

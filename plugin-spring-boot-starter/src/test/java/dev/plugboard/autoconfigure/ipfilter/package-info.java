/**
 * Tests of the {@code ip-filter} built-in's auto-configuration.
 */
@NullMarked
package dev.plugboard.autoconfigure.ipfilter;

import org.jspecify.annotations.NullMarked;

/**
 * The Plugboard sample: a small users-and-orders application that uses the starter
 * exactly as any application would.
 */
@NullMarked
package dev.plugboard.sample;

import org.jspecify.annotations.NullMarked;

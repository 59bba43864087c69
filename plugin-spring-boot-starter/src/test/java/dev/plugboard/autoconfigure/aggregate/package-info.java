/**
 * Test support shared by the suites of the built-ins that check aggregates at startup.
 */
@NullMarked
package dev.plugboard.autoconfigure.aggregate;

import org.jspecify.annotations.NullMarked;

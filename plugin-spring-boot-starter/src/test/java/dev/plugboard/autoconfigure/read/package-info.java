/**
 * Tests of the after-read hooks through the starter, on real Spring Data JDBC
 * repositories.
 */
@NullMarked
package dev.plugboard.autoconfigure.read;

import org.jspecify.annotations.NullMarked;

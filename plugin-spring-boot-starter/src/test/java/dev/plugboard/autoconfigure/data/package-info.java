/**
 * Tests of the repository interceptor through the starter, on real Spring Data JDBC
 * repositories.
 */
@NullMarked
package dev.plugboard.autoconfigure.data;

import org.jspecify.annotations.NullMarked;

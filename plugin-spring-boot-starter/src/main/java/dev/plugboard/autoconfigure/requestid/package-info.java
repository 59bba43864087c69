/**
 * Auto-configuration of the {@code request-id} built-in.
 */
@NullMarked
package dev.plugboard.autoconfigure.requestid;

import org.jspecify.annotations.NullMarked;

/**
 * Auto-configuration of the {@code maintenance-mode} built-in and its actuator endpoint.
 */
@NullMarked
package dev.plugboard.autoconfigure.maintenance;

import org.jspecify.annotations.NullMarked;

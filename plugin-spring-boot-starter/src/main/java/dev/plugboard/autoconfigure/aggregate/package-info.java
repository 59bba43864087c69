/**
 * Startup checks of built-ins whose configuration names aggregates and their properties:
 * the entity class of each aggregate, resolved from the application's Spring Data
 * repositories.
 */
@NullMarked
package dev.plugboard.autoconfigure.aggregate;

import org.jspecify.annotations.NullMarked;

package dev.plugboard.autoconfigure.slugify;

/**
 * The {@code slugify} built-in on an embedded H2 database.
 */
class H2SlugifyIntegrationTests extends AbstractSlugifyIntegrationTests {

}

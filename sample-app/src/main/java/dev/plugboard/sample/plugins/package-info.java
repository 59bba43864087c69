/**
 * The sample's own plugins: plain {@code @Component} beans that implement Plugboard
 * hooks, configured from their entries under {@code plugboard.plugins} in
 * {@code application.yml}.
 */
@NullMarked
package dev.plugboard.sample.plugins;

import org.jspecify.annotations.NullMarked;

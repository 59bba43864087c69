/**
 * The repository interceptor: before-write and after-write hooks around every Spring Data
 * repository write, and after-read hooks on the entities its reads return, installed
 * through Spring Data's own repository factory customizers.
 */
@NullMarked
package dev.plugboard.runtime.data;

import org.jspecify.annotations.NullMarked;

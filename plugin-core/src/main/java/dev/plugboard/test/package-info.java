/**
 * A test harness for plugin authors: drive a plugin's hooks in a plain JUnit test,
 * through the real dispatcher, without starting Spring. Start with
 * {@link dev.plugboard.test.PluginHarness}.
 */
@NullMarked
package dev.plugboard.test;

import org.jspecify.annotations.NullMarked;

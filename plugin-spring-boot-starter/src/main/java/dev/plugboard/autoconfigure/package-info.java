/**
 * Auto-configuration that installs Plugboard: the manifest, the runtime, the request
 * filter, the repository interceptor, plugin routes, error mapping, metrics and the
 * actuator endpoint.
 */
@NullMarked
package dev.plugboard.autoconfigure;

import org.jspecify.annotations.NullMarked;

package dev.plugboard.autoconfigure.email;

import dev.plugboard.Plugin;
import dev.plugboard.PluginDefinition;
import dev.plugboard.builtin.email.EmailPlugin;
import dev.plugboard.runtime.ManifestException;
import dev.plugboard.runtime.ManifestException.Problem;

import java.util.List;

/**
 * Stands in for the {@code email} definition when Spring's mail support, Jakarta Mail or
 * Jackson is not on the classpath, so that listing the plugin stops the boot saying which
 * library to add rather than calling the id unknown.
 */
final class MissingMailDefinition implements PluginDefinition<Object> {

	@Override
	public String id() {
		return EmailPlugin.ID;
	}

	@Override
	public Class<Object> configurationType() {
		return Object.class;
	}

	@Override
	public Plugin create(Object configuration) {
		throw new ManifestException(Problem.MISSING_KEY, EmailPlugin.ID,
				"Plugin 'email' sends mail with Spring's JavaMailSender over Jakarta Mail (Angus), and writes its "
						+ "outbox records with Jackson, but one of them is not on the classpath.",
				"Add org.springframework.boot:spring-boot-starter-mail (and tools.jackson.core:jackson-databind if "
						+ "the application has no Jackson), or remove 'email' from the manifest.",
				List.of());
	}

}

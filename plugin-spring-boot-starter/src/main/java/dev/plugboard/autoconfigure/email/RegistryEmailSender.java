package dev.plugboard.autoconfigure.email;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

import dev.plugboard.builtin.email.EmailMessage;
import dev.plugboard.builtin.email.EmailPlugin;
import dev.plugboard.builtin.email.EmailSender;
import dev.plugboard.runtime.PluginRegistry;

/**
 * The {@link EmailSender} bean: the {@code email} plugin's sender, found in the registry
 * on first use. Looking it up late lets an application's own plugin inject the sender
 * without a cycle (the registry is built from the plugin beans).
 */
final class RegistryEmailSender implements EmailSender {

	private final ObjectProvider<PluginRegistry> registry;

	private volatile @Nullable EmailSender delegate;

	RegistryEmailSender(ObjectProvider<PluginRegistry> registry) {
		this.registry = registry;
	}

	@Override
	public void send(EmailMessage message) {
		delegate().send(message);
	}

	@Override
	public String enqueue(EmailMessage message) {
		return delegate().enqueue(message);
	}

	@Override
	public EmailMessage render(String template, List<String> to, Map<String, ? extends @Nullable Object> variables) {
		return delegate().render(template, to, variables);
	}

	private EmailSender delegate() {
		EmailSender delegate = this.delegate;
		if (delegate == null) {
			EmailPlugin email = this.registry.getObject().enabled(EmailPlugin.class);
			if (email == null) {
				throw new IllegalStateException("The 'email' plugin is not enabled (plugboard.plugins.email)");
			}
			delegate = email.sender();
			this.delegate = delegate;
		}
		return delegate;
	}

	@Override
	public String toString() {
		return "RegistryEmailSender";
	}

}

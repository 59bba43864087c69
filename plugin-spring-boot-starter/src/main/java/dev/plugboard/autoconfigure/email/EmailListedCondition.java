package dev.plugboard.autoconfigure.email;

import dev.plugboard.autoconfigure.PluginListedCondition;
import dev.plugboard.builtin.email.EmailPlugin;

/**
 * Matches when the manifest lists {@code email} and does not disable it, so that the
 * {@code EmailSender} bean exists only with the plugin.
 */
class EmailListedCondition extends PluginListedCondition {

	EmailListedCondition() {
		super(EmailPlugin.ID);
	}

}

package dev.plugboard.builtin.email;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.jspecify.annotations.Nullable;

import dev.plugboard.PluginConfigurationException;
import dev.plugboard.WriteOp;
import dev.plugboard.builtin.support.EntityType;

/**
 * The configuration of the {@link EmailPlugin}.
 *
 * @param from the sender of every message that does not name its own, such as
 * {@code Example <no-reply@example.com>}
 * @param templates the templates by name, in the order they are listed in messages
 * @param events the messages enqueued when an entity is written
 * @since 0.1.0
 */
public record EmailConfig(String from, Map<String, EmailTemplate> templates, List<Event> events) {

	/**
	 * Check and copy the values.
	 * @throws PluginConfigurationException naming the key when {@code from} is not an
	 * address, or an event is incomplete, names a template that is not configured, or has
	 * a malformed recipient
	 */
	public EmailConfig {
		if (from == null || from.isBlank()) {
			throw new PluginConfigurationException("from",
					"Messages need a sender; set 'from', such as 'Example <no-reply@example.com>'.");
		}
		address("from", from);
		templates = Collections.unmodifiableMap(new LinkedHashMap<>(templates));
		events = List.copyOf(events);
		for (int i = 0; i < events.size(); i++) {
			Event event = events.get(i);
			String key = "events[" + i + "]";
			if (event.entity() == null || event.entity().isBlank()) {
				throw new PluginConfigurationException(key + ".entity",
						"The event names no entity; set 'entity' to the aggregate (table) name, such as 'user'.");
			}
			if (event.op() == null) {
				throw new PluginConfigurationException(key + ".op",
						"The event names no operation; set 'op' to insert, update or delete.");
			}
			if (event.template() == null || !templates.containsKey(event.template())) {
				String suggestion = (event.template() != null)
						? EntityType.nearest(event.template(), templates.keySet()) : null;
				throw new PluginConfigurationException(key + ".template", "The event sends the template '"
						+ event.template() + "', which is not configured under 'templates'"
						+ ((suggestion != null) ? "; did you mean '" + suggestion + "'?" : ".") + " The templates are: "
						+ (templates.isEmpty() ? "none" : String.join(", ", templates.keySet())) + ".");
			}
			if (event.to() == null || event.to().isEmpty()) {
				throw new PluginConfigurationException(key + ".to",
						"The event has no recipient; set 'to', such as '{{email}}' for the entity's email property.");
			}
			for (String to : event.to()) {
				recipient(key + ".to", to);
			}
		}
	}

	static Placeholders recipient(String key, @Nullable String to) {
		if (to == null || to.isBlank() || to.indexOf('\r') >= 0 || to.indexOf('\n') >= 0) {
			throw new PluginConfigurationException(key,
					"'" + to + "' is not a recipient; give one address or one placeholder, such as '{{email}}'.");
		}
		try {
			Placeholders parsed = Placeholders.parse(to);
			if (parsed.variables().isEmpty()) {
				address(key, to);
			}
			return parsed;
		}
		catch (IllegalArgumentException ex) {
			throw new PluginConfigurationException(key, ex.getMessage());
		}
	}

	private static void address(String key, String address) {
		try {
			InternetAddress[] parsed = InternetAddress.parse(address, true);
			if (parsed.length != 1) {
				throw new AddressException("it names " + parsed.length + " addresses");
			}
			parsed[0].validate();
		}
		catch (AddressException ex) {
			throw new PluginConfigurationException(key, "'" + address + "' is not one email address (" + ex.getMessage()
					+ "); write it as 'no-reply@example.com' or 'Example <no-reply@example.com>'.");
		}
	}

	/**
	 * A configuration with templates and no events.
	 * @param from the sender
	 * @param templates the templates
	 * @return the configuration
	 */
	public static EmailConfig of(String from, List<EmailTemplate> templates) {
		Map<String, EmailTemplate> byName = new LinkedHashMap<>();
		templates.forEach((template) -> byName.put(template.name(), template));
		return new EmailConfig(from, byName, new ArrayList<>());
	}

	/**
	 * A message enqueued when an entity of one aggregate is written with one operation.
	 *
	 * @param entity the aggregate (table) name, such as {@code user};
	 * {@code user_account}, {@code user-account} and {@code userAccount} name the same
	 * aggregate
	 * @param op the operation
	 * @param template the template's name; its variables are the entity's properties and
	 * {@code id}
	 * @param to the recipients, each one address or one placeholder such as
	 * {@code {{email}}}
	 */
	public record Event(String entity, WriteOp op, String template, List<String> to) {

		/**
		 * Copy the recipients.
		 */
		public Event {
			to = (to != null) ? List.copyOf(to) : List.of();
		}

	}

}

package dev.plugboard.builtin.email;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.mail.internet.AddressException;
import org.jspecify.annotations.Nullable;
import org.springframework.mail.javamail.JavaMailSender;

import dev.plugboard.AfterWriteContext;
import dev.plugboard.AfterWritePlugin;
import dev.plugboard.Outbox;
import dev.plugboard.OutboxPlugin;
import dev.plugboard.OutboxRecord;
import dev.plugboard.PluginConfigurationException;
import dev.plugboard.builtin.support.AggregateKey;
import dev.plugboard.builtin.support.EntityType;

/**
 * Sends email: the {@link EmailSender} that the application and other plugins use, the
 * messages configured as events (a welcome mail when a {@code user} is inserted), and the
 * delivery of both from the outbox.
 *
 * <p>
 * As an after-write hook it renders the event's template with the written entity's
 * properties (and {@code id}) as variables, and enqueues the message through
 * {@link AfterWriteContext#outbox()}: the outbox record commits with the entity, or not
 * at all. As the outbox plugin of topic {@value #ID} it sends each record with the
 * application's {@link JavaMailSender}, with the record's id in the
 * {@value #IDEMPOTENCY_HEADER} header so that a repeated delivery (at-least-once) is
 * recognisable. A malformed address or a 5xx reply makes the record dead at once
 * ({@link dev.plugboard.UndeliverableException}); a refused connection, a timeout or a
 * 4xx reply is retried on the outbox's schedule.
 *
 * <p>
 * Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class EmailPlugin implements AfterWritePlugin, OutboxPlugin {

	/** The plugin's id in the manifest, and the topic of its outbox records. */
	public static final String ID = "email";

	/** The header that carries the outbox record's idempotency id on every delivery. */
	public static final String IDEMPOTENCY_HEADER = "X-Plugboard-Idempotency-Id";

	private final MailEmailSender sender;

	private final List<EmailConfig.Event> events;

	/** The events, parsed, in manifest order. */
	private final List<Trigger> all;

	/** The events of each aggregate, keyed by {@link AggregateKey}. */
	private final Map<String, List<Trigger>> triggers;

	/** The property names of each entity class written so far. */
	private final ClassValue<List<String>> properties = new ClassValue<>() {

		@Override
		protected List<String> computeValue(Class<?> type) {
			return List.copyOf(propertyNames(type));
		}

	};

	/**
	 * Create the plugin.
	 * @param config the sender, templates and events
	 * @param mailSender the application's mail sender
	 * @param outbox the outbox that {@link EmailSender#enqueue} writes to, asked for on
	 * each call (the after-write hook uses the write's own); it throws
	 * {@link IllegalStateException} when the application has none
	 */
	public EmailPlugin(EmailConfig config, JavaMailSender mailSender, Supplier<Outbox> outbox) {
		this.sender = new MailEmailSender(mailSender, config.from(), config.templates(), outbox);
		this.events = config.events();
		Map<String, List<Trigger>> triggers = new HashMap<>();
		List<Trigger> all = new ArrayList<>();
		for (int i = 0; i < this.events.size(); i++) {
			EmailConfig.Event event = this.events.get(i);
			List<Placeholders> to = new ArrayList<>();
			for (String recipient : event.to()) {
				to.add(EmailConfig.recipient("events[" + i + "].to", recipient));
			}
			Trigger trigger = new Trigger(event, config.templates().get(event.template()), List.copyOf(to));
			all.add(trigger);
			triggers.computeIfAbsent(AggregateKey.of(event.entity()), (key) -> new ArrayList<>()).add(trigger);
		}
		this.all = List.copyOf(all);
		triggers.replaceAll((key, list) -> List.copyOf(list));
		this.triggers = Map.copyOf(triggers);
	}

	@Override
	public String id() {
		return ID;
	}

	/**
	 * The sender, for the application and other plugins.
	 * @return the sender
	 */
	public EmailSender sender() {
		return this.sender;
	}

	/**
	 * The configured events.
	 * @return the events, in manifest order
	 */
	public List<EmailConfig.Event> events() {
		return this.events;
	}

	/**
	 * Check that an entity class has every variable the events of its aggregate use, so
	 * that a misspelt placeholder stops the boot instead of failing on the first write.
	 * @param aggregate the aggregate name, as the events name it
	 * @param entityType the entity class the repositories write for it
	 * @throws PluginConfigurationException naming the event's key and the missing
	 * variable
	 */
	public void verify(String aggregate, Class<?> entityType) {
		List<String> names = propertyNames(entityType);
		for (int i = 0; i < this.all.size(); i++) {
			Trigger trigger = this.all.get(i);
			EmailConfig.Event event = trigger.event();
			if (!AggregateKey.of(event.entity()).equals(AggregateKey.of(aggregate))) {
				continue;
			}
			List<String> used = new ArrayList<>(trigger.template().variables());
			trigger.to().forEach((to) -> used.addAll(to.variables()));
			for (String variable : used) {
				if (!names.contains(variable)) {
					String suggestion = EntityType.nearest(variable, names);
					throw new PluginConfigurationException("events[" + i + "]",
							"The event sends template '" + event.template() + "', which uses {{" + variable + "}}, but "
									+ entityType.getSimpleName() + " has no property '" + variable + "'"
									+ ((suggestion != null) ? "; did you mean {{" + suggestion + "}}?" : ".")
									+ " The variables are " + String.join(", ", names) + ".");
				}
			}
		}
	}

	@Override
	public void afterWrite(AfterWriteContext write) {
		List<Trigger> triggers = this.triggers.get(AggregateKey.of(write.aggregate()));
		if (triggers == null) {
			return;
		}
		Map<String, @Nullable Object> variables = null;
		for (Trigger trigger : triggers) {
			if (trigger.event().op() != write.op()) {
				continue;
			}
			if (variables == null) {
				variables = variables(write);
			}
			List<String> to = new ArrayList<>();
			for (Placeholders recipient : trigger.to()) {
				String address = recipient.render(Placeholders.Mode.HEADER, variables, trigger.event().template(),
						"recipient");
				try {
					MailEmailSender.address("recipient", address);
				}
				catch (AddressException ex) {
					throw new IllegalArgumentException("Template '" + trigger.event().template() + "' for "
							+ write.aggregate() + " " + write.op() + ": " + ex.getMessage(), ex);
				}
				to.add(address);
			}
			this.sender.enqueue(write.outbox(), trigger.template().render(to, variables));
		}
	}

	@Override
	public void deliver(OutboxRecord record) throws Exception {
		this.sender.deliver(record);
	}

	private Map<String, @Nullable Object> variables(AfterWriteContext write) {
		Map<String, @Nullable Object> variables = new LinkedHashMap<>();
		for (String property : this.properties.get(write.entity().getClass())) {
			variables.put(property, write.get(property));
		}
		if (variables.get("id") == null) {
			variables.put("id", write.id());
		}
		return variables;
	}

	/**
	 * The entity's properties as {@link EntityType} finds them (record components, or the
	 * instance fields of the class and its superclasses), and {@code id}.
	 */
	private static List<String> propertyNames(Class<?> type) {
		EntityType entity = EntityType.of(type);
		List<String> names = new ArrayList<>();
		for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
			for (Field field : current.getDeclaredFields()) {
				if (entity.has(field.getName()) && !names.contains(field.getName())) {
					names.add(field.getName());
				}
			}
		}
		if (!names.contains("id")) {
			names.add("id");
		}
		return names;
	}

	@Override
	public String toString() {
		return "EmailPlugin[events=" + this.events.size() + "]";
	}

	private record Trigger(EmailConfig.Event event, EmailTemplate template, List<Placeholders> to) {

	}

}

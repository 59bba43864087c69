package dev.plugboard.autoconfigure.email;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.plugboard.WriteOp;

/**
 * Configuration of the {@code email} built-in, bound from its manifest entry. The SMTP
 * server is Spring Boot's: spring.mail.host, spring.mail.port and the other spring.mail
 * keys.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("plugboard.plugins.email")
public class EmailProperties {

	/**
	 * Sender of every message that does not name its own, such as 'Example
	 * <no-reply@example.com>'. Required.
	 */
	private @Nullable String from;

	/**
	 * Message templates by name. Subject and bodies may use {{variable}} placeholders:
	 * values are HTML-escaped in the html body, inserted as they are in the text body,
	 * and refused in the subject when they contain a line break.
	 */
	private Map<String, Template> templates = new LinkedHashMap<>();

	/**
	 * Messages enqueued through the outbox when an entity is written, in the write's
	 * transaction. The template's variables are the entity's properties and id.
	 */
	private List<Event> events = new ArrayList<>();

	public @Nullable String getFrom() {
		return this.from;
	}

	public void setFrom(@Nullable String from) {
		this.from = from;
	}

	public Map<String, Template> getTemplates() {
		return this.templates;
	}

	public void setTemplates(Map<String, Template> templates) {
		this.templates = templates;
	}

	public List<Event> getEvents() {
		return this.events;
	}

	public void setEvents(List<Event> events) {
		this.events = events;
	}

	/**
	 * One message template.
	 */
	public static class Template {

		/**
		 * Subject line, with {{variable}} placeholders. Required.
		 */
		private @Nullable String subject;

		/**
		 * Plain-text body, with {{variable}} placeholders inserted as they are.
		 */
		private @Nullable String text;

		/**
		 * HTML body, with {{variable}} placeholders HTML-escaped. With text as well, the
		 * message is multipart/alternative.
		 */
		private @Nullable String html;

		public @Nullable String getSubject() {
			return this.subject;
		}

		public void setSubject(@Nullable String subject) {
			this.subject = subject;
		}

		public @Nullable String getText() {
			return this.text;
		}

		public void setText(@Nullable String text) {
			this.text = text;
		}

		public @Nullable String getHtml() {
			return this.html;
		}

		public void setHtml(@Nullable String html) {
			this.html = html;
		}

	}

	/**
	 * One message sent when an entity is written.
	 */
	public static class Event {

		/**
		 * Aggregate (table) name of the entity, such as 'user'.
		 */
		private @Nullable String entity;

		/**
		 * Write operation that sends the message: insert, update or delete.
		 */
		private @Nullable WriteOp op;

		/**
		 * Name of the template to send.
		 */
		private @Nullable String template;

		/**
		 * Recipients, each one address or one placeholder such as '{{email}}'.
		 */
		private List<String> to = new ArrayList<>();

		public @Nullable String getEntity() {
			return this.entity;
		}

		public void setEntity(@Nullable String entity) {
			this.entity = entity;
		}

		public @Nullable WriteOp getOp() {
			return this.op;
		}

		public void setOp(@Nullable WriteOp op) {
			this.op = op;
		}

		public @Nullable String getTemplate() {
			return this.template;
		}

		public void setTemplate(@Nullable String template) {
			this.template = template;
		}

		public List<String> getTo() {
			return this.to;
		}

		public void setTo(List<String> to) {
			this.to = to;
		}

	}

}

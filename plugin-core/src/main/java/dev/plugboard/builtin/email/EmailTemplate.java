package dev.plugboard.builtin.email;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.plugboard.PluginConfigurationException;

/**
 * A message template of the {@code email} built-in: a subject and a text and/or HTML body
 * with {@code {{variable}}} placeholders, parsed once when the plugin is created. Values
 * are inserted as they are in the text body, HTML-escaped in the HTML body, and refused
 * in the subject when they hold a line break. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class EmailTemplate {

	private final String name;

	private final Placeholders subject;

	private final @Nullable Placeholders text;

	private final @Nullable Placeholders html;

	private EmailTemplate(String name, Placeholders subject, @Nullable Placeholders text, @Nullable Placeholders html) {
		this.name = name;
		this.subject = subject;
		this.text = text;
		this.html = html;
	}

	/**
	 * Parse a template.
	 * @param name the template's name, as referenced by events and
	 * {@link EmailSender#render}
	 * @param subject the subject
	 * @param text the text body, or {@code null}
	 * @param html the HTML body, or {@code null}
	 * @return the template
	 * @throws PluginConfigurationException naming the key
	 * ({@code templates.<name>.subject} and so on) when the subject is missing or holds a
	 * line break, both bodies are missing, or a placeholder is malformed
	 */
	public static EmailTemplate of(String name, @Nullable String subject, @Nullable String text,
			@Nullable String html) {
		String key = "templates." + name;
		if (subject == null) {
			throw new PluginConfigurationException(key + ".subject",
					"Template '" + name + "' has no subject; set one, such as 'Welcome, {{name}}'.");
		}
		if (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
			throw new PluginConfigurationException(key + ".subject",
					"The subject of template '" + name + "' spans several lines; a subject is one line.");
		}
		if (text == null && html == null) {
			throw new PluginConfigurationException(key + ".text",
					"Template '" + name + "' has no body; set 'text', 'html' or both.");
		}
		return new EmailTemplate(name, parse(key + ".subject", subject),
				(text != null) ? parse(key + ".text", text) : null, (html != null) ? parse(key + ".html", html) : null);
	}

	private static Placeholders parse(String key, String source) {
		try {
			return Placeholders.parse(source);
		}
		catch (IllegalArgumentException ex) {
			throw new PluginConfigurationException(key, ex.getMessage());
		}
	}

	/**
	 * The template's name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * The variables the template's placeholders use, in order of first use.
	 * @return the variable names
	 */
	public Set<String> variables() {
		Set<String> variables = new LinkedHashSet<>(this.subject.variables());
		if (this.text != null) {
			variables.addAll(this.text.variables());
		}
		if (this.html != null) {
			variables.addAll(this.html.variables());
		}
		return variables;
	}

	/**
	 * Render the template into a message from the configured sender.
	 * @param to the recipients
	 * @param variables the values of the placeholders; a {@code null} value renders as
	 * nothing
	 * @return the message
	 * @throws IllegalArgumentException when a variable is missing, or a variable used in
	 * the subject holds a line break
	 */
	public EmailMessage render(List<String> to, Map<String, ? extends @Nullable Object> variables) {
		String subject = this.subject.render(Placeholders.Mode.HEADER, variables, this.name, "subject");
		String text = (this.text != null) ? this.text.render(Placeholders.Mode.TEXT, variables, this.name, "text body")
				: null;
		String html = (this.html != null) ? this.html.render(Placeholders.Mode.HTML, variables, this.name, "html body")
				: null;
		return new EmailMessage(to, subject, text, html, null, null);
	}

	@Override
	public String toString() {
		return "EmailTemplate[" + this.name + "]";
	}

}

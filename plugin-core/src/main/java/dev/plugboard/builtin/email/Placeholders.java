package dev.plugboard.builtin.email;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A string with {@code {{variable}}} placeholders, parsed once: literal parts and
 * variable names in turn. Renders for one of three places: a header (a value with a line
 * break is refused), a text body (values as they are) or an HTML body (values
 * HTML-escaped).
 */
final class Placeholders {

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

	/** Literal parts at even indexes, variable names at odd ones. */
	private final List<String> parts;

	private final Set<String> variables;

	private Placeholders(List<String> parts) {
		this.parts = List.copyOf(parts);
		Set<String> variables = new LinkedHashSet<>();
		for (int i = 1; i < parts.size(); i += 2) {
			variables.add(parts.get(i));
		}
		this.variables = Collections.unmodifiableSet(variables);
	}

	/**
	 * Parse a template string.
	 * @param source the string
	 * @return the parsed string
	 * @throws IllegalArgumentException when a placeholder is not closed or its name is
	 * not a variable name
	 */
	static Placeholders parse(String source) {
		List<String> parts = new ArrayList<>();
		int from = 0;
		while (true) {
			int open = source.indexOf("{{", from);
			if (open < 0) {
				parts.add(source.substring(from));
				return new Placeholders(parts);
			}
			int close = source.indexOf("}}", open + 2);
			if (close < 0) {
				throw new IllegalArgumentException("'{{' at position " + open + " is never closed with '}}'");
			}
			String name = source.substring(open + 2, close).trim();
			if (!NAME.matcher(name).matches()) {
				throw new IllegalArgumentException("'{{" + source.substring(open + 2, close)
						+ "}}' is not a placeholder; write a variable name such as {{email}}");
			}
			parts.add(source.substring(from, open));
			parts.add(name);
			from = close + 2;
		}
	}

	Set<String> variables() {
		return this.variables;
	}

	/**
	 * Render with the given values.
	 * @param mode where the result goes
	 * @param values the variables
	 * @param template the template's name, for messages
	 * @param part which part of it this is, such as {@code subject}, for messages
	 * @return the rendered string
	 * @throws IllegalArgumentException when a variable is missing, or a header value
	 * holds a line break
	 */
	String render(Mode mode, Map<String, ? extends @Nullable Object> values, String template, String part) {
		if (this.parts.size() == 1) {
			return this.parts.get(0);
		}
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < this.parts.size(); i++) {
			String piece = this.parts.get(i);
			if (i % 2 == 0) {
				out.append(piece);
				continue;
			}
			if (!values.containsKey(piece)) {
				throw new IllegalArgumentException("Template '" + template + "' uses {{" + piece + "}} in its " + part
						+ ", but there is no variable '" + piece + "'; the variables are "
						+ (values.isEmpty() ? "none" : String.join(", ", new TreeSet<>(values.keySet()))));
			}
			Object value = values.get(piece);
			String text = (value != null) ? value.toString() : "";
			switch (mode) {
				case HEADER -> {
					if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
						throw new IllegalArgumentException("Template '" + template + "': the variable '" + piece
								+ "' contains a line break, which is refused in the " + part
								+ " (it could add headers of its own)");
					}
					out.append(text);
				}
				case HTML -> escapeHtml(text, out);
				case TEXT -> out.append(text);
			}
		}
		return out.toString();
	}

	private static void escapeHtml(String text, StringBuilder out) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(c);
			}
		}
	}

	/**
	 * Where a rendered string goes.
	 */
	enum Mode {

		/** A header: a value with a line break is refused. */
		HEADER,

		/** A plain-text body: values as they are. */
		TEXT,

		/** An HTML body: values HTML-escaped. */
		HTML

	}

}

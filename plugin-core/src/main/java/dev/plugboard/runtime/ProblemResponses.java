package dev.plugboard.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

import dev.plugboard.PluginException;

/**
 * Writes RFC 9457 {@code application/problem+json} answers for rejections and plugin
 * faults. One writer for the filter, the exception resolver and the routes, so every path
 * answers alike.
 */
public final class ProblemResponses {

	/** The media type of every answer written here. */
	public static final String PROBLEM_JSON = "application/problem+json";

	private ProblemResponses() {
	}

	/**
	 * The problem members for a rejection.
	 * @param rejection the rejection
	 * @param instance the request path
	 * @return the members, in order
	 */
	public static Map<String, Object> body(PluginException rejection, @Nullable String instance) {
		Map<String, Object> body = standard(rejection.status(), rejection.detail(), instance);
		body.put("code", rejection.code());
		if (rejection.plugin() != null) {
			body.put("plugin", rejection.plugin());
		}
		rejection.properties().forEach(body::putIfAbsent);
		return body;
	}

	/**
	 * The problem members for a plugin fault: the plugin and the correlation id, never
	 * the cause.
	 * @param fault the fault
	 * @param instance the request path
	 * @return the members, in order
	 */
	public static Map<String, Object> body(PluginFaultException fault, @Nullable String instance) {
		Map<String, Object> body = standard(500,
				"Plugin '" + fault.pluginId()
						+ "' failed while handling this request. Quote the correlation id when reporting it.",
				instance);
		body.put("code", "plugin-fault");
		body.put("plugin", fault.pluginId());
		body.put("correlationId", fault.correlationId());
		return body;
	}

	private static Map<String, Object> standard(int status, String detail, @Nullable String instance) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		HttpStatus known = HttpStatus.resolve(status);
		body.put("title", (known != null) ? known.getReasonPhrase() : "Error");
		body.put("status", status);
		body.put("detail", detail);
		if (instance != null) {
			body.put("instance", instance);
		}
		return body;
	}

	/**
	 * Answer with a rejection, unless the response is already committed. Headers already
	 * set (by an earlier plugin, such as a request id or CORS headers) are kept; the body
	 * buffer is discarded.
	 * @param response the response
	 * @param rejection the rejection
	 * @param instance the request path
	 * @throws IOException when the body cannot be written
	 */
	public static void write(HttpServletResponse response, PluginException rejection, @Nullable String instance)
			throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.resetBuffer();
		rejection.headers().forEach(response::setHeader);
		write(response, rejection.status(), body(rejection, instance));
	}

	/**
	 * Answer with a plugin fault, unless the response is already committed. Headers
	 * already set are kept; the body buffer is discarded.
	 * @param response the response
	 * @param fault the fault
	 * @param instance the request path
	 * @throws IOException when the body cannot be written
	 */
	public static void write(HttpServletResponse response, PluginFaultException fault, @Nullable String instance)
			throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.resetBuffer();
		write(response, 500, body(fault, instance));
	}

	private static void write(HttpServletResponse response, int status, Map<String, Object> body) throws IOException {
		byte[] bytes = toJson(body).getBytes(StandardCharsets.UTF_8);
		response.setStatus(status);
		response.setContentType(PROBLEM_JSON);
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
		response.flushBuffer();
	}

	/**
	 * Serialise problem members (strings, numbers, booleans, lists and maps of them) as
	 * JSON.
	 * @param value the value
	 * @return the JSON text
	 */
	public static String toJson(@Nullable Object value) {
		StringBuilder json = new StringBuilder(256);
		append(json, value);
		return json.toString();
	}

	private static void append(StringBuilder json, @Nullable Object value) {
		if (value == null) {
			json.append("null");
		}
		else if (value instanceof Number || value instanceof Boolean) {
			json.append(value);
		}
		else if (value instanceof Map<?, ?> map) {
			json.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				if (!first) {
					json.append(',');
				}
				first = false;
				appendString(json, String.valueOf(entry.getKey()));
				json.append(':');
				append(json, entry.getValue());
			}
			json.append('}');
		}
		else if (value instanceof Collection<?> collection) {
			json.append('[');
			boolean first = true;
			for (Object element : collection) {
				if (!first) {
					json.append(',');
				}
				first = false;
				append(json, element);
			}
			json.append(']');
		}
		else {
			appendString(json, value.toString());
		}
	}

	private static void appendString(StringBuilder json, String text) {
		json.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20 || c == 0x2028 || c == 0x2029) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		json.append('"');
	}

}

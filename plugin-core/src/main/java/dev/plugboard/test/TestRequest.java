package dev.plugboard.test;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A fake HTTP request for {@link PluginHarness}: the method, path, headers, client
 * address, principal and body a before-request hook sees, or the request during which a
 * write happens. Use it wherever a test needs a request; it becomes a spring-test
 * {@code MockHttpServletRequest} each time the harness uses it.
 *
 * <p>
 * Immutable: every method returns a new request, so a test may keep one as a constant and
 * derive variants from it.
 *
 * <pre class="code">
 * TestRequest request = TestRequest.get("/orders?page=2").header("X-Api-Key", "k");
 * </pre>
 *
 * @since 0.1.0
 */
public final class TestRequest {

	private final String method;

	private final String path;

	private final Map<String, List<String>> headers;

	private final String remoteAddress;

	private final @Nullable Principal principal;

	private final Map<String, Object> attributes;

	private final byte[] body;

	private TestRequest(String method, String path, Map<String, List<String>> headers, String remoteAddress,
			@Nullable Principal principal, Map<String, Object> attributes, byte[] body) {
		this.method = method;
		this.path = path;
		this.headers = headers;
		this.remoteAddress = remoteAddress;
		this.principal = principal;
		this.attributes = attributes;
		this.body = body;
	}

	/**
	 * A request with any method.
	 * @param method the HTTP method, such as {@code PATCH}
	 * @param path the path within the application, with an optional query string
	 * @return the request
	 */
	public static TestRequest of(String method, String path) {
		if (!path.startsWith("/")) {
			throw new IllegalArgumentException("The path must start with '/', was '" + path + "'");
		}
		return new TestRequest(method.toUpperCase(Locale.ROOT), path, Map.of(), "127.0.0.1", null, Map.of(),
				new byte[0]);
	}

	/**
	 * A {@code GET} request.
	 * @param path the path, with an optional query string
	 * @return the request
	 */
	public static TestRequest get(String path) {
		return of("GET", path);
	}

	/**
	 * A {@code POST} request.
	 * @param path the path, with an optional query string
	 * @return the request
	 */
	public static TestRequest post(String path) {
		return of("POST", path);
	}

	/**
	 * A {@code PUT} request.
	 * @param path the path, with an optional query string
	 * @return the request
	 */
	public static TestRequest put(String path) {
		return of("PUT", path);
	}

	/**
	 * A {@code PATCH} request.
	 * @param path the path, with an optional query string
	 * @return the request
	 */
	public static TestRequest patch(String path) {
		return of("PATCH", path);
	}

	/**
	 * A {@code DELETE} request.
	 * @param path the path, with an optional query string
	 * @return the request
	 */
	public static TestRequest delete(String path) {
		return of("DELETE", path);
	}

	/**
	 * An {@code OPTIONS} request, such as a CORS preflight.
	 * @param path the path, with an optional query string
	 * @return the request
	 */
	public static TestRequest options(String path) {
		return of("OPTIONS", path);
	}

	/**
	 * This request with one more header value; calling it twice with the same name adds a
	 * second value.
	 * @param name the header name
	 * @param value the value
	 * @return a new request
	 */
	public TestRequest header(String name, String value) {
		Map<String, List<String>> headers = new LinkedHashMap<>(this.headers);
		List<String> values = new ArrayList<>(headers.getOrDefault(name, List.of()));
		values.add(value);
		headers.put(name, List.copyOf(values));
		return new TestRequest(this.method, this.path, Map.copyOf(headers), this.remoteAddress, this.principal,
				this.attributes, this.body);
	}

	/**
	 * This request coming from another client address ({@code 127.0.0.1} by default).
	 * @param remoteAddress the IP address the servlet container would report
	 * @return a new request
	 */
	public TestRequest remoteAddress(String remoteAddress) {
		return new TestRequest(this.method, this.path, this.headers, remoteAddress, this.principal, this.attributes,
				this.body);
	}

	/**
	 * This request, already authenticated.
	 * @param principal the principal
	 * @return a new request
	 */
	public TestRequest principal(Principal principal) {
		return new TestRequest(this.method, this.path, this.headers, this.remoteAddress, principal, this.attributes,
				this.body);
	}

	/**
	 * This request, already authenticated as a principal with the given name.
	 * @param name the principal's name
	 * @return a new request
	 */
	public TestRequest principal(String name) {
		return principal(new NamedPrincipal(name));
	}

	/**
	 * This request with a request attribute, as an earlier filter or plugin would have
	 * set it.
	 * @param name the attribute name
	 * @param value the value
	 * @return a new request
	 */
	public TestRequest attribute(String name, Object value) {
		Map<String, Object> attributes = new LinkedHashMap<>(this.attributes);
		attributes.put(name, value);
		return new TestRequest(this.method, this.path, this.headers, this.remoteAddress, this.principal,
				Map.copyOf(attributes), this.body);
	}

	/**
	 * This request with a body and its {@code Content-Type}.
	 * @param contentType the media type, such as {@code application/json}
	 * @param body the body, encoded as UTF-8
	 * @return a new request
	 */
	public TestRequest body(String contentType, String body) {
		return body(contentType, body.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * This request with a body and its {@code Content-Type}.
	 * @param contentType the media type, such as {@code application/octet-stream}
	 * @param body the body
	 * @return a new request
	 */
	public TestRequest body(String contentType, byte[] body) {
		Map<String, List<String>> headers = new LinkedHashMap<>(this.headers);
		headers.put("Content-Type", List.of(contentType));
		return new TestRequest(this.method, this.path, Map.copyOf(headers), this.remoteAddress, this.principal,
				this.attributes, body.clone());
	}

	/**
	 * The HTTP method.
	 * @return the method, upper case
	 */
	public String method() {
		return this.method;
	}

	/**
	 * The path as given, with its query string.
	 * @return the path
	 */
	public String path() {
		return this.path;
	}

	/**
	 * A new servlet request with everything set on this one.
	 * @return the servlet request
	 */
	MockHttpServletRequest toServletRequest() {
		UriComponents uri = UriComponentsBuilder.fromUriString(this.path).build();
		MockHttpServletRequest request = new MockHttpServletRequest(this.method, uri.getPath());
		if (uri.getQuery() != null) {
			request.setQueryString(uri.getQuery());
			MultiValueMap<String, String> parameters = uri.getQueryParams();
			parameters.forEach((name, values) -> request.addParameter(name,
					values.stream().map((value) -> (value != null) ? value : "").toArray(String[]::new)));
		}
		this.headers.forEach((name, values) -> values.forEach((value) -> request.addHeader(name, value)));
		String contentType = request.getHeader("Content-Type");
		if (contentType != null) {
			request.setContentType(contentType);
		}
		request.setRemoteAddr(this.remoteAddress);
		if (this.principal != null) {
			request.setUserPrincipal(this.principal);
		}
		this.attributes.forEach(request::setAttribute);
		if (this.body.length > 0) {
			request.setContent(this.body);
		}
		return request;
	}

	@Override
	public String toString() {
		return this.method + " " + this.path;
	}

	private record NamedPrincipal(String name) implements Principal {

		@Override
		public String getName() {
			return this.name;
		}

	}

}

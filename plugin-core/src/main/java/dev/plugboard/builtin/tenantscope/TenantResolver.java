package dev.plugboard.builtin.tenantscope;

import java.security.Principal;

import org.jspecify.annotations.Nullable;

import dev.plugboard.RequestContext;

/**
 * Finds the tenant of a request for the {@link TenantScopePlugin}. Use one of the
 * factories, or implement it to read the tenant from a token claim or a principal
 * attribute (declare it as a bean and the starter uses it instead of the configured
 * source).
 *
 * <p>
 * Called on the request's thread, once per scoped write and per scoped entity read;
 * implementations must be thread-safe and cheap.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface TenantResolver {

	/**
	 * The tenant of a request.
	 * @param request the current request
	 * @return the tenant, or {@code null} (or blank) when the request carries none
	 */
	@Nullable String tenant(RequestContext request);

	/**
	 * The value of a request header. Trust it only when a gateway or an earlier plugin
	 * sets it and strips what clients send.
	 * @param name the header name, such as {@code X-Tenant-Id}
	 * @return the resolver
	 */
	static TenantResolver header(String name) {
		return (request) -> request.header(name);
	}

	/**
	 * A request attribute, as set by an authentication filter or an earlier plugin.
	 * @param name the attribute name
	 * @return the resolver; a non-string attribute is used through its {@code toString()}
	 */
	static TenantResolver attribute(String name) {
		return (request) -> {
			Object value = request.attribute(name);
			return (value != null) ? value.toString() : null;
		};
	}

	/**
	 * The name of the authenticated principal, for applications where each tenant logs in
	 * as itself (an API key per tenant).
	 * @return the resolver
	 */
	static TenantResolver principalName() {
		return (request) -> {
			Principal principal = request.principal();
			return (principal != null) ? principal.getName() : null;
		};
	}

}

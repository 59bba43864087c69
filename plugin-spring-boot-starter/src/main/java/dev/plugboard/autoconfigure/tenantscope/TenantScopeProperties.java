package dev.plugboard.autoconfigure.tenantscope;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the {@code tenant-scope} built-in, bound from its manifest entry.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("plugboard.plugins.tenant-scope")
public class TenantScopeProperties {

	/**
	 * Where the tenant of a request comes from. Ignored when the application defines a
	 * TenantResolver bean.
	 */
	private Source source = Source.HEADER;

	/**
	 * Request header that names the tenant, with source 'header'. Trust it only when a
	 * gateway sets it and strips what clients send.
	 */
	private String header = "X-Tenant-Id";

	/**
	 * Request attribute that holds the tenant, with source 'attribute'.
	 */
	private String attribute = "tenant";

	/**
	 * Entity property that holds the tenant: stamped on INSERT, compared on UPDATE,
	 * DELETE and reads.
	 */
	private String field = "tenantId";

	/**
	 * Aggregates (tables) scoped by tenant. Empty scopes every aggregate whose entity has
	 * the tenant property.
	 */
	private List<String> aggregates = new ArrayList<>();

	/**
	 * Role whose requests without a tenant read and write every tenant's rows, unscoped.
	 * Without it, a request without a tenant on a scoped aggregate is a 400.
	 */
	private @Nullable String adminRole;

	public Source getSource() {
		return this.source;
	}

	public void setSource(Source source) {
		this.source = source;
	}

	public String getHeader() {
		return this.header;
	}

	public void setHeader(String header) {
		this.header = header;
	}

	public String getAttribute() {
		return this.attribute;
	}

	public void setAttribute(String attribute) {
		this.attribute = attribute;
	}

	public String getField() {
		return this.field;
	}

	public void setField(String field) {
		this.field = field;
	}

	public List<String> getAggregates() {
		return this.aggregates;
	}

	public void setAggregates(List<String> aggregates) {
		this.aggregates = aggregates;
	}

	public @Nullable String getAdminRole() {
		return this.adminRole;
	}

	public void setAdminRole(@Nullable String adminRole) {
		this.adminRole = adminRole;
	}

	/**
	 * Where the tenant of a request comes from.
	 */
	public enum Source {

		/**
		 * The request header named by 'header'.
		 */
		HEADER,

		/**
		 * The request attribute named by 'attribute', set by an authentication filter or
		 * an earlier plugin.
		 */
		ATTRIBUTE,

		/**
		 * The name of the authenticated principal.
		 */
		PRINCIPAL

	}

}

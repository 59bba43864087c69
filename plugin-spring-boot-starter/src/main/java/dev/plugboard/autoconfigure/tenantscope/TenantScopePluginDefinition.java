package dev.plugboard.autoconfigure.tenantscope;

import java.util.LinkedHashSet;

import org.springframework.beans.factory.ObjectProvider;

import dev.plugboard.Plugin;
import dev.plugboard.PluginConfigurationException;
import dev.plugboard.PluginDefinition;
import dev.plugboard.builtin.tenantscope.TenantResolver;
import dev.plugboard.builtin.tenantscope.TenantScopeConfig;
import dev.plugboard.builtin.tenantscope.TenantScopePlugin;

/**
 * Creates the {@link TenantScopePlugin} when the manifest lists it, with the
 * application's {@link TenantResolver} bean, or one for the configured source.
 */
final class TenantScopePluginDefinition implements PluginDefinition<TenantScopeProperties> {

	private final ObjectProvider<TenantResolver> resolver;

	TenantScopePluginDefinition(ObjectProvider<TenantResolver> resolver) {
		this.resolver = resolver;
	}

	@Override
	public String id() {
		return TenantScopePlugin.ID;
	}

	@Override
	public Class<TenantScopeProperties> configurationType() {
		return TenantScopeProperties.class;
	}

	@Override
	public Plugin create(TenantScopeProperties properties) {
		TenantScopeConfig config = new TenantScopeConfig(properties.getField(),
				new LinkedHashSet<>(properties.getAggregates()), properties.getAdminRole());
		TenantResolver resolver = this.resolver.getIfUnique(() -> configured(properties));
		return new TenantScopePlugin(config, resolver);
	}

	private static TenantResolver configured(TenantScopeProperties properties) {
		return switch (properties.getSource()) {
			case HEADER -> TenantResolver.header(required("header", properties.getHeader()));
			case ATTRIBUTE -> TenantResolver.attribute(required("attribute", properties.getAttribute()));
			case PRINCIPAL -> TenantResolver.principalName();
		};
	}

	private static String required(String key, String value) {
		if (value == null || value.isBlank()) {
			throw new PluginConfigurationException(key,
					"The " + key + " naming the tenant is blank; name one, such as X-Tenant-Id.");
		}
		return value;
	}

}

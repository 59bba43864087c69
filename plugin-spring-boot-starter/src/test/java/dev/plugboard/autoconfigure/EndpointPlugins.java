package dev.plugboard.autoconfigure;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import dev.plugboard.AfterWriteContext;
import dev.plugboard.AfterWritePlugin;
import dev.plugboard.BeforeWriteContext;
import dev.plugboard.BeforeWritePlugin;
import dev.plugboard.OnError;
import dev.plugboard.PluginOrder;
import dev.plugboard.RoutesPlugin;

/**
 * The plugins the endpoint tests report on: routes (one enabled, one disabled by the
 * manifest), write hooks restricted to entities, a plugin from a library definition and a
 * request plugin.
 */
@Configuration(proxyBeanMethods = false)
class EndpointPlugins {

	static final String MANIFEST = """
			plugboard:
			  plugins:
			    audit-trail:
			      entities: [order, invoice]
			      on-error: fail-closed
			    admin-routes:
			      enabled: false
			    webhook:
			      url: https://hooks.example.com/orders
			""";

	@Bean
	RoutesPlugin internalHealth() {
		return new Routes("internal-health", "/internal/health");
	}

	@Bean
	RoutesPlugin adminRoutes() {
		return new Routes("admin-routes", "/admin/plugins");
	}

	@Bean
	AuditLog auditLog() {
		return new AuditLog();
	}

	@Bean
	Plugins.Noop requestId() {
		return new Plugins.Noop("request-id", PluginOrder.REQUEST_ID, OnError.FAIL_OPEN);
	}

	@Bean
	Plugins.WebhookDefinition webhookDefinition() {
		return new Plugins.WebhookDefinition();
	}

	record Routes(String id, String path) implements RoutesPlugin {

		@Override
		public RouterFunction<ServerResponse> routes() {
			return RouterFunctions.route()
				.GET(this.path, (request) -> ServerResponse.ok().body(Map.of("status", "UP")))
				.POST(this.path, (request) -> ServerResponse.noContent().build())
				.build();
		}

	}

	static final class AuditLog implements BeforeWritePlugin, AfterWritePlugin {

		@Override
		public String id() {
			return "audit-trail";
		}

		@Override
		public int order() {
			return PluginOrder.RECORDING;
		}

		@Override
		public void beforeWrite(BeforeWriteContext write) {
			throw new IllegalStateException("audit store unavailable");
		}

		@Override
		public void afterWrite(AfterWriteContext write) {
		}

	}

}

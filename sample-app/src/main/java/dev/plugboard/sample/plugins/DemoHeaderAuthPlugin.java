package dev.plugboard.sample.plugins;

import java.security.Principal;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.plugboard.BeforeRequestPlugin;
import dev.plugboard.PluginOrder;
import dev.plugboard.RequestContext;

/**
 * DEMO ONLY, never in a real application: authenticates a request from its
 * {@code X-Demo-User} and {@code X-Demo-Roles} headers, so that the sample's audit-log
 * routes (which need the {@code AUDITOR} role) can be tried with curl. It believes
 * whatever the client sends, so it only listens to clients on this machine (loopback
 * addresses). A real application authenticates with Spring Security, an API-key or
 * bearer-token plugin, and the audit-log routes read the roles from there.
 */
@Component
public class DemoHeaderAuthPlugin implements BeforeRequestPlugin {

	/** The plugin's id, its key under {@code plugboard.plugins}. */
	public static final String ID = "demo-header-auth";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public int order() {
		return PluginOrder.AUTH;
	}

	@Override
	public void beforeRequest(RequestContext request) {
		String user = request.header("X-Demo-User");
		if (user == null || user.isBlank() || !isLoopback(request.remoteAddress())) {
			return;
		}
		String roles = request.header("X-Demo-Roles");
		List<String> granted = (roles != null) ? Arrays.stream(roles.split(",")).map(String::trim).toList() : List.of();
		Principal principal = user::trim;
		request.setPrincipal(principal, granted);
	}

	private static boolean isLoopback(String address) {
		return address.equals("127.0.0.1") || address.equals("0:0:0:0:0:0:0:1") || address.equals("::1");
	}

}

package dev.plugboard.sample.plugins;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import dev.plugboard.AfterWriteContext;
import dev.plugboard.AfterWritePlugin;
import dev.plugboard.PluginOrder;
import dev.plugboard.WriteOp;
import dev.plugboard.sample.User;

/**
 * Announces every new user in a Slack channel, through an incoming webhook. The post
 * happens after the insert commits, on Plugboard's deferred executor, so the response to
 * {@code POST /users} never waits for Slack; a rolled-back insert announces nothing.
 * Without a configured URL the message is logged instead, which is handy in development.
 *
 * <p>
 * Configured by {@link SlackNotifierProperties}; {@code enabled: false} in its manifest
 * entry turns it off.
 */
@Component
public class SlackNotifierPlugin implements AfterWritePlugin {

	/** The plugin's id, its key under {@code plugboard.plugins}. */
	public static final String ID = "slack-notifier";

	private static final Logger logger = LoggerFactory.getLogger(SlackNotifierPlugin.class);

	private final SlackNotifierProperties properties;

	private final JsonMapper json;

	private final HttpClient http;

	public SlackNotifierPlugin(SlackNotifierProperties properties, JsonMapper json) {
		this.properties = properties;
		this.json = json;
		this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public int order() {
		return PluginOrder.RECORDING;
	}

	@Override
	public void afterWrite(AfterWriteContext write) {
		User user = write.entity(User.class);
		if (write.op() != WriteOp.INSERT || user == null) {
			return;
		}
		String message = this.json.writeValueAsString(
				Map.of("text", "New user *" + user.name() + "* <" + user.email() + "> (id " + write.id() + ")"));
		write.defer(() -> notify(message));
	}

	private void notify(String message) {
		URI url = this.properties.url();
		if (url == null) {
			logger.info("Plugin '{}' has no url; message: {}", ID, message);
			return;
		}
		HttpRequest request = HttpRequest.newBuilder(url)
			.timeout(this.properties.timeout())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(message))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 != 2) {
				logger.warn("Plugin '{}': Slack answered {} to {}", ID, response.statusCode(), message);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			logger.warn("Plugin '{}': interrupted while posting {}", ID, message);
		}
		catch (IOException ex) {
			logger.warn("Plugin '{}': could not post to Slack within {}: {}", ID, this.properties.timeout(),
					ex.toString());
		}
	}

}

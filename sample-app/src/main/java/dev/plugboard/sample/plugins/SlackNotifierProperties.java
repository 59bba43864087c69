package dev.plugboard.sample.plugins;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of the {@link SlackNotifierPlugin}, bound from its manifest entry. This
 * is how an application's own plugin gets typed configuration: a
 * {@code @ConfigurationProperties} record whose prefix is the plugin's entry,
 * {@code plugboard.plugins.<id>}. The entry's common keys ({@code enabled},
 * {@code order}, {@code entities}, {@code on-error}) belong to Plugboard and are not
 * repeated here; every other key is the plugin's.
 *
 * <pre class="code">
 * plugboard:
 *   plugins:
 *     slack-notifier:
 *       entities: [users]
 *       url: https://hooks.slack.com/services/T000/B000/XXXX
 *       timeout: 5s
 * </pre>
 *
 * @param url the Slack incoming-webhook URL to post to; when absent the message is logged
 * instead
 * @param timeout how long connecting and posting may take before the notification is
 * given up
 */
@ConfigurationProperties("plugboard.plugins.slack-notifier")
public record SlackNotifierProperties(@Nullable URI url, @DefaultValue("5s") Duration timeout) {

}

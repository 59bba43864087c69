package dev.plugboard.sample;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.web.servlet.client.RestTestClient;

import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.RegisteredPlugin;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code enabled: false} in the timestamps and slugify entries turns them off: a new user
 * gets neither times nor a slug.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "plugboard.plugins.timestamps.enabled=false", "plugboard.plugins.slugify.enabled=false",
				"plugboard.plugins.slack-notifier.enabled=false" })
@AutoConfigureRestTestClient
class DataBuiltInsDisabledIntegrationTests {

	@Autowired
	RestTestClient client;

	@Autowired
	PluginRegistry registry;

	@Test
	void newUserGetsNeitherTimesNorASlug() {
		User created = this.client.post()
			.uri("/users")
			.body(Map.of("name", "Margaret Hamilton", "email", "margaret.hamilton@example.com"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(User.class)
			.returnResult()
			.getResponseBody();

		assertThat(created).isNotNull();
		assertThat(created.slug()).isNull();
		assertThat(created.createdAt()).isNull();
		assertThat(created.updatedAt()).isNull();
		assertThat(this.registry.enabled()).extracting(RegisteredPlugin::id).doesNotContain("timestamps", "slugify");
	}

}

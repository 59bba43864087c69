package dev.plugboard.sample;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A typo in a plugin id on the command line stops the sample with a failure analysis that
 * names the typo, suggests the nearest id and lists every known id.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnknownPluginIdIntegrationTests {

	@Test
	void misspeltPluginIdStopsTheBootWithTheNearestIdAndTheKnownIds(CapturedOutput output) {
		SpringApplication application = new SpringApplication(SampleApplication.class);

		assertThatException()
			.isThrownBy(() -> application.run("--plugboard.plugins.slack-notifer.enabled=true", "--server.port=0"));

		assertThat(output).contains("APPLICATION FAILED TO START", "Description:", "Action:")
			.contains("'slack-notifer'")
			.contains("'slack-notifier'")
			.containsPattern("Known plugin ids: .*internal-health, .*slack-notifier");
	}

}

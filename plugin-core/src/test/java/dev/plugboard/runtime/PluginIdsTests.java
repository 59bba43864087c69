package dev.plugboard.runtime;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PluginIdsTests {

	@Test
	void normaliseTurnsUnderscoresIntoHyphensAndLowersTheCase() {
		assertThat(PluginIds.normalise("rate_limit")).isEqualTo("rate-limit");
		assertThat(PluginIds.normalise(" Rate-Limit ")).isEqualTo("rate-limit");
	}

	@Test
	void kebabCaseIdsAreValid() {
		assertThat(PluginIds.isValid("request-id")).isTrue();
		assertThat(PluginIds.isValid("s3-storage")).isTrue();
	}

	@Test
	void idsThatAreNotKebabCaseAreInvalid() {
		assertThat(PluginIds.isValid("SlackNotifier")).isFalse();
		assertThat(PluginIds.isValid("slack_notifier")).isFalse();
		assertThat(PluginIds.isValid("slack--notifier")).isFalse();
		assertThat(PluginIds.isValid("-slack")).isFalse();
		assertThat(PluginIds.isValid("slack notifier")).isFalse();
		assertThat(PluginIds.isValid("")).isFalse();
	}

	@Test
	void nearestSuggestsTheKnownIdATypoWasMeantFor() {
		assertThat(PluginIds.nearest("slack-notifer", List.of("request-id", "slack-notifier", "rate-limit")))
			.isEqualTo("slack-notifier");
		assertThat(PluginIds.nearest("ratelimit", List.of("request-id", "rate-limit"))).isEqualTo("rate-limit");
	}

	@Test
	void nearestSuggestsNothingWhenNoKnownIdIsClose() {
		assertThat(PluginIds.nearest("billing", List.of("request-id", "slack-notifier"))).isNull();
		assertThat(PluginIds.nearest("billing", List.of())).isNull();
	}

	@Test
	void nearestBreaksTiesAlphabetically() {
		assertThat(PluginIds.nearest("cat", List.of("cot", "bat"))).isEqualTo("bat");
		assertThat(PluginIds.nearest("cat", List.of("bat", "cot"))).isEqualTo("bat");
	}

}

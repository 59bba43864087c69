package dev.plugboard.builtin.email;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.plugboard.PluginConfigurationException;
import dev.plugboard.WriteOp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The plugin's configuration: events must name a configured template and a usable
 * recipient, and the sender must be one address.
 */
class EmailConfigTests {

	private final Map<String, EmailTemplate> templates = Map.of("welcome",
			EmailTemplate.of("welcome", "Welcome", "Hello {{name}}", null));

	@Test
	void anEventNamingAnUnknownTemplateSuggestsTheNearestOne() {
		assertThatThrownBy(() -> new EmailConfig("no-reply@example.com", this.templates,
				List.of(new EmailConfig.Event("user", WriteOp.INSERT, "welcom", List.of("{{email}}")))))
			.isInstanceOfSatisfying(PluginConfigurationException.class,
					(ex) -> assertThat(ex.key()).isEqualTo("events[0].template"))
			.hasMessage("The event sends the template 'welcom', which is not configured under 'templates'; did you "
					+ "mean 'welcome'? The templates are: welcome.");
	}

	@Test
	void anEventWithoutARecipientIsRefused() {
		assertThatThrownBy(() -> new EmailConfig("no-reply@example.com", this.templates,
				List.of(new EmailConfig.Event("user", WriteOp.INSERT, "welcome", List.of()))))
			.isInstanceOfSatisfying(PluginConfigurationException.class,
					(ex) -> assertThat(ex.key()).isEqualTo("events[0].to"));
	}

	@Test
	void aLiteralRecipientMustBeAnAddress() {
		assertThatThrownBy(() -> new EmailConfig("no-reply@example.com", this.templates,
				List.of(new EmailConfig.Event("user", WriteOp.INSERT, "welcome", List.of("admin")))))
			.isInstanceOfSatisfying(PluginConfigurationException.class,
					(ex) -> assertThat(ex.key()).isEqualTo("events[0].to"))
			.hasMessageStartingWith("'admin' is not one email address");
	}

	@Test
	void theSenderIsRequiredAndMustBeOneAddress() {
		assertThatThrownBy(() -> new EmailConfig(" ", this.templates, List.of()))
			.isInstanceOfSatisfying(PluginConfigurationException.class, (ex) -> assertThat(ex.key()).isEqualTo("from"));
		assertThatThrownBy(() -> new EmailConfig("a@example.com, b@example.com", this.templates, List.of()))
			.isInstanceOfSatisfying(PluginConfigurationException.class, (ex) -> assertThat(ex.key()).isEqualTo("from"))
			.hasMessageContaining("is not one email address");
	}

	@Test
	void aValidConfigurationKeepsItsEvents() {
		EmailConfig config = new EmailConfig("Example <no-reply@example.com>", this.templates, List
			.of(new EmailConfig.Event("user", WriteOp.INSERT, "welcome", List.of("{{email}}", "audit@example.com"))));
		assertThat(config.events()).singleElement()
			.satisfies((event) -> assertThat(event.to()).containsExactly("{{email}}", "audit@example.com"));
	}

}

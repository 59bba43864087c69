package dev.plugboard.builtin.email;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.plugboard.PluginConfigurationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Templates: placeholders escaped for HTML, kept as they are in text, refused with a line
 * break in the subject, and clear errors for missing variables and malformed templates.
 */
class EmailTemplateTests {

	private final EmailTemplate welcome = EmailTemplate.of("welcome", "Welcome, {{name}}",
			"Hello {{name}}, your id is {{ id }}.", "<p>Hello <b>{{name}}</b></p>");

	@Test
	void variablesAreHtmlEscapedInTheHtmlBodyAndKeptAsTheyAreInTheTextBody() {
		EmailMessage message = this.welcome.render(List.of("ada@example.com"),
				Map.of("name", "<script>alert('x')</script> & \"co\"", "id", 7));
		assertThat(message.html())
			.isEqualTo("<p>Hello <b>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;</b></p>");
		assertThat(message.text()).isEqualTo("Hello <script>alert('x')</script> & \"co\", your id is 7.");
		assertThat(message.subject()).isEqualTo("Welcome, <script>alert('x')</script> & \"co\"");
		assertThat(message.to()).containsExactly("ada@example.com");
		assertThat(message.from()).isNull();
	}

	@Test
	void aLineBreakInAVariableOfTheSubjectIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.welcome.render(List.of("ada@example.com"),
					Map.of("name", "Ada\r\nBcc: everyone@example.com", "id", 1)))
			.withMessage("Template 'welcome': the variable 'name' contains a line break, which is refused in the "
					+ "subject (it could add headers of its own)");
	}

	@Test
	void aMissingVariableNamesItAndTheVariablesThereAre() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.welcome.render(List.of("ada@example.com"), Map.of("name", "Ada", "email", "x")))
			.withMessage("Template 'welcome' uses {{id}} in its text body, but there is no variable 'id'; the "
					+ "variables are email, name");
	}

	@Test
	void aNullVariableRendersAsNothing() {
		Map<String, Object> variables = new HashMap<>();
		variables.put("name", null);
		variables.put("id", 3);
		assertThat(this.welcome.render(List.of("ada@example.com"), variables).subject()).isEqualTo("Welcome, ");
	}

	@Test
	void theVariablesAreListedInOrderOfFirstUse() {
		assertThat(this.welcome.variables()).containsExactly("name", "id");
	}

	@Test
	void anUnclosedPlaceholderIsAConfigurationErrorNamingTheKey() {
		assertThatThrownBy(() -> EmailTemplate.of("reset", "Reset", null, "<a href='{{link'>reset</a>"))
			.isInstanceOfSatisfying(PluginConfigurationException.class,
					(ex) -> assertThat(ex.key()).isEqualTo("templates.reset.html"))
			.hasMessage("'{{' at position 9 is never closed with '}}'");
	}

	@Test
	void aPlaceholderThatIsNotANameIsAConfigurationError() {
		assertThatThrownBy(() -> EmailTemplate.of("reset", "Reset {{ user name }}", "x", null))
			.isInstanceOfSatisfying(PluginConfigurationException.class,
					(ex) -> assertThat(ex.key()).isEqualTo("templates.reset.subject"))
			.hasMessage("'{{ user name }}' is not a placeholder; write a variable name such as {{email}}");
	}

	@Test
	void aTemplateNeedsASubjectAndABody() {
		assertThatThrownBy(() -> EmailTemplate.of("empty", null, "x", null)).isInstanceOfSatisfying(
				PluginConfigurationException.class, (ex) -> assertThat(ex.key()).isEqualTo("templates.empty.subject"));
		assertThatThrownBy(() -> EmailTemplate.of("empty", "Hi", null, null))
			.isInstanceOfSatisfying(PluginConfigurationException.class,
					(ex) -> assertThat(ex.key()).isEqualTo("templates.empty.text"))
			.hasMessage("Template 'empty' has no body; set 'text', 'html' or both.");
	}

	@Test
	void aMessageRefusesALineBreakInARecipientOrTheSubject() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EmailMessage.text("ada@example.com\r\nBcc: x@example.com", "Hi", "body"))
			.withMessageContaining("The recipient of an email contains a line break");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EmailMessage.text("ada@example.com", "Hi\nBcc: x@example.com", "body"))
			.withMessageContaining("The subject of an email contains a line break");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EmailMessage.text("ada@example.com", "Hi", "body").withReplyTo("a@b.c\rX: y"))
			.withMessageContaining("The reply-to of an email contains a line break");
	}

}

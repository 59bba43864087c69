package dev.plugboard.builtin.slugify;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@link Slugger} spells text, with ICU4J and without it.
 */
class SluggerTests {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			Crème Brûlée             | creme-brulee
			Ünïcödé Straße           | unicode-strasse
			STRASSE ẞ                | strasse-ss
			Æsir                     | aesir
			Œuvre complète           | oeuvre-complete
			Łódź                     | lodz
			Ørsted                   | orsted
			Đakovo                   | dakovo
			Þór og Ðóra              | thor-og-dora
			İstanbul ılık            | istanbul-ilik
			ﬁne ﬂour                 | fine-flour
			ĳssel                    | ijssel
			Ǆungla                   | dzungla
			naïve café ñandú         | naive-cafe-nandu
			""")
	void latinScriptIsSpelledInAsciiWithoutIcu(String text, String slug) {
		assertThat(Slugger.latin().slug(text)).isEqualTo(slug);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			Crème Brûlée             | creme-brulee
			Ünïcödé Straße           | unicode-strasse
			Æsir                     | aesir
			Œuvre complète           | oeuvre-complete
			Łódź Ørsted              | lodz-orsted
			Þór                      | thor
			ﬁne ﬂour                 | fine-flour
			Москва                   | moskva
			Україна                  | ukraina
			Αθήνα                    | athena
			北京                      | bei-jing
			서울                      | seoul
			""")
	void everyScriptIsSpelledInAsciiWithIcu(String text, String slug) {
		assertThat(Slugger.icu().slug(text)).isEqualTo(slug);
	}

	@Test
	void otherScriptsAreDroppedWithoutIcu() {
		assertThat(Slugger.latin().slug("Москва")).isEmpty();
		assertThat(Slugger.latin().slug("Москва–Berlin Express")).isEqualTo("berlin-express");
	}

	@Test
	void icuIsDetectedOnTheClasspath() {
		assertThat(Slugger.detect().transliteratesAllScripts()).isTrue();
		assertThat(Slugger.latin().transliteratesAllScripts()).isFalse();
	}

	@Test
	void separatorsAreCollapsedAndTrimmed() {
		assertThat(Slugger.latin().slug("  --Hello,   World__!!  (2025) ")).isEqualTo("hello-world-2025");
	}

	@Test
	void apostrophesAreDroppedNotTurnedIntoSeparators() {
		assertThat(Slugger.latin().slug("Don't stop")).isEqualTo("dont-stop");
		assertThat(Slugger.latin().slug("Rock ’n’ Roll")).isEqualTo("rock-n-roll");
		assertThat(Slugger.icu().slug("Rock ’n’ Roll")).isEqualTo("rock-n-roll");
	}

	@Test
	void textWithoutLettersOrDigitsHasAnEmptySlug() {
		assertThat(Slugger.latin().slug("  ?! -- ")).isEmpty();
		assertThat(Slugger.latin().slug("")).isEmpty();
	}

	@Test
	void lengthIsCappedAtAWordBoundary() {
		String text = "The quick brown fox jumps";
		assertThat(Slugger.latin().slug(text, 15)).isEqualTo("the-quick-brown");
		assertThat(Slugger.latin().slug(text, 14)).isEqualTo("the-quick");
		assertThat(Slugger.latin().slug(text, 0)).isEqualTo("the-quick-brown-fox-jumps");
	}

	@Test
	void firstWordLongerThanTheCapIsCutInside() {
		assertThat(Slugger.latin().slug("Supercalifragilistic expialidocious", 8)).isEqualTo("supercal");
	}

}

package dev.plugboard.builtin.slugify;

import java.text.Normalizer;
import java.util.Map;

import com.ibm.icu.text.Transliterator;
import org.springframework.util.ClassUtils;

/**
 * Turns text into a URL slug: transliterated to ASCII, lower case, every run of other
 * characters one hyphen, no hyphen at either end, and optionally capped in length at a
 * word boundary. {@code Crème Brûlée} is {@code creme-brulee}, {@code Ünïcödé Straße} is
 * {@code unicode-strasse}.
 *
 * <p>
 * Two transliterations: {@link #latin()} needs no library and handles the Latin script
 * (accents are dropped, letters that do not decompose are spelled out: {@code ß} is
 * {@code ss}, {@code Æ} is {@code AE}, {@code Ł} is {@code L}, {@code Þ} is {@code TH});
 * characters of other scripts are dropped. {@link #icu()} first transliterates every
 * script to Latin with ICU4J ({@code Москва} is {@code moskva}, {@code Αθήνα} is
 * {@code athena}, {@code 北京} is {@code bei-jing}); it needs {@code com.ibm.icu:icu4j}.
 * Transliteration is by script, not by language: {@code ü} is {@code u}, not German
 * {@code ue}, and Japanese kanji read as Mandarin pinyin. Apostrophes are dropped
 * ({@code don't} is {@code dont}).
 *
 * <p>
 * Immutable and thread-safe; creating one is cheap (ICU's transliterator is built once,
 * on the first text that is not ASCII).
 *
 * @since 0.1.0
 */
public final class Slugger {

	private static final String ICU_TRANSLITERATOR = "com.ibm.icu.text.Transliterator";

	/**
	 * Latin letters that Unicode decomposition does not reduce to ASCII, and apostrophes,
	 * which are dropped rather than turned into separators.
	 */
	private static final Map<Character, String> LATIN = Map.ofEntries(Map.entry('ß', "ss"), Map.entry('ẞ', "SS"),
			Map.entry('Æ', "AE"), Map.entry('æ', "ae"), Map.entry('Œ', "OE"), Map.entry('œ', "oe"), Map.entry('Ø', "O"),
			Map.entry('ø', "o"), Map.entry('Ł', "L"), Map.entry('ł', "l"), Map.entry('Đ', "D"), Map.entry('đ', "d"),
			Map.entry('Ð', "D"), Map.entry('ð', "d"), Map.entry('Þ', "TH"), Map.entry('þ', "th"), Map.entry('ı', "i"),
			Map.entry('Ħ', "H"), Map.entry('ħ', "h"), Map.entry('Ŧ', "T"), Map.entry('ŧ', "t"), Map.entry('Ŋ', "N"),
			Map.entry('ŋ', "n"), Map.entry('ĸ', "k"), Map.entry('ƒ', "f"), Map.entry('\u2019', ""),
			Map.entry('\u2018', ""), Map.entry('\u02BC', ""));

	private static final Slugger LATIN_ONLY = new Slugger(false);

	private static final Slugger ALL_SCRIPTS = new Slugger(true);

	private final boolean icu;

	private Slugger(boolean icu) {
		this.icu = icu;
	}

	/**
	 * A slugger for Latin-script text, with no library.
	 * @return the slugger
	 */
	public static Slugger latin() {
		return LATIN_ONLY;
	}

	/**
	 * A slugger for text in any script, with ICU4J.
	 * @return the slugger
	 * @throws IllegalStateException when ICU4J is not on the classpath
	 */
	public static Slugger icu() {
		if (!isIcuPresent()) {
			throw new IllegalStateException("ICU4J (com.ibm.icu:icu4j) is not on the classpath");
		}
		return ALL_SCRIPTS;
	}

	/**
	 * {@link #icu()} when ICU4J is on the classpath, {@link #latin()} otherwise.
	 * @return the slugger
	 */
	public static Slugger detect() {
		return isIcuPresent() ? ALL_SCRIPTS : LATIN_ONLY;
	}

	private static boolean isIcuPresent() {
		return ClassUtils.isPresent(ICU_TRANSLITERATOR, Slugger.class.getClassLoader());
	}

	/**
	 * Whether this slugger transliterates every script, rather than Latin only.
	 * @return whether it uses ICU4J
	 */
	public boolean transliteratesAllScripts() {
		return this.icu;
	}

	/**
	 * The slug of a text, of any length.
	 * @param text the text
	 * @return the slug, empty when the text holds no letter or digit this slugger can
	 * spell in ASCII
	 */
	public String slug(String text) {
		return slug(text, 0);
	}

	/**
	 * The slug of a text, at most {@code maxLength} characters long: cut at the last word
	 * boundary that fits, or within the first word when it alone is longer.
	 * @param text the text
	 * @param maxLength the most characters, or {@code 0} for no limit
	 * @return the slug, empty when the text holds no letter or digit this slugger can
	 * spell in ASCII
	 */
	public String slug(String text, int maxLength) {
		String ascii = isAscii(text) ? text : toAscii(text);
		StringBuilder slug = new StringBuilder(ascii.length());
		boolean separator = false;
		for (int i = 0; i < ascii.length(); i++) {
			char c = ascii.charAt(i);
			if (c == '\'') {
				continue;
			}
			char lower = (c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c;
			if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9')) {
				if (separator && !slug.isEmpty()) {
					slug.append('-');
				}
				separator = false;
				slug.append(lower);
			}
			else {
				separator = true;
			}
		}
		return cap(slug.toString(), maxLength);
	}

	/**
	 * Cap a slug at a word boundary: the longest prefix of at most {@code maxLength}
	 * characters that ends a word, or the first {@code maxLength} characters when the
	 * first word alone is longer.
	 * @param slug the slug
	 * @param maxLength the most characters, or {@code 0} for no limit
	 * @return the capped slug, without a trailing hyphen
	 */
	static String cap(String slug, int maxLength) {
		if (maxLength <= 0 || slug.length() <= maxLength) {
			return slug;
		}
		int end = maxLength;
		if (slug.charAt(maxLength) != '-') {
			int boundary = slug.lastIndexOf('-', maxLength - 1);
			if (boundary > 0) {
				end = boundary;
			}
		}
		while (end > 0 && slug.charAt(end - 1) == '-') {
			end--;
		}
		return slug.substring(0, end);
	}

	private static boolean isAscii(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) >= 0x80) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Transliterate with ICU when present, then spell out the Latin letters that do not
	 * decompose, decompose, and drop the marks; any other character left outside ASCII
	 * becomes a separator.
	 */
	private String toAscii(String text) {
		String latin = this.icu ? Icu.TRANSLITERATOR.transliterate(text) : text;
		StringBuilder spelled = new StringBuilder(latin.length() + 8);
		for (int i = 0; i < latin.length(); i++) {
			char c = latin.charAt(i);
			String replacement = (c >= 0x80) ? LATIN.get(c) : null;
			if (replacement != null) {
				spelled.append(replacement);
			}
			else {
				spelled.append(c);
			}
		}
		String decomposed = Normalizer.normalize(spelled, Normalizer.Form.NFKD);
		StringBuilder ascii = new StringBuilder(decomposed.length());
		for (int i = 0; i < decomposed.length(); i++) {
			char c = decomposed.charAt(i);
			if (c < 0x80) {
				ascii.append(c);
			}
			else if (!isMark(decomposed.codePointAt(i))) {
				ascii.append(' ');
			}
		}
		return ascii.toString();
	}

	private static boolean isMark(int codePoint) {
		int type = Character.getType(codePoint);
		return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
				|| type == Character.ENCLOSING_MARK;
	}

	@Override
	public String toString() {
		return "Slugger[" + (this.icu ? "all scripts (ICU4J)" : "Latin script") + "]";
	}

	/**
	 * Holds ICU's transliterator, so that the class is loaded only when ICU is used.
	 * Transliterators are stateless and may be shared by threads without synchronizing.
	 */
	private static final class Icu {

		static final Transliterator TRANSLITERATOR = Transliterator.getInstance("Any-Latin; Latin-ASCII");

	}

}

package dev.plugboard.runtime;

import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Normalises and compares plugin ids.
 */
public final class PluginIds {

	private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private PluginIds() {
	}

	/**
	 * Normalise an id as written in the manifest: lower case, {@code _} becomes
	 * {@code -}.
	 * @param id the id as written
	 * @return the normalised id
	 */
	public static String normalise(String id) {
		return id.trim().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * Whether an id is kebab-case.
	 * @param id the id
	 * @return whether it is valid
	 */
	public static boolean isValid(String id) {
		return KEBAB.matcher(id).matches();
	}

	/**
	 * The known id nearest to an unknown one, if any is close enough to be a likely typo.
	 * @param unknown the unknown id
	 * @param known the known ids
	 * @return the suggestion, or {@code null}
	 */
	public static @Nullable String nearest(String unknown, Collection<String> known) {
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (String candidate : known) {
			int distance = distance(unknown, candidate);
			if (distance < bestDistance
					|| (distance == bestDistance && best != null && candidate.compareTo(best) < 0)) {
				best = candidate;
				bestDistance = distance;
			}
		}
		int tolerance = Math.max(2, unknown.length() / 3);
		return (best != null && bestDistance <= tolerance) ? best : null;
	}

	static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}

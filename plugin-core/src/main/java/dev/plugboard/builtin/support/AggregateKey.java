package dev.plugboard.builtin.support;

/**
 * The key under which the built-ins look an aggregate up in their configuration: its name
 * in lower case without {@code _} and {@code -}, so that {@code order_line},
 * {@code order-line} and {@code orderLine} in a manifest name the same aggregate.
 */
public final class AggregateKey {

	private AggregateKey() {
	}

	/**
	 * The key of an aggregate name.
	 * @param aggregate the name, as configured or as the repository reports it
	 * @return the key
	 */
	public static String of(String aggregate) {
		StringBuilder key = new StringBuilder(aggregate.length());
		for (int i = 0; i < aggregate.length(); i++) {
			char c = Character.toLowerCase(aggregate.charAt(i));
			if (c != '_' && c != '-') {
				key.append(c);
			}
		}
		return key.toString();
	}

}

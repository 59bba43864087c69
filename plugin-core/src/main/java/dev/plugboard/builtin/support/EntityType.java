package dev.plugboard.builtin.support;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The properties of an entity class as the write contexts see them: the record components
 * of a record, otherwise the instance fields of the class and its superclasses. One copy
 * for every built-in that checks its configuration against an entity class.
 */
public final class EntityType {

	private final Class<?> type;

	private final Map<String, Class<?>> properties;

	private EntityType(Class<?> type, Map<String, Class<?>> properties) {
		this.type = type;
		this.properties = properties;
	}

	/**
	 * The properties of an entity class.
	 * @param type the entity class
	 * @return its properties, in declaration order; for a class, its own fields before
	 * those of its superclasses
	 */
	public static EntityType of(Class<?> type) {
		Map<String, Class<?>> properties = new LinkedHashMap<>();
		if (type.isRecord()) {
			for (RecordComponent component : type.getRecordComponents()) {
				properties.put(component.getName(), component.getType());
			}
		}
		else {
			for (Class<?> current = type; current != null
					&& current != Object.class; current = current.getSuperclass()) {
				for (Field field : current.getDeclaredFields()) {
					if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
						properties.putIfAbsent(field.getName(), field.getType());
					}
				}
			}
		}
		return new EntityType(type, properties);
	}

	/**
	 * The simple name of the entity class, for messages.
	 * @return the simple name
	 */
	public String name() {
		return this.type.getSimpleName();
	}

	/**
	 * Whether the entity has a property.
	 * @param property the property name, as written in Java
	 * @return {@code true} if it has one of that name
	 */
	public boolean has(String property) {
		return this.properties.containsKey(property);
	}

	/**
	 * The declared type of a property.
	 * @param property the property name, as written in Java
	 * @return the type, or {@code null} if the entity has no such property
	 */
	public @Nullable Class<?> type(String property) {
		return this.properties.get(property);
	}

	/**
	 * The entity class itself.
	 * @return the class
	 */
	public Class<?> javaType() {
		return this.type;
	}

	/**
	 * The property whose name is closest to a misspelt one, if one is close enough to be
	 * what was meant.
	 * @param property the misspelt name
	 * @return the suggestion, or {@code null}
	 */
	public @Nullable String closest(String property) {
		return nearest(property, this.properties.keySet());
	}

	/**
	 * The candidate closest to a misspelt name, if one is close enough to be what was
	 * meant.
	 * @param name the misspelt name
	 * @param candidates the known names
	 * @return the suggestion, or {@code null}
	 */
	public static @Nullable String nearest(String name, Collection<String> candidates) {
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (String candidate : candidates) {
			int distance = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
			if (distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
		}
		return (best != null && bestDistance <= Math.max(2, name.length() / 3)) ? best : null;
	}

	/**
	 * A description of the entity's properties, for error messages.
	 * @return the simple class name and the property names
	 */
	public String describe() {
		return this.type.getSimpleName() + " has the properties " + String.join(", ", this.properties.keySet());
	}

	private static int distance(String a, String b) {
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

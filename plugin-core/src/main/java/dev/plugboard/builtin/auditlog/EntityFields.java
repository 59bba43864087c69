package dev.plugboard.builtin.auditlog;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.util.ReflectionUtils;

/**
 * The persistent fields of an entity class and how to read them, found once per class: a
 * record's components through their accessors, otherwise the instance fields of the class
 * and its superclasses, read directly (as Spring Data JDBC does). Static, transient and
 * {@code @Transient} fields are left out.
 */
final class EntityFields {

	private final Map<Class<?>, List<Reader>> readers = new ConcurrentHashMap<>();

	List<Reader> of(Class<?> type) {
		List<Reader> found = this.readers.get(type);
		if (found == null) {
			found = this.readers.computeIfAbsent(type, EntityFields::find);
		}
		return found;
	}

	private static List<Reader> find(Class<?> type) {
		List<Reader> readers = new ArrayList<>();
		if (type.isRecord()) {
			for (RecordComponent component : type.getRecordComponents()) {
				if (!isTransient(component.getAnnotations())) {
					Method accessor = component.getAccessor();
					ReflectionUtils.makeAccessible(accessor);
					readers.add(new Reader(component.getName(), accessor, null));
				}
			}
			return List.copyOf(readers);
		}
		List<Class<?>> hierarchy = new ArrayList<>();
		for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
			hierarchy.add(0, current);
		}
		for (Class<?> declaring : hierarchy) {
			for (Field field : declaring.getDeclaredFields()) {
				int modifiers = field.getModifiers();
				if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()
						|| isTransient(field.getAnnotations())) {
					continue;
				}
				ReflectionUtils.makeAccessible(field);
				readers.add(new Reader(field.getName(), null, field));
			}
		}
		return List.copyOf(readers);
	}

	private static boolean isTransient(Annotation[] annotations) {
		for (Annotation annotation : annotations) {
			if (annotation.annotationType().getSimpleName().equals("Transient")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Reads one field of an entity.
	 */
	record Reader(String name, @Nullable Method accessor, @Nullable Field field) {

		@Nullable Object read(Object entity) {
			if (this.accessor != null) {
				return ReflectionUtils.invokeMethod(this.accessor, entity);
			}
			return ReflectionUtils.getField(this.field, entity);
		}

	}

}

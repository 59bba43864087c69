package dev.plugboard.builtin.support;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.util.ReflectionUtils;

/**
 * Reads a property of the stored entity that {@code BeforeWriteContext.previous()}
 * returns, the way the write contexts read the entity being written: a record component
 * through its accessor, a bean property through its getter, any other property through
 * its field. One copy for every built-in that compares a write with the stored row.
 */
public final class StoredProperty {

	private StoredProperty() {
	}

	/** The accessors of each record class, by component name: looking them up is slow. */
	private static final ClassValue<Map<String, Method>> ACCESSORS = new ClassValue<>() {

		@Override
		protected Map<String, Method> computeValue(Class<?> type) {
			Map<String, Method> accessors = new HashMap<>();
			for (RecordComponent component : type.getRecordComponents()) {
				Method accessor = component.getAccessor();
				ReflectionUtils.makeAccessible(accessor);
				accessors.put(component.getName(), accessor);
			}
			return Map.copyOf(accessors);
		}

	};

	/**
	 * The value of a property of an entity.
	 * @param entity the entity, such as the stored row
	 * @param property the property name, as written in Java
	 * @return the value
	 * @throws IllegalArgumentException when a record has no such component
	 */
	public static @Nullable Object get(Object entity, String property) {
		Class<?> type = entity.getClass();
		if (type.isRecord()) {
			Method accessor = ACCESSORS.get(type).get(property);
			if (accessor == null) {
				throw new IllegalArgumentException(type.getName() + " has no property '" + property + "'");
			}
			return ReflectionUtils.invokeMethod(accessor, entity);
		}
		BeanWrapper bean = PropertyAccessorFactory.forBeanPropertyAccess(entity);
		if (bean.isReadableProperty(property)) {
			return bean.getPropertyValue(property);
		}
		return PropertyAccessorFactory.forDirectFieldAccess(entity).getPropertyValue(property);
	}

	/**
	 * Whether an entity class has a property: a record component, a readable bean
	 * property or a field.
	 * @param type the entity class
	 * @param property the property name, as written in Java
	 * @return whether it has one
	 */
	public static boolean has(Class<?> type, String property) {
		if (type.isRecord()) {
			return ACCESSORS.get(type).containsKey(property);
		}
		if (BeanUtils.getPropertyDescriptor(type, property) != null) {
			return true;
		}
		return ReflectionUtils.findField(type, property) != null;
	}

}

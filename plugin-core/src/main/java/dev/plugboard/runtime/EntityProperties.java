package dev.plugboard.runtime;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Reads and writes entity properties by name for the write contexts. A property is a
 * record component (a write makes a copy through the canonical constructor) or a field,
 * read and written through its getter and setter when it has them. Type metadata is
 * cached per class. Thread-safe.
 */
public final class EntityProperties {

	private static final Map<Class<?>, Shape> shapes = new ConcurrentHashMap<>();

	private EntityProperties() {
	}

	/**
	 * The declared type of a property.
	 * @param type the entity class
	 * @param property the property name
	 * @return the type, or {@code null} when there is no such property
	 */
	public static @Nullable Class<?> type(Class<?> type, String property) {
		return shape(type).type(property);
	}

	/**
	 * The value of a property.
	 * @param entity the entity
	 * @param property the property name
	 * @return the value
	 * @throws IllegalArgumentException when there is no such property
	 */
	public static @Nullable Object get(Object entity, String property) {
		Shape shape = shape(entity.getClass());
		if (shape.type(property) == null) {
			throw noSuchProperty(entity.getClass(), property);
		}
		return shape.get(entity, property);
	}

	/**
	 * Set a property: in place for a mutable entity, on a copy for a record.
	 * @param entity the entity
	 * @param property the property name
	 * @param value the value
	 * @return the entity with the property set: the same instance, or the record's copy
	 * @throws IllegalArgumentException when there is no such property or the value does
	 * not fit
	 */
	public static Object set(Object entity, String property, @Nullable Object value) {
		Shape shape = shape(entity.getClass());
		Class<?> type = shape.type(property);
		if (type == null) {
			throw noSuchProperty(entity.getClass(), property);
		}
		if (value == null ? type.isPrimitive() : !ClassUtils.isAssignableValue(type, value)) {
			throw new IllegalArgumentException(
					"Property '" + property + "' of " + entity.getClass().getName() + " is a " + type.getName()
							+ "; cannot set it to " + ((value != null) ? "a " + value.getClass().getName() : "null"));
		}
		return shape.set(entity, property, value);
	}

	private static IllegalArgumentException noSuchProperty(Class<?> type, String property) {
		return new IllegalArgumentException(type.getName() + " has no property '" + property + "'");
	}

	private static Shape shape(Class<?> type) {
		Shape shape = shapes.get(type);
		if (shape == null) {
			shape = shapes.computeIfAbsent(type, (key) -> key.isRecord() ? new RecordShape(key) : new BeanShape(key));
		}
		return shape;
	}

	private interface Shape {

		@Nullable Class<?> type(String property);

		@Nullable Object get(Object entity, String property);

		Object set(Object entity, String property, @Nullable Object value);

	}

	private static final class RecordShape implements Shape {

		private final RecordComponent[] components;

		private final Constructor<?> constructor;

		RecordShape(Class<?> type) {
			this.components = type.getRecordComponents();
			Class<?>[] parameterTypes = new Class<?>[this.components.length];
			for (int i = 0; i < this.components.length; i++) {
				parameterTypes[i] = this.components[i].getType();
			}
			try {
				this.constructor = ReflectionUtils.accessibleConstructor(type, parameterTypes);
			}
			catch (NoSuchMethodException ex) {
				throw new IllegalStateException("Record " + type.getName() + " has no canonical constructor", ex);
			}
		}

		private int index(String property) {
			for (int i = 0; i < this.components.length; i++) {
				if (this.components[i].getName().equals(property)) {
					return i;
				}
			}
			return -1;
		}

		@Override
		public @Nullable Class<?> type(String property) {
			int index = index(property);
			return (index >= 0) ? ClassUtils.resolvePrimitiveIfNecessary(this.components[index].getType()) : null;
		}

		@Override
		public @Nullable Object get(Object entity, String property) {
			return read(entity, this.components[index(property)]);
		}

		private static @Nullable Object read(Object entity, RecordComponent component) {
			ReflectionUtils.makeAccessible(component.getAccessor());
			return ReflectionUtils.invokeMethod(component.getAccessor(), entity);
		}

		@Override
		public Object set(Object entity, String property, @Nullable Object value) {
			int index = index(property);
			Object[] arguments = new Object[this.components.length];
			for (int i = 0; i < this.components.length; i++) {
				arguments[i] = (i == index) ? value : read(entity, this.components[i]);
			}
			try {
				return this.constructor.newInstance(arguments);
			}
			catch (InvocationTargetException ex) {
				ReflectionUtils.rethrowRuntimeException(ex.getTargetException());
				throw new IllegalStateException(ex);
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException("Cannot copy record " + entity.getClass().getName(), ex);
			}
		}

	}

	private static final class BeanShape implements Shape {

		private final Class<?> type;

		private final Map<String, Object> fields = new ConcurrentHashMap<>();

		BeanShape(Class<?> type) {
			this.type = type;
		}

		private @Nullable Field field(String property) {
			Object field = this.fields.computeIfAbsent(property, (name) -> {
				Field found = ReflectionUtils.findField(this.type, name);
				return (found != null) ? found : Boolean.FALSE;
			});
			return (field instanceof Field found) ? found : null;
		}

		@Override
		public @Nullable Class<?> type(String property) {
			Field field = field(property);
			return (field != null) ? ClassUtils.resolvePrimitiveIfNecessary(field.getType()) : null;
		}

		@Override
		public @Nullable Object get(Object entity, String property) {
			BeanWrapper bean = PropertyAccessorFactory.forBeanPropertyAccess(entity);
			if (bean.isReadableProperty(property)) {
				return bean.getPropertyValue(property);
			}
			Field field = field(property);
			ReflectionUtils.makeAccessible(field);
			return ReflectionUtils.getField(field, entity);
		}

		@Override
		public Object set(Object entity, String property, @Nullable Object value) {
			BeanWrapper bean = PropertyAccessorFactory.forBeanPropertyAccess(entity);
			if (bean.isWritableProperty(property)) {
				bean.setPropertyValue(property, value);
				return entity;
			}
			Field field = field(property);
			ReflectionUtils.makeAccessible(field);
			ReflectionUtils.setField(field, entity, value);
			return entity;
		}

	}

}

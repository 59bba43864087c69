package dev.plugboard.builtin.softdelete;

import java.lang.reflect.RecordComponent;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.util.ReflectionUtils;

/**
 * Reads a property of the stored entity that {@code BeforeWriteContext.previous()}
 * returns, the way the write contexts read the entity being written: a record component
 * through its accessor, a bean property through its getter, any other property through
 * its field.
 */
final class StoredProperty {

	private StoredProperty() {
	}

	static @Nullable Object get(Object entity, String property) {
		Class<?> type = entity.getClass();
		if (type.isRecord()) {
			for (RecordComponent component : type.getRecordComponents()) {
				if (component.getName().equals(property)) {
					ReflectionUtils.makeAccessible(component.getAccessor());
					return ReflectionUtils.invokeMethod(component.getAccessor(), entity);
				}
			}
			throw new IllegalArgumentException(type.getName() + " has no property '" + property + "'");
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
	 */
	static boolean has(Class<?> type, String property) {
		if (type.isRecord()) {
			for (RecordComponent component : type.getRecordComponents()) {
				if (component.getName().equals(property)) {
					return true;
				}
			}
			return false;
		}
		if (BeanUtils.getPropertyDescriptor(type, property) != null) {
			return true;
		}
		return ReflectionUtils.findField(type, property) != null;
	}

}

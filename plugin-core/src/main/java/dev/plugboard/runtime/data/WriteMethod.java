package dev.plugboard.runtime.data;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.data.repository.CrudRepository;
import org.springframework.data.repository.core.RepositoryInformation;

/**
 * How the repository interceptor treats one repository method: which writes it wraps with
 * hooks, and which writes it cannot show to them. Use {@link #of} to classify a method
 * and {@link #unsupported} for the startup report.
 *
 * @since 0.1.0
 */
public enum WriteMethod {

	/**
	 * {@code save(entity)}, {@code saveAndFlush(entity)}: one INSERT or UPDATE, decided
	 * by Spring Data's new-entity check before the statement.
	 */
	SAVE,

	/**
	 * {@code saveAll(entities)}, {@code saveAllAndFlush(entities)}: one INSERT or UPDATE
	 * per entity.
	 */
	SAVE_ALL,

	/** {@code delete(entity)}: one DELETE. */
	DELETE,

	/**
	 * {@code deleteById(id)}: one DELETE of the entity loaded first; none, and no hooks,
	 * when nothing is found or when an after-read hook hides the entity (another tenant's
	 * row, a soft-deleted row).
	 */
	DELETE_BY_ID,

	/**
	 * {@code deleteAll(entities)}, {@code deleteAllInBatch(entities)},
	 * {@code deleteInBatch(entities)}: one DELETE per entity.
	 */
	DELETE_ALL,

	/**
	 * {@code deleteAllById(ids)}, {@code deleteAllByIdInBatch(ids)}: one DELETE per
	 * entity loaded first; entities an after-read hook hides are neither shown to the
	 * hooks nor deleted.
	 */
	DELETE_ALL_BY_ID,

	/**
	 * A write whose entities the hooks cannot see: a {@code @Modifying} query, a derived
	 * delete query, {@code deleteAll()} or {@code deleteAllInBatch()} without arguments.
	 * It runs without hooks and is listed at startup.
	 */
	UNSUPPORTED,

	/**
	 * Not a write: reads go to the after-read hooks when they return entities, the rest
	 * runs untouched.
	 */
	NONE;

	private static final Pattern DERIVED_DELETE = Pattern.compile("^(delete|remove)(\\p{Lu}.*?)??By");

	/**
	 * Classify a repository method.
	 * @param method a method of the repository interface, as the proxy is invoked with it
	 * @param repository the repository's metadata
	 * @return how the interceptor treats the method
	 */
	public static WriteMethod of(Method method, RepositoryInformation repository) {
		if (method.isDefault() || Modifier.isStatic(method.getModifiers())
				|| method.getDeclaringClass() == Object.class) {
			return NONE;
		}
		if (repository.isQueryMethod(method)) {
			return (isModifying(method) || isDerivedDelete(method)) ? UNSUPPORTED : NONE;
		}
		String name = method.getName();
		if (method.getParameterCount() == 0) {
			return (name.equals("deleteAll") || name.equals("deleteAllInBatch")) ? UNSUPPORTED : NONE;
		}
		if (method.getParameterCount() != 1) {
			return NONE;
		}
		boolean many = Iterable.class.isAssignableFrom(method.getParameterTypes()[0]);
		return switch (name) {
			case "save", "saveAndFlush" -> many ? NONE : SAVE;
			case "saveAll", "saveAllAndFlush" -> many ? SAVE_ALL : NONE;
			case "delete" -> many ? NONE : DELETE;
			case "deleteAll", "deleteAllInBatch", "deleteInBatch" -> many ? DELETE_ALL : NONE;
			case "deleteById" -> canLoad(repository) ? DELETE_BY_ID : UNSUPPORTED;
			case "deleteAllById", "deleteAllByIdInBatch" ->
				!many ? NONE : canLoad(repository) ? DELETE_ALL_BY_ID : UNSUPPORTED;
			default -> NONE;
		};
	}

	/**
	 * The write methods of a repository that cannot show their entities to the hooks,
	 * described for the startup report, such as {@code deleteAll()} or
	 * {@code closeStale(LocalDate) (@Modifying query)}.
	 * @param repository the repository's metadata
	 * @return the descriptions, sorted; empty when every write shows its entities
	 */
	public static List<String> unsupported(RepositoryInformation repository) {
		Map<String, String> described = new LinkedHashMap<>();
		List<Method> methods = new ArrayList<>(Arrays.asList(repository.getRepositoryInterface().getMethods()));
		methods.sort(Comparator.comparing(Method::getName).thenComparing(WriteMethod::parameters));
		for (Method method : methods) {
			if (!method.isBridge() && !method.isSynthetic() && of(method, repository) == UNSUPPORTED) {
				String signature = method.getName() + "(" + parameters(method) + ")";
				described.putIfAbsent(signature, signature + reason(method, repository));
			}
		}
		return List.copyOf(described.values());
	}

	private static String reason(Method method, RepositoryInformation repository) {
		if (!repository.isQueryMethod(method)) {
			return "";
		}
		return isModifying(method) ? " (@Modifying query)" : " (derived delete query)";
	}

	private static String parameters(Method method) {
		return Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", "));
	}

	private static boolean canLoad(RepositoryInformation repository) {
		return CrudRepository.class.isAssignableFrom(repository.getRepositoryBaseClass());
	}

	private static boolean isModifying(Method method) {
		return MergedAnnotations.from(method)
			.stream()
			.map(MergedAnnotation::getType)
			.anyMatch((type) -> type.getSimpleName().equals("Modifying")
					&& type.getName().startsWith("org.springframework.data."));
	}

	private static boolean isDerivedDelete(Method method) {
		boolean declaredQuery = MergedAnnotations.from(method)
			.stream()
			.map(MergedAnnotation::getType)
			.anyMatch((type) -> type.getSimpleName().equals("Query"));
		return !declaredQuery && DERIVED_DELETE.matcher(method.getName()).find();
	}

}

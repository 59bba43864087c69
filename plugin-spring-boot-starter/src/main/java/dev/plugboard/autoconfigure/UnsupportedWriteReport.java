package dev.plugboard.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.repository.core.RepositoryInformation;

import dev.plugboard.autoconfigure.PlugboardProperties.UnsupportedWrites;
import dev.plugboard.runtime.ManifestException;
import dev.plugboard.runtime.ManifestException.Problem;
import dev.plugboard.runtime.PluginRuntime;
import dev.plugboard.runtime.data.WriteMethod;

/**
 * The startup report of repository write methods that cannot show their entities to the
 * write hooks ({@code @Modifying} queries, derived delete queries, {@code deleteAll()},
 * and every write of a reactive repository), for the repositories whose aggregate has
 * write hooks. {@code plugboard.unsupported-writes} chooses: {@code warn} logs one line
 * per repository, {@code fail} stops the boot naming every method, {@code ignore} says
 * nothing.
 */
final class UnsupportedWriteReport {

	private static final Logger logger = LoggerFactory.getLogger(UnsupportedWriteReport.class);

	private static final String FIX = "Load the entities and write them through save, saveAll, delete or "
			+ "deleteAll(Iterable) so that the hooks see each one; for deleteAll(), which every CrudRepository "
			+ "inherits, declare the repository on Repository<T, ID> with only the methods you use. Or set "
			+ "plugboard.unsupported-writes to warn or ignore to accept that hooks do not run for them.";

	private final UnsupportedWrites policy;

	private final List<Entry> pending = new ArrayList<>();

	private boolean complete;

	UnsupportedWriteReport(UnsupportedWrites policy) {
		this.policy = policy;
	}

	/**
	 * Record a repository once its factory is ready; a repository created after startup
	 * is reported at once.
	 */
	synchronized void add(RepositoryInformation repository, String aggregate, ObjectProvider<PluginRuntime> runtime) {
		if (this.policy == UnsupportedWrites.IGNORE) {
			return;
		}
		List<String> methods = repository.isReactiveRepository()
				? List.of("every write method (reactive repositories are not intercepted)")
				: WriteMethod.unsupported(repository);
		if (methods.isEmpty()) {
			return;
		}
		Entry entry = new Entry(repository.getRepositoryInterface().getName(), aggregate, methods);
		if (this.complete) {
			report(List.of(entry), runtime.getObject());
		}
		else {
			this.pending.add(entry);
		}
	}

	/**
	 * Report the repositories recorded during startup.
	 */
	synchronized void complete(PluginRuntime runtime) {
		this.complete = true;
		List<Entry> entries = List.copyOf(this.pending);
		this.pending.clear();
		report(entries, runtime);
	}

	private void report(List<Entry> entries, PluginRuntime runtime) {
		List<Entry> skipped = entries.stream().filter((entry) -> runtime.hasWriteHooks(entry.aggregate())).toList();
		if (skipped.isEmpty()) {
			return;
		}
		if (this.policy == UnsupportedWrites.FAIL) {
			String methods = skipped.stream()
				.flatMap((entry) -> entry.methods().stream().map((method) -> entry.repository() + "." + method))
				.collect(Collectors.joining(", "));
			throw new ManifestException(Problem.UNSUPPORTED_WRITE, null,
					"Plugboard write hooks cannot run for these repository methods, which do not show their "
							+ "entities, and plugboard.unsupported-writes is fail: " + methods + ".",
					FIX, runtime.registry().knownIds());
		}
		for (Entry entry : skipped) {
			logger.warn(
					"Plugboard write hooks do not run for these methods of {} (aggregate '{}'), which cannot show "
							+ "their entities: {}. Write through save/delete instead, or set "
							+ "plugboard.unsupported-writes=ignore to silence this.",
					entry.repository(), entry.aggregate(), String.join(", ", entry.methods()));
		}
	}

	private record Entry(String repository, String aggregate, List<String> methods) {
	}

}

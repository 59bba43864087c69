package dev.plugboard.autoconfigure.data;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import dev.plugboard.AfterWriteContext;
import dev.plugboard.AfterWritePlugin;
import dev.plugboard.BeforeWriteContext;
import dev.plugboard.BeforeWritePlugin;
import dev.plugboard.WriteContext;
import dev.plugboard.WriteOp;

/**
 * What the test plugins saw, in order, and what each test scripts them to do.
 */
public final class WriteLog {

	private final List<Event> events = new CopyOnWriteArrayList<>();

	private volatile Consumer<BeforeWriteContext> before = (write) -> {
	};

	private volatile Consumer<AfterWriteContext> after = (write) -> {
	};

	void reset() {
		this.events.clear();
		this.before = (write) -> {
		};
		this.after = (write) -> {
		};
	}

	void onBeforeWrite(Consumer<BeforeWriteContext> script) {
		this.before = script;
	}

	void onAfterWrite(Consumer<AfterWriteContext> script) {
		this.after = script;
	}

	List<Event> events() {
		return List.copyOf(this.events);
	}

	List<Event> events(String plugin) {
		return this.events.stream().filter((event) -> event.plugin().equals(plugin)).toList();
	}

	private void record(String plugin, WriteContext write, @Nullable Object id) {
		this.events.add(new Event(plugin, write.op(), write.aggregate(), write.entity(), id));
	}

	/**
	 * One hook call.
	 *
	 * @param plugin the plugin id
	 * @param op the operation
	 * @param aggregate the aggregate name
	 * @param entity the entity the hook saw
	 * @param id the id an after-write hook saw, {@code null} for before-write
	 */
	record Event(String plugin, WriteOp op, String aggregate, Object entity, @Nullable Object id) {

		String describe() {
			return this.plugin + " " + this.op + " " + this.aggregate;
		}

	}

	/**
	 * A before-write plugin that records, then runs the test's script.
	 */
	static final class ScriptedBeforeWrite implements BeforeWritePlugin {

		static final String ID = "scripted-before";

		private final WriteLog log;

		ScriptedBeforeWrite(WriteLog log) {
			this.log = log;
		}

		@Override
		public String id() {
			return ID;
		}

		@Override
		public void beforeWrite(BeforeWriteContext write) {
			this.log.record(ID, write, null);
			this.log.before.accept(write);
		}

	}

	/**
	 * An after-write plugin that records, then runs the test's script.
	 */
	static final class ScriptedAfterWrite implements AfterWritePlugin {

		static final String ID = "scripted-after";

		private final WriteLog log;

		ScriptedAfterWrite(WriteLog log) {
			this.log = log;
		}

		@Override
		public String id() {
			return ID;
		}

		@Override
		public void afterWrite(AfterWriteContext write) {
			this.log.record(ID, write, write.id());
			this.log.after.accept(write);
		}

	}

	/**
	 * An after-write plugin that the manifest restricts to notes.
	 */
	static final class NoteAudit implements AfterWritePlugin {

		static final String ID = "note-audit";

		private final WriteLog log;

		NoteAudit(WriteLog log) {
			this.log = log;
		}

		@Override
		public String id() {
			return ID;
		}

		@Override
		public void afterWrite(AfterWriteContext write) {
			this.log.record(ID, write, write.id());
		}

	}

}

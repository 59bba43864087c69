package dev.plugboard.autoconfigure.read;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.plugboard.AfterReadContext;
import dev.plugboard.AfterReadPlugin;
import dev.plugboard.AfterWriteContext;
import dev.plugboard.AfterWritePlugin;
import dev.plugboard.BeforeWriteContext;
import dev.plugboard.BeforeWritePlugin;
import dev.plugboard.EntityContext;
import dev.plugboard.OnError;
import dev.plugboard.RequestContext;

/**
 * What the test plugins saw, and what each test scripts them to do. The plugins are a
 * small tenant scope (tenant from the {@code X-Tenant} header, or {@link #tenant} outside
 * a request), a soft-delete filter, a redactor and a write recorder.
 */
public final class ReadLog {

	static final String TENANT_HEADER = "X-Tenant";

	private final List<Event> events = new CopyOnWriteArrayList<>();

	private volatile String tenant = "a";

	private volatile Consumer<AfterReadContext> tenantScript = (read) -> {
	};

	private volatile Consumer<AfterReadContext> redactorScript = (read) -> {
	};

	void reset() {
		this.events.clear();
		this.tenant = "a";
		this.tenantScript = (read) -> {
		};
		this.redactorScript = (read) -> {
		};
	}

	void tenant(String tenant) {
		this.tenant = tenant;
	}

	void onTenantScope(Consumer<AfterReadContext> script) {
		this.tenantScript = script;
	}

	void onRedactor(Consumer<AfterReadContext> script) {
		this.redactorScript = script;
	}

	List<Event> events() {
		return List.copyOf(this.events);
	}

	List<Event> events(String plugin) {
		return this.events.stream().filter((event) -> event.plugin().equals(plugin)).toList();
	}

	private void record(String plugin, String what, EntityContext context) {
		RequestContext request = context.request();
		String transaction = !TransactionSynchronizationManager.isActualTransactionActive() ? "none"
				: TransactionSynchronizationManager.isCurrentTransactionReadOnly() ? "read-only" : "read-write";
		this.events
			.add(new Event(plugin, what, context.aggregate(), transaction, (request != null) ? request.path() : null));
	}

	private String currentTenant(EntityContext context) {
		RequestContext request = context.request();
		String header = (request != null) ? request.header(TENANT_HEADER) : null;
		return (header != null) ? header : this.tenant;
	}

	/**
	 * One hook call.
	 *
	 * @param plugin the plugin id
	 * @param what what the plugin saw, such as {@code memo a1} or {@code DELETE memo a1}
	 * @param aggregate the aggregate name
	 * @param transaction {@code none}, {@code read-only} or {@code read-write}
	 * @param path the request path, {@code null} outside a request
	 */
	record Event(String plugin, String what, String aggregate, String transaction, @Nullable String path) {
	}

	/**
	 * Hides what belongs to another tenant; fail-closed, as a tenant filter must be.
	 */
	static final class TenantScope implements AfterReadPlugin {

		static final String ID = "tenant-filter";

		private final ReadLog log;

		TenantScope(ReadLog log) {
			this.log = log;
		}

		@Override
		public String id() {
			return ID;
		}

		@Override
		public int order() {
			return 100;
		}

		@Override
		public OnError onError() {
			return OnError.FAIL_CLOSED;
		}

		@Override
		public void afterRead(AfterReadContext read) {
			Tenanted entity = read.entity(Tenanted.class);
			this.log.record(ID, (entity instanceof Memo memo) ? memo.title() : String.valueOf(entity), read);
			this.log.tenantScript.accept(read);
			if (entity != null && !entity.tenant().equals(this.log.currentTenant(read))) {
				read.hide();
			}
		}

	}

	/**
	 * Hides soft-deleted memos.
	 */
	static final class HideDeleted implements AfterReadPlugin {

		static final String ID = "hide-deleted";

		@Override
		public String id() {
			return ID;
		}

		@Override
		public int order() {
			return 200;
		}

		@Override
		public void afterRead(AfterReadContext read) {
			Memo memo = read.entity(Memo.class);
			if (memo != null && memo.deletedAt() != null) {
				read.hide();
			}
		}

	}

	/**
	 * Masks each memo's secret in a copy; fail-open, the default.
	 */
	static final class Redactor implements AfterReadPlugin {

		static final String ID = "redactor";

		private final ReadLog log;

		Redactor(ReadLog log) {
			this.log = log;
		}

		@Override
		public String id() {
			return ID;
		}

		@Override
		public int order() {
			return 300;
		}

		@Override
		public void afterRead(AfterReadContext read) {
			Memo memo = read.entity(Memo.class);
			if (memo != null) {
				read.setEntity(memo.redacted());
			}
			this.log.redactorScript.accept(read);
		}

	}

	/**
	 * Records the writes of memos.
	 */
	static final class MemoWrites implements BeforeWritePlugin, AfterWritePlugin {

		static final String ID = "memo-writes";

		private final ReadLog log;

		MemoWrites(ReadLog log) {
			this.log = log;
		}

		@Override
		public String id() {
			return ID;
		}

		@Override
		public void beforeWrite(BeforeWriteContext write) {
			this.log.record(ID, "before " + write.op() + " " + write.entity(Memo.class).title(), write);
		}

		@Override
		public void afterWrite(AfterWriteContext write) {
			this.log.record(ID, "after " + write.op() + " " + write.entity(Memo.class).title() + " secret="
					+ write.entity(Memo.class).secret(), write);
		}

	}

}

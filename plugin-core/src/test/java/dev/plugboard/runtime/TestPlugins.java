package dev.plugboard.runtime;

import java.util.function.Consumer;

import dev.plugboard.AfterWriteContext;
import dev.plugboard.AfterWritePlugin;
import dev.plugboard.BeforeRequestPlugin;
import dev.plugboard.BeforeWriteContext;
import dev.plugboard.BeforeWritePlugin;
import dev.plugboard.OnError;
import dev.plugboard.PluginOrder;
import dev.plugboard.RequestContext;

/**
 * Small plugins for runtime tests, each implementing exactly one hook.
 */
final class TestPlugins {

	private TestPlugins() {
	}

	static RequestHook request(String id, Consumer<RequestContext> action) {
		return new RequestHook(id, PluginOrder.APPLICATION, OnError.FAIL_OPEN, action);
	}

	static BeforeHook beforeWrite(String id, Consumer<BeforeWriteContext> action) {
		return new BeforeHook(id, PluginOrder.APPLICATION, action);
	}

	static AfterHook afterWrite(String id, Consumer<AfterWriteContext> action) {
		return new AfterHook(id, PluginOrder.APPLICATION, action);
	}

	record RequestHook(String id, int order, OnError onError,
			Consumer<RequestContext> action) implements BeforeRequestPlugin {

		RequestHook withOrder(int order) {
			return new RequestHook(this.id, order, this.onError, this.action);
		}

		RequestHook withOnError(OnError onError) {
			return new RequestHook(this.id, this.order, onError, this.action);
		}

		@Override
		public void beforeRequest(RequestContext request) {
			this.action.accept(request);
		}

	}

	record BeforeHook(String id, int order, Consumer<BeforeWriteContext> action) implements BeforeWritePlugin {

		@Override
		public void beforeWrite(BeforeWriteContext write) {
			this.action.accept(write);
		}

	}

	record AfterHook(String id, int order, Consumer<AfterWriteContext> action) implements AfterWritePlugin {

		@Override
		public void afterWrite(AfterWriteContext write) {
			this.action.accept(write);
		}

	}

}

package dev.plugboard.runtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * One route of a plugin, as read from its {@link RouterFunction}: the path pattern and
 * the HTTP methods it answers (empty for any method). Used to report routes and to detect
 * clashes.
 *
 * @param methods the methods, upper case; empty for any
 * @param path the path pattern, including the prefixes of nested routes
 */
public record RouteDescription(Set<String> methods, String path) {

	private static final Pattern VARIABLE_NAME = Pattern.compile("\\{(\\*?)[^}:]+(:[^}]*)?\\}");

	public RouteDescription {
		methods = Set.copyOf(new TreeSet<>(methods));
	}

	/**
	 * Whether a request could match both routes: the same path pattern and overlapping
	 * methods. Patterns that differ only in the names of their URI variables
	 * ({@code /orders/{id}} and {@code /orders/{orderId}}) are the same pattern.
	 * @param other the other route
	 * @return whether they clash
	 */
	public boolean clashesWith(RouteDescription other) {
		if (!this.path.equals(other.path) && !shape(this.path).equals(shape(other.path))) {
			return false;
		}
		return this.methods.isEmpty() || other.methods.isEmpty()
				|| this.methods.stream().anyMatch(other.methods::contains);
	}

	/**
	 * The pattern with the names of its URI variables erased, keeping any regular
	 * expression: {@code /a/{id}/{*rest}} becomes {@code /a/{}/{*}}.
	 */
	private static String shape(String pattern) {
		return VARIABLE_NAME.matcher(pattern).replaceAll("{$1$2}");
	}

	@Override
	public String toString() {
		return (this.methods.isEmpty() ? "*" : String.join("|", new TreeSet<>(this.methods))) + " " + this.path;
	}

	/**
	 * Read the routes of a router function.
	 * @param routes the router function
	 * @return the routes it declares that have a path
	 */
	public static List<RouteDescription> of(RouterFunction<?> routes) {
		Collector collector = new Collector();
		routes.accept(collector);
		return collector.routes;
	}

	private static final class Collector implements RouterFunctions.Visitor {

		private final List<RouteDescription> routes = new ArrayList<>();

		private final Deque<String> prefixes = new ArrayDeque<>();

		@Override
		public void startNested(RequestPredicate predicate) {
			Predicate nested = Predicate.of(predicate);
			this.prefixes.push(prefix() + (nested.paths.isEmpty() ? "" : nested.paths.get(0)));
		}

		@Override
		public void endNested(RequestPredicate predicate) {
			this.prefixes.pop();
		}

		@Override
		public void route(RequestPredicate predicate, HandlerFunction<?> handlerFunction) {
			Predicate route = Predicate.of(predicate);
			for (String path : route.paths) {
				this.routes.add(new RouteDescription(route.methods, prefix() + path));
			}
		}

		private String prefix() {
			return this.prefixes.isEmpty() ? "" : this.prefixes.peek();
		}

		@Override
		public void resources(Function<ServerRequest, Optional<Resource>> lookupFunction) {
		}

		@Override
		public void attributes(Map<String, Object> attributes) {
		}

		@Override
		public void unknown(RouterFunction<?> routerFunction) {
		}

	}

	private static final class Predicate implements RequestPredicates.Visitor {

		private final Set<String> methods = new TreeSet<>();

		private final List<String> paths = new ArrayList<>();

		private int negated;

		static Predicate of(RequestPredicate predicate) {
			Predicate visitor = new Predicate();
			predicate.accept(visitor);
			return visitor;
		}

		@Override
		public void method(Set<HttpMethod> methods) {
			if (this.negated == 0) {
				methods.forEach((method) -> this.methods.add(method.name()));
			}
		}

		@Override
		public void path(String pattern) {
			if (this.negated == 0) {
				this.paths.add(pattern);
			}
		}

		@Override
		public void pathExtension(String extension) {
		}

		@Override
		public void header(String name, String value) {
		}

		@Override
		public void param(String name, String value) {
		}

		@Override
		public void version(String version) {
		}

		@Override
		public void startAnd() {
		}

		@Override
		public void and() {
		}

		@Override
		public void endAnd() {
		}

		@Override
		public void startOr() {
		}

		@Override
		public void or() {
		}

		@Override
		public void endOr() {
		}

		@Override
		public void startNegate() {
			this.negated++;
		}

		@Override
		public void endNegate() {
			this.negated--;
		}

		@Override
		public void unknown(RequestPredicate predicate) {
		}

	}

}

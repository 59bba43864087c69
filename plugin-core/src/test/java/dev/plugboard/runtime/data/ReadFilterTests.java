package dev.plugboard.runtime.data;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.data.domain.Window;
import org.springframework.data.util.Streamable;

import dev.plugboard.AfterReadContext;
import dev.plugboard.AfterReadPlugin;
import dev.plugboard.runtime.DeferredExecutor;
import dev.plugboard.runtime.HookObserver;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.PluginRuntime;
import dev.plugboard.runtime.PluginSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The results of reads with a plugin that hides tickets titled {@code hidden} and masks
 * the title of tickets titled {@code secret}, in every shape a repository can return
 * them.
 */
class ReadFilterTests {

	private final DeferredExecutor deferred = new DeferredExecutor(1, 10);

	private final List<String> seen = new ArrayList<>();

	private final ReadFilter filter = new ReadFilter(runtime(), "ticket", Ticket.class, null);

	private final Ticket a = new Ticket(1L, "a");

	private final Ticket hidden = new Ticket(2L, "hidden");

	private final Ticket secret = new Ticket(3L, "secret");

	private final Ticket b = new Ticket(4L, "b");

	@AfterEach
	void stopExecutor() {
		this.deferred.shutdown(Duration.ofSeconds(5));
	}

	@Test
	void hiddenEntityIsNullAndOtherEntityIsItselfOrItsReplacement() {
		assertThat(this.filter.apply(ReadMethod.ENTITY, this.hidden)).isNull();
		assertThat(this.filter.apply(ReadMethod.ENTITY, this.a)).isSameAs(this.a);
		assertThat(this.filter.apply(ReadMethod.ENTITY, this.secret)).isInstanceOfSatisfying(Ticket.class,
				(ticket) -> assertThat(ticket.title).isEqualTo("***"));
		assertThat(this.filter.apply(ReadMethod.ENTITY, null)).isNull();
	}

	@Test
	void hiddenOptionalIsEmpty() {
		assertThat(this.filter.apply(ReadMethod.OPTIONAL, Optional.of(this.hidden))).isEqualTo(Optional.empty());
		Optional<Ticket> kept = Optional.of(this.a);
		assertThat(this.filter.apply(ReadMethod.OPTIONAL, kept)).isSameAs(kept);
		assertThat(this.filter.apply(ReadMethod.OPTIONAL, Optional.of(this.secret)))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.OPTIONAL)
			.get()
			.extracting("title")
			.isEqualTo("***");
	}

	@Test
	void listLeavesHiddenOutKeepsOrderAndShowsReplacements() {
		Object result = this.filter.apply(ReadMethod.LIST, List.of(this.a, this.hidden, this.secret, this.b));
		assertThat(result).isInstanceOf(List.class);
		assertThat(titles(result)).containsExactly("a", "***", "b");
		assertThat(this.seen).containsExactly("a", "hidden", "secret", "b");
	}

	@Test
	void resultWithNothingHiddenOrReplacedIsReturnedAsIs() {
		List<Ticket> list = List.of(this.a, this.b);
		Page<Ticket> page = new PageImpl<>(list, PageRequest.of(0, 2), 9);
		assertThat(this.filter.apply(ReadMethod.LIST, list)).isSameAs(list);
		assertThat(this.filter.apply(ReadMethod.PAGE, page)).isSameAs(page);
	}

	@Test
	void setStaysASetInTheSameOrder() {
		Object result = this.filter.apply(ReadMethod.SET,
				new LinkedHashSet<>(List.of(this.b, this.hidden, this.secret, this.a)));
		assertThat(result).isInstanceOf(Set.class);
		assertThat(titles(result)).containsExactly("b", "***", "a");
	}

	@Test
	void streamIsFilteredLazilyAsItIsConsumedAndClosesTheQuerysStream() {
		AtomicBoolean closed = new AtomicBoolean();
		Object result = this.filter.apply(ReadMethod.STREAM,
				Stream.of(this.hidden, this.a, this.secret, this.b).onClose(() -> closed.set(true)));
		assertThat(this.seen).isEmpty();
		try (Stream<?> stream = (Stream<?>) result) {
			assertThat(stream.findFirst()).get().isSameAs(this.a);
		}
		assertThat(this.seen).containsExactly("hidden", "a");
		assertThat(closed).isTrue();
	}

	@Test
	void streamableIsFiltered() {
		Object result = this.filter.apply(ReadMethod.STREAMABLE, Streamable.of(this.a, this.hidden, this.b));
		assertThat(result).isInstanceOf(Streamable.class);
		assertThat(titles(result)).containsExactly("a", "b");
	}

	@Test
	void pageContentIsFilteredAndItsTotalsStayTheQuerys() {
		Page<Ticket> lastPage = new PageImpl<>(List.of(this.hidden, this.b), PageRequest.of(2, 2), 6);
		Object result = this.filter.apply(ReadMethod.PAGE, lastPage);
		assertThat(result).isInstanceOfSatisfying(Page.class, (page) -> {
			assertThat(titles(page)).containsExactly("b");
			assertThat(page.getTotalElements()).isEqualTo(6);
			assertThat(page.getTotalPages()).isEqualTo(3);
			assertThat(page.getNumber()).isEqualTo(2);
			assertThat(page.isLast()).isTrue();
			assertThat(page.map((ticket) -> ticket).getTotalElements()).isEqualTo(6);
		});
		Page<Ticket> firstPage = new PageImpl<>(List.of(this.a, this.hidden), PageRequest.of(0, 2), 6);
		assertThat(this.filter.apply(ReadMethod.PAGE, firstPage)).isInstanceOfSatisfying(Page.class,
				(page) -> assertThat(page.hasNext()).isTrue());
	}

	@Test
	void sliceContentIsFilteredAndKeepsWhetherThereIsMore() {
		Slice<Ticket> slice = new SliceImpl<>(List.of(this.a, this.hidden), PageRequest.of(0, 2), true);
		assertThat(this.filter.apply(ReadMethod.SLICE, slice)).isInstanceOfSatisfying(Slice.class, (filtered) -> {
			assertThat(titles(filtered)).containsExactly("a");
			assertThat(filtered.hasNext()).isTrue();
			assertThat(filtered.getPageable()).isEqualTo(PageRequest.of(0, 2));
		});
	}

	@Test
	void windowKeepsTheScrollPositionOfEachKeptEntity() {
		Window<Ticket> window = Window.from(List.of(this.hidden, this.a, this.hidden, this.b),
				(index) -> ScrollPosition.offset(10 + index), true);
		assertThat(this.filter.apply(ReadMethod.WINDOW, window)).isInstanceOfSatisfying(Window.class, (filtered) -> {
			assertThat(titles(filtered)).containsExactly("a", "b");
			assertThat(filtered.positionAt(0)).isEqualTo(ScrollPosition.offset(11));
			assertThat(filtered.positionAt(1)).isEqualTo(ScrollPosition.offset(13));
			assertThat(filtered.hasNext()).isTrue();
		});
	}

	@Test
	void dynamicResultIsRecognisedFromItsShape() {
		assertThat(this.filter.apply(ReadMethod.DYNAMIC, this.hidden)).isNull();
		assertThat(titles(this.filter.apply(ReadMethod.DYNAMIC, List.of(this.a, this.hidden)))).containsExactly("a");
		assertThat(this.filter.apply(ReadMethod.DYNAMIC, new PageImpl<>(List.of(this.hidden), PageRequest.of(0, 1), 3)))
			.isInstanceOfSatisfying(Page.class, (page) -> assertThat(page.getTotalElements()).isEqualTo(3));
		assertThat(this.filter.apply(ReadMethod.DYNAMIC, 42L)).isEqualTo(42L);
	}

	@Test
	void valuesThatAreNotEntitiesAreNotShownToTheHooks() {
		Object result = this.filter.apply(ReadMethod.LIST, Arrays.asList("hidden", null, this.hidden, Map.of()));
		assertThat(result).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.containsExactly("hidden", null, Map.of());
		assertThat(this.seen).containsExactly("hidden");
	}

	private static List<String> titles(Object result) {
		List<String> titles = new ArrayList<>();
		((Iterable<?>) result).forEach((ticket) -> titles.add(((Ticket) ticket).title));
		return titles;
	}

	private PluginRuntime runtime() {
		PluginRegistry registry = PluginRegistry.builder(Map.of()).add(new Filter(), PluginSource.APPLICATION).build();
		return new PluginRuntime(registry, HookObserver.NONE, this.deferred);
	}

	private final class Filter implements AfterReadPlugin {

		@Override
		public String id() {
			return "filter";
		}

		@Override
		public void afterRead(AfterReadContext read) {
			Ticket ticket = read.entity(Ticket.class);
			ReadFilterTests.this.seen.add(ticket.title);
			if (ticket.title.equals("hidden")) {
				read.hide();
			}
			else if (ticket.title.equals("secret")) {
				read.setEntity(new Ticket(ticket.id, "***"));
			}
		}

	}

}

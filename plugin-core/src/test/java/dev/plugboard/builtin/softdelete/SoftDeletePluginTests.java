package dev.plugboard.builtin.softdelete;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.plugboard.NotFound;
import dev.plugboard.PluginConfigurationException;
import dev.plugboard.WriteOp;
import dev.plugboard.runtime.PluginFaultException;
import dev.plugboard.test.BeforeWriteResult;
import dev.plugboard.test.PluginHarness;
import dev.plugboard.test.RouteResult;
import dev.plugboard.test.TestRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The soft-delete plugin through {@link PluginHarness}: a delete becomes an update of the
 * deleted-at property, deleted rows are hidden, and the routes are guarded.
 */
class SoftDeletePluginTests {

	private static final Instant NOW = Instant.parse("2025-05-01T10:15:30.123456789Z");

	private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	private final SoftDeletePlugin plugin = new SoftDeletePlugin(
			new SoftDeleteConfig("deletedAt", Set.of(), null, "/soft-delete"), CLOCK);

	@Test
	void deleteBecomesAnUpdateOfTheStoredRowWithTheDeletionTime() {
		Note stored = new Note(1L, "stored text", null);

		BeforeWriteResult<Note> result = PluginHarness.of(this.plugin)
			.withPrevious(stored)
			.beforeWriteResult(WriteOp.DELETE, new Note(1L, "text the caller had", null));

		assertThat(result.op()).isEqualTo(WriteOp.UPDATE);
		assertThat(result.skipped()).isFalse();
		assertThat(result.entity())
			.isEqualTo(new Note(1L, "stored text", NOW.truncatedTo(java.time.temporal.ChronoUnit.MICROS)));
		assertThat(stored.deletedAt()).isNull();
	}

	@Test
	void deletingAnAlreadyDeletedOrMissingRowWritesNothing() {
		Note deleted = new Note(1L, "text", NOW);

		assertThat(PluginHarness.of(this.plugin)
			.withPrevious(deleted)
			.beforeWriteResult(WriteOp.DELETE, deleted)
			.skipped()).isTrue();
		assertThat(
				PluginHarness.of(this.plugin).beforeWriteResult(WriteOp.DELETE, new Note(2L, "gone", null)).skipped())
			.isTrue();
	}

	@Test
	void insertAndUpdateAndEntitiesWithoutTheFieldAreLeftAlone() {
		PluginHarness harness = PluginHarness.of(this.plugin).withPrevious(new Note(1L, "text", null));

		assertThat(harness.beforeWriteResult(WriteOp.UPDATE, new Note(1L, "edited", null)).op())
			.isEqualTo(WriteOp.UPDATE);
		Tag tag = new Tag(1L, "red");
		BeforeWriteResult<Tag> result = PluginHarness.of(this.plugin).beforeWriteResult(WriteOp.DELETE, tag);
		assertThat(result.op()).isEqualTo(WriteOp.DELETE);
		assertThat(result.skipped()).isFalse();
	}

	@Test
	void updateOfADeletedRowIsNotFoundAndAnUpdateCannotDelete() {
		assertThatExceptionOfType(NotFound.class)
			.isThrownBy(() -> PluginHarness.of(this.plugin)
				.withPrevious(new Note(1L, "text", NOW))
				.beforeWrite(WriteOp.UPDATE, new Note(1L, "edited", null)))
			.satisfies((rejection) -> {
				assertThat(rejection.plugin()).isEqualTo("soft-delete");
				assertThat(rejection.detail()).isEqualTo("No note with this id");
			});
		assertThat(PluginHarness.of(this.plugin)
			.withPrevious(new Note(1L, "text", null))
			.beforeWrite(WriteOp.UPDATE, new Note(1L, "edited", NOW))).isEqualTo(new Note(1L, "edited", null));
	}

	@Test
	void readsHideDeletedRows() {
		PluginHarness harness = PluginHarness.of(this.plugin);

		assertThat(harness.afterRead(new Note(1L, "live", null))).isNotNull();
		assertThat(harness.afterRead(new Note(2L, "deleted", NOW))).isNull();
		assertThat(harness.afterRead(new Tag(3L, "red"))).isNotNull();
	}

	@Test
	void onlyListedAggregatesAreSoftDeleted() {
		SoftDeletePlugin plugin = new SoftDeletePlugin(
				new SoftDeleteConfig("deletedAt", Set.of("memo"), null, "/soft-delete"), CLOCK);
		Note stored = new Note(1L, "text", null);

		assertThat(PluginHarness.of(plugin).withPrevious(stored).beforeWriteResult(WriteOp.DELETE, "note", stored).op())
			.isEqualTo(WriteOp.DELETE);
		assertThat(PluginHarness.of(plugin).withPrevious(stored).beforeWriteResult(WriteOp.DELETE, "memo", stored).op())
			.isEqualTo(WriteOp.UPDATE);
		assertThat(PluginHarness.of(plugin).afterRead("note", new Note(2L, "deleted", NOW))).isNotNull();
	}

	@Test
	void javaBeanIsCopiedSoTheStoredOneStaysAsItWas() {
		Draft stored = new Draft();
		stored.id = 4L;
		stored.title = "plan";

		BeforeWriteResult<Draft> result = PluginHarness.of(this.plugin)
			.withPrevious(stored)
			.beforeWriteResult(WriteOp.DELETE, stored);

		assertThat(result.entity()).isNotSameAs(stored);
		assertThat(result.entity().title).isEqualTo("plan");
		assertThat(result.entity().deletedAt).isEqualTo(LocalDateTime.of(2025, 5, 1, 10, 15, 30, 123456000));
		assertThat(stored.deletedAt).isNull();
	}

	@Test
	void offsetDateTimeIsInTheClocksZoneAndAnotherTypeIsAFault() {
		Event stored = new Event(1L, null);
		Event written = PluginHarness.of(this.plugin)
			.withPrevious(stored)
			.beforeWriteResult(WriteOp.DELETE, stored)
			.entity();
		assertThat(written.deletedAt()).isEqualTo(OffsetDateTime.of(2025, 5, 1, 10, 15, 30, 123456000, ZoneOffset.UTC));

		Legacy legacy = new Legacy(1L, null);
		assertThatExceptionOfType(PluginFaultException.class).isThrownBy(
				() -> PluginHarness.of(this.plugin).withPrevious(legacy).beforeWriteResult(WriteOp.DELETE, legacy));
	}

	@Test
	void routesAnswer401WithoutAPrincipalAnd403WithoutTheRole() {
		List<String> calls = new ArrayList<>();
		SoftDeletePlugin routed = SoftDeletePlugin.withRoutes(
				new SoftDeleteConfig("deletedAt", Set.of(), "ADMIN", "/soft-delete"), CLOCK, new RecordingStore(calls));
		PluginHarness harness = PluginHarness.of(routed);

		RouteResult anonymous = harness.route(TestRequest.post("/soft-delete/note/1/restore"));
		RouteResult user = harness.route(TestRequest.of("DELETE", "/soft-delete/note/1/purge").principal("ada"));

		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.rejection().plugin()).isEqualTo("soft-delete");
		assertThat(user.status()).isEqualTo(403);
		assertThat(user.rejection().code()).isEqualTo("forbidden");
		assertThat(calls).isEmpty();
	}

	@Test
	void routesNeedARoleAndAValidConfiguration() {
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(
					() -> SoftDeletePlugin.withRoutes(new SoftDeleteConfig("deletedAt", Set.of(), null, "/soft-delete"),
							CLOCK, new RecordingStore(new ArrayList<>())))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("role"));
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> new SoftDeleteConfig("deletedAt", Set.of(), null, "soft-delete/"))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("base-path"));
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> new SoftDeleteConfig("deleted-at", Set.of(), null, "/soft-delete"))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("field"));
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> this.plugin.verify("tag", Tag.class))
			.withMessageContaining("Tag has no property 'deletedAt'");
	}

	record Note(Long id, String text, @Nullable Instant deletedAt) {
	}

	record Tag(Long id, String name) {
	}

	record Event(Long id, @Nullable OffsetDateTime deletedAt) {
	}

	record Legacy(Long id, java.util.@Nullable Date deletedAt) {
	}

	static class Draft {

		@Nullable Long id;

		@Nullable String title;

		@Nullable LocalDateTime deletedAt;

	}

	private record RecordingStore(List<String> calls) implements SoftDeleteStore {

		@Override
		public boolean restore(String aggregate, String id) {
			this.calls.add("restore " + aggregate + " " + id);
			return true;
		}

		@Override
		public boolean purge(String aggregate, String id) {
			this.calls.add("purge " + aggregate + " " + id);
			return true;
		}

	}

}

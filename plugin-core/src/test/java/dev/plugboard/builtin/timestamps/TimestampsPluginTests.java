package dev.plugboard.builtin.timestamps;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.plugboard.PluginOrder;
import dev.plugboard.WriteOp;
import dev.plugboard.builtin.support.CountingLoads;
import dev.plugboard.builtin.timestamps.TimestampsConfig.Fields;
import dev.plugboard.runtime.PluginFaultException;
import dev.plugboard.test.PluginHarness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@link TimestampsPlugin} on records and JavaBeans, driven by the
 * {@link PluginHarness}.
 */
class TimestampsPluginTests {

	private static final Instant CREATED = Instant.parse("2025-03-01T09:00:00.123456Z");

	private static final Instant NOW = Instant.parse("2025-06-15T12:30:45.654321Z");

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private final PluginHarness harness = PluginHarness.of(new TimestampsPlugin(Clock.fixed(NOW, ZoneOffset.UTC)));

	@Test
	void pluginHasItsIdAndDataOrder() {
		TimestampsPlugin plugin = new TimestampsPlugin(Clock.systemUTC());
		assertThat(plugin.id()).isEqualTo("timestamps").isEqualTo(TimestampsPlugin.ID);
		assertThat(plugin.order()).isEqualTo(PluginOrder.DATA);
	}

	@Test
	void insertOfARecordSetsCreatedAndUpdatedToTheSameTime() {
		Article written = this.harness.beforeWrite(WriteOp.INSERT, new Article(null, "Hello", null, null));

		assertThat(written).isEqualTo(new Article(null, "Hello", NOW, NOW));
	}

	@Test
	void insertReplacesCreatedAndUpdatedTheEntityCarried() {
		Article written = this.harness.beforeWrite(WriteOp.INSERT, new Article(null, "Hello", CREATED, CREATED));

		assertThat(written.createdAt()).isEqualTo(NOW);
		assertThat(written.updatedAt()).isEqualTo(NOW);
	}

	@Test
	void insertOfAJavaBeanSetsOffsetTimesInTheClockZone() {
		PluginHarness harness = PluginHarness.of(new TimestampsPlugin(Clock.fixed(NOW, PARIS)));
		Ticket ticket = new Ticket("printer on fire");

		Ticket written = harness.beforeWrite(WriteOp.INSERT, ticket);

		assertThat(written).isSameAs(ticket);
		assertThat(ticket.getCreatedAt()).isEqualTo(OffsetDateTime.parse("2025-06-15T14:30:45.654321+02:00"));
		assertThat(ticket.getUpdatedAt()).isEqualTo(ticket.getCreatedAt());
	}

	@Test
	void localDateTimesAreTheClockZoneWallTime() {
		PluginHarness harness = PluginHarness.of(new TimestampsPlugin(Clock.fixed(NOW, PARIS)));

		Event written = harness.beforeWrite(WriteOp.INSERT, new Event(null, null));

		assertThat(written.createdAt()).isEqualTo(LocalDateTime.parse("2025-06-15T14:30:45.654321"));
	}

	@Test
	void timesAreTruncatedToMicrosecondsAsTheDatabaseStoresThem() {
		Instant nanos = Instant.parse("2025-06-15T12:30:45.123456789Z");
		PluginHarness harness = PluginHarness.of(new TimestampsPlugin(Clock.fixed(nanos, ZoneOffset.UTC)));

		Article written = harness.beforeWrite(WriteOp.INSERT, new Article(null, "Hello", null, null));

		assertThat(written.createdAt()).isEqualTo(Instant.parse("2025-06-15T12:30:45.123456Z"));
	}

	@Test
	void updateFromABodyWithoutCreatedKeepsTheStoredCreatedAndSetsUpdated() {
		Article stored = new Article(7L, "Hello", CREATED, CREATED);

		Article written = this.harness.withPrevious(stored)
			.beforeWrite(WriteOp.UPDATE, new Article(7L, "Hello again", null, null));

		assertThat(written).isEqualTo(new Article(7L, "Hello again", CREATED, NOW));
	}

	@Test
	void updateCarryingAnotherCreatedGetsTheStoredOneBack() {
		Article stored = new Article(7L, "Hello", CREATED, CREATED);
		Instant forged = Instant.parse("1999-01-01T00:00:00Z");

		Article written = this.harness.withPrevious(stored)
			.beforeWrite(WriteOp.UPDATE, new Article(7L, "Hello", forged, null));

		assertThat(written.createdAt()).isEqualTo(CREATED);
		assertThat(written.updatedAt()).isEqualTo(NOW);
	}

	@Test
	void updateOfAJavaBeanKeepsTheStoredCreated() {
		OffsetDateTime created = OffsetDateTime.parse("2025-03-01T10:00:00+01:00");
		Ticket stored = new Ticket("printer on fire");
		stored.setCreatedAt(created);
		Ticket edited = new Ticket("printer on fire, again");

		Ticket written = this.harness.withPrevious(stored).beforeWrite(WriteOp.UPDATE, edited);

		assertThat(written.getCreatedAt()).isEqualTo(created);
		assertThat(written.getUpdatedAt()).isEqualTo(OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC));
	}

	@Test
	void updateCarryingTheSameInstantAtAnotherOffsetKeepsIt() {
		OffsetDateTime created = OffsetDateTime.parse("2025-03-01T10:00:00+01:00");
		Ticket stored = new Ticket("printer on fire");
		stored.setCreatedAt(created);
		Ticket edited = new Ticket("printer on fire");
		OffsetDateTime sameInstant = created.withOffsetSameInstant(ZoneOffset.UTC);
		edited.setCreatedAt(sameInstant);

		this.harness.withPrevious(stored).beforeWrite(WriteOp.UPDATE, edited);

		assertThat(edited.getCreatedAt()).isSameAs(sameInstant);
	}

	@Test
	void updateOfARowThatIsNotStoredLeavesCreatedAlone() {
		Article written = this.harness.beforeWrite(WriteOp.UPDATE, new Article(7L, "Hello", null, null));

		assertThat(written.createdAt()).isNull();
		assertThat(written.updatedAt()).isEqualTo(NOW);
	}

	@Test
	void updateOfARowStoredWithoutCreatedKeepsTheEntitysCreated() {
		Article stored = new Article(7L, "Hello", null, null);

		Article written = this.harness.withPrevious(stored)
			.beforeWrite(WriteOp.UPDATE, new Article(7L, "Hello", CREATED, null));

		assertThat(written.createdAt()).isEqualTo(CREATED);
	}

	@Test
	void deleteIsLeftAlone() {
		Article article = new Article(7L, "Hello", CREATED, CREATED);

		assertThat(this.harness.beforeWrite(WriteOp.DELETE, article)).isSameAs(article);
	}

	@Test
	void entityWithoutTheFieldsIsLeftAloneWithoutFault() {
		Plain plain = new Plain(1L, "no times here");

		assertThat(this.harness.beforeWrite(WriteOp.INSERT, plain)).isSameAs(plain);
		assertThat(this.harness.beforeWrite(WriteOp.UPDATE, plain)).isSameAs(plain);
		assertThat(this.harness.faults()).isZero();
	}

	@Test
	void entityWithOnlyAnUpdatedFieldGetsItOnEveryWrite() {
		Touched written = this.harness.beforeWrite(WriteOp.UPDATE, new Touched(1L, null));

		assertThat(written.updatedAt()).isEqualTo(NOW);
	}

	@Test
	void unsupportedFieldTypeIsAFaultNamingTheEntityFieldAndType() {
		assertThatExceptionOfType(PluginFaultException.class)
			.isThrownBy(() -> this.harness.beforeWrite(WriteOp.INSERT, new Legacy(null, new Date())))
			.satisfies((fault) -> assertThat(fault.pluginId()).isEqualTo("timestamps"))
			.havingCause()
			.withMessageContaining("'createdAt'")
			.withMessageContaining(Legacy.class.getName())
			.withMessageContaining("aggregate 'legacy'")
			.withMessageContaining("java.util.Date");
	}

	@Test
	void aggregateCanNameItsOwnFields() {
		TimestampsConfig config = new TimestampsConfig("createdAt", "updatedAt",
				Map.of("shipment", new Fields("placedAt", null)), false);
		PluginHarness harness = PluginHarness.of(new TimestampsPlugin(config, Clock.fixed(NOW, ZoneOffset.UTC)));

		Shipment written = harness.beforeWrite(WriteOp.INSERT, new Shipment(null, null, null));

		assertThat(written.placedAt()).isEqualTo(NOW);
		assertThat(written.createdAt()).isNull();
		assertThat(written.updatedAt()).isEqualTo(NOW);
	}

	@Test
	void aggregateIsMatchedWithoutCaseUnderscoresOrHyphens() {
		TimestampsConfig config = new TimestampsConfig("createdAt", "updatedAt",
				Map.of("ordershipment", new Fields("placedAt", null)), false);
		PluginHarness harness = PluginHarness.of(new TimestampsPlugin(config, Clock.fixed(NOW, ZoneOffset.UTC)));

		Shipment written = harness.beforeWrite(WriteOp.INSERT, "order_shipment", new Shipment(null, null, null));

		assertThat(written.placedAt()).isEqualTo(NOW);
	}

	@Test
	void fieldNamedForAnAggregateButMissingIsAFault() {
		TimestampsConfig config = new TimestampsConfig("createdAt", "updatedAt",
				Map.of("article", new Fields("publishedAt", null)), false);
		PluginHarness harness = PluginHarness.of(new TimestampsPlugin(config, Clock.fixed(NOW, ZoneOffset.UTC)));

		assertThatExceptionOfType(PluginFaultException.class)
			.isThrownBy(() -> harness.beforeWrite(WriteOp.INSERT, new Article(null, "Hello", null, null)))
			.havingCause()
			.withMessageContaining("'publishedAt'")
			.withMessageContaining("aggregate 'article'")
			.withMessageContaining(Article.class.getName());
	}

	@Test
	void insertNeverLoadsTheStoredRow() {
		CountingLoads loads = new CountingLoads(new TimestampsPlugin(Clock.fixed(NOW, ZoneOffset.UTC)));

		loads.beforeWrite(WriteOp.INSERT, "article", new Article(null, "Hello", null, null), null);

		assertThat(loads.loads()).isZero();
	}

	@Test
	void updateOfAnEntityWithoutCreatedNeverLoadsTheStoredRow() {
		CountingLoads loads = new CountingLoads(new TimestampsPlugin(Clock.fixed(NOW, ZoneOffset.UTC)));

		loads.beforeWrite(WriteOp.UPDATE, "touched", new Touched(1L, null), new Touched(1L, CREATED));

		assertThat(loads.loads()).isZero();
	}

	@Test
	void updateLoadsTheStoredRowOnceByDefault() {
		CountingLoads loads = new CountingLoads(new TimestampsPlugin(Clock.fixed(NOW, ZoneOffset.UTC)));

		Article written = loads.beforeWrite(WriteOp.UPDATE, "article", new Article(7L, "Hello", CREATED, null),
				new Article(7L, "Hello", CREATED, CREATED));

		assertThat(loads.loads()).isOne();
		assertThat(written.createdAt()).isEqualTo(CREATED);
	}

	@Test
	void trustedIncomingCreatedIsKeptWithoutLoadingTheStoredRow() {
		TimestampsConfig config = new TimestampsConfig("createdAt", "updatedAt", Map.of(), true);
		CountingLoads loads = new CountingLoads(new TimestampsPlugin(config, Clock.fixed(NOW, ZoneOffset.UTC)));
		Instant incoming = Instant.parse("2024-01-01T00:00:00Z");

		Article written = loads.beforeWrite(WriteOp.UPDATE, "article", new Article(7L, "Hello", incoming, null),
				new Article(7L, "Hello", CREATED, CREATED));

		assertThat(loads.loads()).isZero();
		assertThat(written.createdAt()).isEqualTo(incoming);
	}

	@Test
	void trustedIncomingCreatedStillComesBackFromTheStoredRowWhenMissing() {
		TimestampsConfig config = new TimestampsConfig("createdAt", "updatedAt", Map.of(), true);
		CountingLoads loads = new CountingLoads(new TimestampsPlugin(config, Clock.fixed(NOW, ZoneOffset.UTC)));

		Article written = loads.beforeWrite(WriteOp.UPDATE, "article", new Article(7L, "Hello", null, null),
				new Article(7L, "Hello", CREATED, CREATED));

		assertThat(loads.loads()).isOne();
		assertThat(written.createdAt()).isEqualTo(CREATED);
	}

	record Article(@Nullable Long id, String title, @Nullable Instant createdAt, @Nullable Instant updatedAt) {
	}

	record Event(@Nullable LocalDateTime createdAt, @Nullable LocalDateTime updatedAt) {
	}

	record Plain(Long id, String text) {
	}

	record Touched(Long id, @Nullable Instant updatedAt) {
	}

	record Legacy(@Nullable Long id, @Nullable Date createdAt) {
	}

	record Shipment(@Nullable Instant placedAt, @Nullable Instant createdAt, @Nullable Instant updatedAt) {
	}

	static final class Ticket {

		private final String title;

		private @Nullable OffsetDateTime createdAt;

		private @Nullable OffsetDateTime updatedAt;

		Ticket(String title) {
			this.title = title;
		}

		String getTitle() {
			return this.title;
		}

		@Nullable OffsetDateTime getCreatedAt() {
			return this.createdAt;
		}

		void setCreatedAt(@Nullable OffsetDateTime createdAt) {
			this.createdAt = createdAt;
		}

		@Nullable OffsetDateTime getUpdatedAt() {
			return this.updatedAt;
		}

		void setUpdatedAt(@Nullable OffsetDateTime updatedAt) {
			this.updatedAt = updatedAt;
		}

	}

}

package dev.plugboard.runtime.outbox;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * When a failed delivery is tried again.
 */
class RetryScheduleTests {

	private final RetrySchedule exact = new RetrySchedule(Duration.ofSeconds(1), 2, Duration.ofSeconds(30), 8, 0);

	@Test
	void delaysGrowByTheMultiplierUntilTheCap() {
		assertThat(this.exact.delayAfter(1, 0.5)).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.exact.delayAfter(2, 0.5)).isEqualTo(Duration.ofSeconds(2));
		assertThat(this.exact.delayAfter(3, 0.5)).isEqualTo(Duration.ofSeconds(4));
		assertThat(this.exact.delayAfter(5, 0.5)).isEqualTo(Duration.ofSeconds(16));
		assertThat(this.exact.delayAfter(6, 0.5)).isEqualTo(Duration.ofSeconds(30));
		assertThat(this.exact.delayAfter(60, 0.5)).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void jitterSpreadsADelayEitherWayButNeverPastTheCap() {
		RetrySchedule jittered = new RetrySchedule(Duration.ofSeconds(10), 2, Duration.ofSeconds(15), 5, 0.2);
		assertThat(jittered.delayAfter(1, 0.0)).isEqualTo(Duration.ofSeconds(8));
		assertThat(jittered.delayAfter(1, 0.5)).isEqualTo(Duration.ofSeconds(10));
		assertThat(jittered.delayAfter(1, 0.999999)).isBetween(Duration.ofMillis(11999), Duration.ofSeconds(12));
		assertThat(jittered.delayAfter(2, 0.999999)).isEqualTo(Duration.ofSeconds(15));
		assertThat(jittered.delayAfter(2, 0.0)).isEqualTo(Duration.ofSeconds(12));
	}

	@Test
	void theLastAttemptExhaustsTheSchedule() {
		assertThat(this.exact.exhausted(7)).isFalse();
		assertThat(this.exact.exhausted(8)).isTrue();
		assertThat(new RetrySchedule(Duration.ZERO, 1, Duration.ZERO, 1, 0).exhausted(1)).isTrue();
	}

	@Test
	void nonsenseIsRefusedNamingTheSetting() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetrySchedule(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(1), 3, 0))
			.withMessageContaining("multiplier");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetrySchedule(Duration.ofSeconds(1), 2, Duration.ofSeconds(1), 3, 1.5))
			.withMessageContaining("jitter");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetrySchedule(Duration.ofSeconds(-1), 2, Duration.ofSeconds(1), 3, 0))
			.withMessageContaining("negative");
	}

}

package org.misinfodesk.notification.delivery;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BackoffTest {

	static final List<Duration> DEFAULT = List.of(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2),
			Duration.ofMinutes(10), Duration.ofMinutes(30));

	@Test
	void waitsTheConfiguredDelaysInOrderWhenThereIsNoJitter() {
		Backoff backoff = new Backoff(DEFAULT, 0, new Random(1));

		assertThat(List.of(1, 2, 3, 4, 5)).map(backoff::after)
			.containsExactly(Optional.of(Duration.ofSeconds(5)), Optional.of(Duration.ofSeconds(30)),
					Optional.of(Duration.ofMinutes(2)), Optional.of(Duration.ofMinutes(10)),
					Optional.of(Duration.ofMinutes(30)));
	}

	@Test
	void givesUpAfterTheLastWait() {
		Backoff backoff = new Backoff(DEFAULT, 0.2, new Random(1));

		assertThat(backoff.maxAttempts()).isEqualTo(6);
		assertThat(backoff.after(6)).isEmpty();
		assertThat(backoff.after(0)).isEmpty();
		assertThat(new Backoff(List.of(), 0, new Random(1)).after(1)).isEmpty();
	}

	@Test
	void jitterSpreadsEachWaitWithinItsBand() {
		Backoff backoff = new Backoff(DEFAULT, 0.2, new Random(42));
		Set<Duration> seen = new HashSet<>();

		for (int i = 0; i < 200; i++) {
			Duration wait = backoff.after(2).orElseThrow();
			assertThat(wait).isBetween(Duration.ofSeconds(24), Duration.ofSeconds(36));
			seen.add(wait);
		}

		assertThat(seen).hasSizeGreaterThan(50);
	}

	@Test
	void refusesAJitterThatCouldMakeAWaitNegative() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Backoff(DEFAULT, 1, new Random(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> new Backoff(DEFAULT, -0.1, new Random(1)));
	}

}

package org.misinfodesk.notification.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The waits between attempts of one delivery, each varied at random by the jitter.
 */
final class Backoff {

	private final List<Duration> delays;

	private final double jitter;

	private final RandomGenerator random;

	Backoff(List<Duration> delays, double jitter, RandomGenerator random) {
		if (jitter < 0 || jitter >= 1) {
			throw new IllegalArgumentException("Jitter is a fraction in [0, 1): " + jitter);
		}
		if (delays.stream().anyMatch(Duration::isNegative)) {
			throw new IllegalArgumentException("Negative wait in " + delays);
		}
		this.delays = List.copyOf(delays);
		this.jitter = jitter;
		this.random = random;
	}

	/** Attempts in all: the first and one after each wait. */
	int maxAttempts() {
		return this.delays.size() + 1;
	}

	/**
	 * @param failedAttempts how many attempts have failed so far, this one included
	 * @return how long to wait before the next attempt, or nothing when that was the last
	 */
	Optional<Duration> after(int failedAttempts) {
		if (failedAttempts < 1 || failedAttempts > this.delays.size()) {
			return Optional.empty();
		}
		long base = this.delays.get(failedAttempts - 1).toMillis();
		double factor = 1 + this.jitter * (2 * this.random.nextDouble() - 1);
		return Optional.of(Duration.ofMillis(Math.round(base * factor)));
	}

}

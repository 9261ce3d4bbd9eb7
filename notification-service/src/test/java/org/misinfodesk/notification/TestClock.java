package org.misinfodesk.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The service's clock in tests: the system clock, which a test can move for work it does on its
 * own thread. The rest of the shared service (dispatcher, relay, other tests' leftovers) keeps the
 * real time, so moving it by months upsets nothing else.
 */
@TestConfiguration(proxyBeanMethods = false)
class TestClock {

	@Bean
	ShiftableClock testClock() {
		return new ShiftableClock(Clock.systemUTC());
	}

	static final class ShiftableClock extends Clock {

		private final Clock system;

		private final ThreadLocal<Duration> shift = ThreadLocal.withInitial(() -> Duration.ZERO);

		ShiftableClock(Clock system) {
			this.system = system;
		}

		/** Runs {@code work} on this thread with the clock moved by {@code by} (negative: into the past). */
		<T> T shifted(Duration by, Supplier<T> work) {
			this.shift.set(by);
			try {
				return work.get();
			}
			finally {
				this.shift.remove();
			}
		}

		@Override
		public Instant instant() {
			return this.system.instant().plus(this.shift.get());
		}

		@Override
		public ZoneId getZone() {
			return this.system.getZone();
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return new ShiftableClock(this.system.withZone(zone));
		}

	}

}

package org.misinfodesk.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpenLoopTest {

	/** A clock that only moves when told to: waiting for a moment jumps to it. */
	static final class FakeTicker implements Ticker {

		long now;

		@Override
		public long nanoTime() {
			return this.now;
		}

		@Override
		public void parkUntil(long nanos) {
			this.now = Math.max(this.now, nanos);
		}

		@Override
		public void await(Object monitor, long nanos) {
			this.now += nanos;
		}

		void advance(Duration duration) {
			this.now += duration.toNanos();
		}

	}

	static Sender answeringAfter(FakeTicker ticker, Duration service, long stallAt, Duration stall) {
		return (sequence, done) -> {
			if (sequence == stallAt) {
				// the sender blocks: every request due meanwhile goes out late, as with a closed-loop tool
				ticker.advance(stall);
			}
			ticker.advance(service);
			done.succeeded();
		};
	}

	@Test
	void sendsRequestsOnAFixedScheduleWhateverTheAnswersTake() throws InterruptedException {
		FakeTicker ticker = new FakeTicker();
		List<Long> sentAt = new ArrayList<>();
		Sender sender = (sequence, done) -> {
			sentAt.add(ticker.nanoTime());
			done.succeeded();
		};

		StepResult result = new OpenLoop(ticker, () -> 0).run(100, Duration.ofSeconds(1), Duration.ofSeconds(1), sender);

		assertThat(result.offered()).isEqualTo(100);
		assertThat(result.succeeded()).isEqualTo(100);
		assertThat(sentAt.get(1) - sentAt.get(0)).isEqualTo(Duration.ofMillis(10).toNanos());
		assertThat(sentAt.get(99)).isEqualTo(Duration.ofMillis(990).toNanos());
	}

	@Test
	void aStallCountsForEveryRequestThatWasDueDuringIt() throws InterruptedException {
		FakeTicker ticker = new FakeTicker();

		StepResult result = new OpenLoop(ticker, () -> 0).run(100, Duration.ofSeconds(10), Duration.ofSeconds(1),
				answeringAfter(ticker, Duration.ofMillis(1), 100, Duration.ofSeconds(1)));

		// 1,000 requests, 1 ms each, but the one sent at 1 s blocked the sender for a second: the ~100 due
		// meanwhile waited from 1 s down to 0, so 10 % of the requests took more than 1 ms.
		assertThat(result.offered()).isEqualTo(1000);
		assertThat(result.millis(50)).isLessThan(2);
		assertThat(result.millis(95)).isGreaterThan(400);
		assertThat(result.millis(99)).isGreaterThan(850);
		assertThat(result.millis(100)).isGreaterThanOrEqualTo(1000);
		// measured from the actual send, the stall shows as one slow request only
		assertThat(result.serviceMillis(99)).isLessThan(2);
	}

	@Test
	void aRequestNeverAnsweredCountsAsATimeout() throws InterruptedException {
		FakeTicker ticker = new FakeTicker();
		Sender sender = (sequence, done) -> {
			ticker.advance(Duration.ofMillis(1));
			if (sequence % 10 != 0) {
				done.succeeded();
			}
		};

		StepResult result = new OpenLoop(ticker, () -> 0).run(50, Duration.ofSeconds(1), Duration.ofMillis(1), sender);

		assertThat(result.succeeded()).isEqualTo(45);
		assertThat(result.errors()).containsEntry("timeout", 5);
		assertThat(result.held(100)).isFalse();
	}

	@Test
	void failuresAreCountedByReasonAndAnAnswerAfterAFailureIsIgnored() throws InterruptedException {
		FakeTicker ticker = new FakeTicker();
		Sender sender = (sequence, done) -> {
			if (sequence < 3) {
				done.failed("HTTP 503");
				done.succeeded();
			}
			else {
				done.succeeded();
			}
		};

		StepResult result = new OpenLoop(ticker, () -> 0).run(10, Duration.ofSeconds(1), Duration.ofSeconds(1), sender);

		assertThat(result.errors()).containsExactlyEntriesOf(java.util.Map.of("HTTP 503", 3));
		assertThat(result.succeeded()).isEqualTo(7);
		assertThat(result.latency().getTotalCount()).isEqualTo(7);
	}

	@Test
	void theGeneratorsCpuDuringTheStepIsReported() throws InterruptedException {
		FakeTicker ticker = new FakeTicker();
		double[] cpu = { 5.0 };
		Sender sender = (sequence, done) -> {
			cpu[0] += 0.01;
			done.succeeded();
		};

		StepResult result = new OpenLoop(ticker, () -> cpu[0]).run(10, Duration.ofSeconds(1), Duration.ofSeconds(1),
				sender);

		assertThat(result.generatorCpu()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-9));
	}

}

package org.misinfodesk.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SteppingTest {

	@Test
	void stepsUpUntilTheFirstStepWhoseP99PassesTheLimitAndReportsTheHighestHeld() throws InterruptedException {
		OpenLoopTest.FakeTicker ticker = new OpenLoopTest.FakeTicker();
		// answers take 1 ms up to 40 requests a second, 150 ms beyond
		int[] rate = new int[1];
		Sender sender = (sequence, done) -> {
			ticker.advance(Duration.ofMillis((rate[0] <= 40) ? 1 : 150));
			done.succeeded();
		};
		List<Integer> before = new ArrayList<>();
		Stepping stepping = new Stepping(List.of(10, 20, 40, 80, 160), Duration.ofSeconds(1), Duration.ZERO, 100, 100);
		List<Integer> rates = List.of(10, 20, 40, 80, 160);

		List<StepResult> results = stepping.run(new OpenLoop(ticker, () -> 0), sender,
				() -> {
					rate[0] = rates.get(before.size());
					before.add(rate[0]);
				}, (step) -> {
				});

		assertThat(results).extracting(StepResult::rate).containsExactly(10, 20, 40, 80);
		assertThat(Stepping.highestHeld(results, 100)).map(StepResult::rate).contains(40);
	}

	@Test
	void keepsSteppingPastTheHeldLimitUntilTheStopLimitToDrawTheCurve() throws InterruptedException {
		OpenLoopTest.FakeTicker ticker = new OpenLoopTest.FakeTicker();
		int[] rate = new int[1];
		// 150 ms up to 4/s: no step holds 100 ms, but none passes 1 s either until 8/s
		Sender sender = (sequence, done) -> {
			ticker.advance(Duration.ofMillis((rate[0] < 8) ? 150 : 1500));
			done.succeeded();
		};
		List<Integer> rates = List.of(1, 2, 4, 8, 16);
		int[] step = new int[1];

		List<StepResult> results = new Stepping(rates, Duration.ofSeconds(1), Duration.ZERO, 100, 1000)
			.run(new OpenLoop(ticker, () -> 0), sender, () -> rate[0] = rates.get(step[0]++), (s) -> {
			});

		assertThat(results).extracting(StepResult::rate).containsExactly(1, 2, 4, 8);
		assertThat(Stepping.highestHeld(results, 100)).isEmpty();
	}

	@Test
	void noStepHeldWhenTheFirstAlreadyFails() throws InterruptedException {
		OpenLoopTest.FakeTicker ticker = new OpenLoopTest.FakeTicker();
		Sender failing = (sequence, done) -> done.failed("HTTP 500");

		List<StepResult> results = new Stepping(List.of(10, 20), Duration.ofSeconds(1), Duration.ZERO, 100, 1000)
			.run(new OpenLoop(ticker, () -> 0), failing, () -> {
			}, (step) -> {
			});

		assertThat(results).hasSize(1);
		assertThat(Stepping.highestHeld(results, 100)).isEmpty();
	}

}

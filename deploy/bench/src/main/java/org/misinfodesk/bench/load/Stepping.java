package org.misinfodesk.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Steps the offered rate up until requests fail or the p99 passes {@code stopMillis}, so the last step run
 * is the first one that broke; a step <em>holds</em> its rate when its p99 stays within
 * {@code p99LimitMillis} without errors. Stopping later than the first step that does not hold (on a
 * shared machine even the lowest step may not) draws each system's curve up to where it breaks.
 *
 * @param rates the rates to offer, lowest first
 * @param step how long each rate is offered
 * @param pause a rest between steps, for queues behind the system under test to drain
 * @param p99LimitMillis the latency a step must hold at its 99th percentile
 * @param stopMillis the p99 past which no higher rate is tried
 */
public record Stepping(List<Integer> rates, Duration step, Duration pause, double p99LimitMillis,
		double stopMillis) {

	public List<StepResult> run(OpenLoop loop, Sender sender, Runnable before, Consumer<StepResult> after)
			throws InterruptedException {
		List<StepResult> results = new ArrayList<>();
		for (int rate : this.rates) {
			before.run();
			StepResult result = loop.run(rate, this.step, Duration.ofSeconds(15), sender);
			results.add(result);
			after.accept(result);
			if (!result.held(Math.max(this.p99LimitMillis, this.stopMillis))) {
				break;
			}
			java.util.concurrent.TimeUnit.MILLISECONDS.sleep(this.pause.toMillis());
		}
		return results;
	}

	/** The highest rate of the steps that held, if any did. */
	public static Optional<StepResult> highestHeld(List<StepResult> results, double p99LimitMillis) {
		return results.stream().filter((r) -> r.held(p99LimitMillis)).reduce((a, b) -> (b.rate() > a.rate()) ? b : a);
	}

}

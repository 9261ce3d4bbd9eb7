package org.misinfodesk.bench.load;

import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * What one step of constant offered load saw.
 *
 * @param rate the offered rate, requests per second
 * @param latency microseconds from each request's intended send time to its answer (coordinated omission
 * corrected: a late send counts its lateness)
 * @param service microseconds from each request's actual send to its answer (what a closed-loop tool sees)
 * @param errors failed requests by reason (status code, exception, timeout)
 * @param generatorCpu CPU seconds the load generator's process used during the step
 * @param seconds how long the step took, from the first intended send to the last answer
 */
public record StepResult(int rate, int offered, int succeeded, Histogram latency, Histogram service,
		Map<String, Integer> errors, double generatorCpu, double seconds) {

	public int failed() {
		return this.errors.values().stream().mapToInt(Integer::intValue).sum();
	}

	/** Latency percentile from the intended send time, in milliseconds. */
	public double millis(double percentile) {
		return (this.latency.getTotalCount() == 0) ? Double.NaN
				: this.latency.getValueAtPercentile(percentile) / 1000.0;
	}

	public double serviceMillis(double percentile) {
		return (this.service.getTotalCount() == 0) ? Double.NaN
				: this.service.getValueAtPercentile(percentile) / 1000.0;
	}

	/** Answers per second over the step. */
	public double throughput() {
		return (this.seconds > 0) ? this.succeeded / this.seconds : 0;
	}

	/** Whether the step held its rate: every request answered in time and none failed. */
	public boolean held(double p99LimitMillis) {
		return failed() == 0 && this.succeeded == this.offered && millis(99) <= p99LimitMillis;
	}

}

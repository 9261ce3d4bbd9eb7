package org.misinfodesk.bench.load;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;

import org.HdrHistogram.Histogram;

/**
 * Offers requests at a constant rate on a fixed schedule: request {@code i} is due at
 * {@code start + i / rate}, whatever happened to the ones before it. A request sent late (because the
 * sending thread stalled, or the system under test pushed back) counts the time from when it was due, so
 * a stall shows in the percentiles as the users waiting behind it would have felt it (coordinated
 * omission corrected). The time from the actual send is kept beside it for comparison.
 */
public final class OpenLoop {

	private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(2);

	private final Ticker ticker;

	private final DoubleSupplier cpuSeconds;

	public OpenLoop(Ticker ticker, DoubleSupplier cpuSeconds) {
		this.ticker = ticker;
		this.cpuSeconds = cpuSeconds;
	}

	/**
	 * Offers {@code rate} requests per second for {@code duration}, then waits up to {@code answerTimeout}
	 * for the last answers; a request not answered by then counts as failed ({@code timeout}).
	 */
	public StepResult run(int rate, Duration duration, Duration answerTimeout, Sender sender)
			throws InterruptedException {
		int count = (int) Math.max(1, Math.round(rate * duration.toNanos() / 1e9));
		double periodNanos = 1e9 / rate;
		Histogram latency = new Histogram(HIGHEST_MICROS, 3);
		Histogram service = new Histogram(HIGHEST_MICROS, 3);
		Map<String, Integer> errors = new TreeMap<>();
		int[] answered = new int[2];
		double cpuBefore = this.cpuSeconds.getAsDouble();
		long start = this.ticker.nanoTime();
		for (int i = 0; i < count; i++) {
			long intended = start + (long) (i * periodNanos);
			this.ticker.parkUntil(intended);
			long sent = this.ticker.nanoTime();
			AtomicBoolean once = new AtomicBoolean();
			sender.send(i, new Sender.Done() {

				@Override
				public void succeeded() {
					if (once.compareAndSet(false, true)) {
						long now = OpenLoop.this.ticker.nanoTime();
						synchronized (latency) {
							latency.recordValue(micros(now - intended));
							service.recordValue(micros(now - sent));
							answered[0]++;
							latency.notifyAll();
						}
					}
				}

				@Override
				public void failed(String reason) {
					if (once.compareAndSet(false, true)) {
						synchronized (latency) {
							errors.merge(reason, 1, Integer::sum);
							answered[1]++;
							latency.notifyAll();
						}
					}
				}

			});
		}
		long deadline = this.ticker.nanoTime() + answerTimeout.toNanos();
		synchronized (latency) {
			while (answered[0] + answered[1] < count) {
				long left = deadline - this.ticker.nanoTime();
				if (left <= 0) {
					errors.merge("timeout", count - answered[0] - answered[1], Integer::sum);
					break;
				}
				this.ticker.await(latency, left);
			}
			double seconds = (this.ticker.nanoTime() - start) / 1e9;
			return new StepResult(rate, count, answered[0], latency.copy(), service.copy(), Map.copyOf(errors),
					this.cpuSeconds.getAsDouble() - cpuBefore, seconds);
		}
	}

	private static long micros(long nanos) {
		return Math.min(HIGHEST_MICROS, Math.max(0, nanos / 1000));
	}

}

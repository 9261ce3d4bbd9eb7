package org.misinfodesk.platform.polling;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * For a poller that mostly works on what it is told of (documents named by their writers) and now
 * and then sweeps everything, because a crash, an outage or another instance can leave work that
 * nobody names: a sweep is due at the first round, when someone asked for one, and once the
 * interval has passed since the last.
 */
public final class SweepSchedule {

	private final Duration interval;

	private final AtomicBoolean asked = new AtomicBoolean(true);

	private volatile long last;

	public SweepSchedule(Duration interval) {
		this.interval = interval;
	}

	/** The next round sweeps. */
	public void ask() {
		this.asked.set(true);
	}

	/** Whether this round sweeps; if so, the interval starts again now. */
	public boolean due() {
		long now = System.nanoTime();
		boolean due = this.asked.getAndSet(false) || now - this.last >= this.interval.toNanos();
		if (due) {
			this.last = now;
		}
		return due;
	}

}

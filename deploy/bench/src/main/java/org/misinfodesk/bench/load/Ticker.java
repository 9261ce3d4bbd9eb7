package org.misinfodesk.bench.load;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** The time source of a load run, and a way to wait for a moment of it. */
public interface Ticker {

	long nanoTime();

	/** Returns at {@code nanos} or later (at once if it already passed). */
	void parkUntil(long nanos) throws InterruptedException;

	/** Waits on {@code monitor} (whose lock the caller holds) until notified or {@code nanos} have passed. */
	void await(Object monitor, long nanos) throws InterruptedException;

	/** The machine's monotonic clock. */
	Ticker SYSTEM = new Ticker() {

		@Override
		public long nanoTime() {
			return System.nanoTime();
		}

		@Override
		public void parkUntil(long nanos) throws InterruptedException {
			long left;
			while ((left = nanos - System.nanoTime()) > 0) {
				LockSupport.parkNanos(left);
				if (Thread.interrupted()) {
					throw new InterruptedException();
				}
			}
		}

		@Override
		public void await(Object monitor, long nanos) throws InterruptedException {
			TimeUnit.NANOSECONDS.timedWait(monitor, nanos);
		}

	};

}

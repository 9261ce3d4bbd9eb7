package org.misinfodesk.bench.load;

/**
 * Sends request number {@code sequence} without waiting for its answer, and calls {@code done} exactly once
 * when the answer came (or the request failed).
 */
@FunctionalInterface
public interface Sender {

	void send(long sequence, Done done);

	/** How a request ended. */
	interface Done {

		void succeeded();

		void failed(String reason);

	}

}

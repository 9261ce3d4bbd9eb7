package org.misinfodesk.bench.queue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.HdrHistogram.Histogram;

/**
 * One staff user reading one page again and again, one request at a time (as a supervisor's browser does),
 * timing each from the request to the last byte of the answer.
 */
public final class TimedReads {

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	/** What the reads saw: latencies in microseconds, and the size of the last answer. */
	public record Reads(String url, Histogram micros, int failures, int bytes) {

		public double millis(double percentile) {
			return (this.micros.getTotalCount() == 0) ? Double.NaN
					: this.micros.getValueAtPercentile(percentile) / 1000.0;
		}

	}

	/**
	 * Reads {@code warmUp} times untimed, then up to {@code times} timed, stopping early (after at least ten)
	 * once {@code budget} has passed, so that a slow page costs the run a bounded time.
	 */
	public Reads read(String url, String user, int warmUp, int times, Duration budget)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(60))
			.header("Accept", "application/json")
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
			.GET()
			.build();
		Histogram micros = new Histogram(Duration.ofMinutes(2).toNanos() / 1000, 3);
		int failures = 0;
		int bytes = 0;
		long stopAt = System.nanoTime() + budget.toNanos();
		for (int i = 0; i < warmUp + times; i++) {
			if (i >= warmUp + 10 && System.nanoTime() > stopAt) {
				break;
			}
			long start = System.nanoTime();
			HttpResponse<byte[]> response = this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			long took = (System.nanoTime() - start) / 1000;
			if (response.statusCode() != 200) {
				failures++;
				continue;
			}
			bytes = response.body().length;
			if (i >= warmUp) {
				micros.recordValue(Math.min(took, micros.getHighestTrackableValue()));
			}
		}
		return new Reads(url, micros, failures, bytes);
	}

}

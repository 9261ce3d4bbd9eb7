package org.misinfodesk.platform.polling;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RoundsTest {

	private final Rounds rounds = new Rounds("rounds-test");

	@AfterEach
	void stop() {
		this.rounds.stop();
	}

	@Test
	void aWakerHandsOverTheRoundAndNeverRunsItOnItsOwnThread() throws Exception {
		Set<String> roundThreads = ConcurrentHashMap.newKeySet();
		AtomicInteger ran = new AtomicInteger();
		this.rounds.start(Duration.ofHours(1), () -> Mono.fromRunnable(() -> {
			roundThreads.add(Thread.currentThread().getName());
			ran.incrementAndGet();
		}), (ex) -> {
		});
		await().atMost(Duration.ofSeconds(10)).until(() -> ran.get() == 1);

		for (int i = 0; i < 20; i++) {
			int before = ran.get();
			this.rounds.wake();
			await().atMost(Duration.ofSeconds(10)).until(() -> ran.get() > before);
		}

		assertThat(roundThreads).allSatisfy((name) -> assertThat(name).startsWith("rounds-test"));
	}

	@Test
	void manyThreadsWakingAtOnceNeverFailAndEachWakeUpIsFollowedByARound() throws Exception {
		AtomicInteger ran = new AtomicInteger();
		AtomicInteger wokenSinceRound = new AtomicInteger();
		this.rounds.start(Duration.ofHours(1), () -> Mono.fromRunnable(() -> {
			wokenSinceRound.set(0);
			ran.incrementAndGet();
		}).delayElement(Duration.ofMillis(1), this.rounds.scheduler()).then(), (ex) -> {
		});
		int threads = 8;
		CyclicBarrier together = new CyclicBarrier(threads);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<Object>> wakers = pool.invokeAll(java.util.Collections.nCopies(threads, () -> {
				together.await(10, TimeUnit.SECONDS);
				for (int i = 0; i < 2_000; i++) {
					wokenSinceRound.incrementAndGet();
					this.rounds.wake();
				}
				return null;
			}));
			for (Future<Object> waker : wakers) {
				waker.get(30, TimeUnit.SECONDS); // throws if a wake-up failed
			}
		}
		finally {
			pool.shutdownNow();
		}

		await().atMost(Duration.ofSeconds(10)).until(() -> wokenSinceRound.get() == 0);
		assertThat(ran.get()).as("wake-ups coalesce into far fewer rounds").isBetween(2, threads * 2_000);
	}

	@Test
	void aFailedRoundIsReportedAndTheNextOneRuns() {
		AtomicInteger ran = new AtomicInteger();
		CountDownLatch reported = new CountDownLatch(1);
		this.rounds.start(Duration.ofHours(1),
				() -> (ran.incrementAndGet() == 1) ? Mono.error(new IllegalStateException("store down")) : Mono.empty(),
				(ex) -> reported.countDown());
		await().atMost(Duration.ofSeconds(10)).until(() -> reported.getCount() == 0);

		this.rounds.wake();

		await().atMost(Duration.ofSeconds(10)).until(() -> ran.get() == 2);
	}

}

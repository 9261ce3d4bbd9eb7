package org.misinfodesk.local;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GroupCommitTest {

	@Test
	void everyWriterReturnsOnlyAfterACommitThatStartedAfterItsWrite() throws Exception {
		AtomicInteger commits = new AtomicInteger();
		AtomicInteger committedWrites = new AtomicInteger();
		AtomicInteger finishedWrites = new AtomicInteger();
		GroupCommit groupCommit = new GroupCommit(() -> {
			committedWrites.set(finishedWrites.get());
			commits.incrementAndGet();
		});
		int writers = 8;
		int writesEach = 200;
		AtomicInteger violations = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		for (int w = 0; w < writers; w++) {
			pool.submit(() -> {
				for (int i = 0; i < writesEach; i++) {
					int mine = finishedWrites.incrementAndGet();
					groupCommit.awaitDurable();
					if (committedWrites.get() < mine) {
						violations.incrementAndGet();
					}
				}
			});
		}
		pool.shutdown();
		assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

		assertThat(violations).hasValue(0);
		assertThat(commits.get()).isBetween(1, writers * writesEach);
	}

}

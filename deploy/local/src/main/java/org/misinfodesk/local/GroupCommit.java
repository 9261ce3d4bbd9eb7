package org.misinfodesk.local;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes writes durable before they are acknowledged without paying one disk commit per write: a
 * writer that finds no commit running starts one covering every write finished so far; writers
 * that arrive meanwhile wait for the next one, which then covers them all together.
 */
final class GroupCommit {

	private final Runnable commit;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition committed = this.lock.newCondition();

	private long written;

	private long durable;

	private boolean committing;

	GroupCommit(Runnable commit) {
		this.commit = commit;
	}

	/** Called after a write finished in memory; returns once a commit has covered it. */
	void awaitDurable() {
		this.lock.lock();
		try {
			long mine = ++this.written;
			while (this.durable < mine) {
				if (this.committing) {
					this.committed.awaitUninterruptibly();
					continue;
				}
				this.committing = true;
				long covered = this.written;
				this.lock.unlock();
				try {
					this.commit.run();
				}
				finally {
					this.lock.lock();
					this.committing = false;
					this.committed.signalAll();
				}
				this.durable = Math.max(this.durable, covered);
			}
		}
		finally {
			this.lock.unlock();
		}
	}

}

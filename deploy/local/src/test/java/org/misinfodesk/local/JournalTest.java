package org.misinfodesk.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journal keeps every change it has written through a crash of the store (simulated by closing
 * the store without committing it), whatever the store's last commit holds.
 */
class JournalTest {

	private static final String REPORTS = "databases.report.reports";

	private static final String TRACKING_CODES = "report.reports._index_trackingCode_1";

	@TempDir
	Path data;

	private final List<MVStore> stores = new ArrayList<>();

	@AfterEach
	void closeStores() {
		this.stores.stream().filter((store) -> !store.isClosed()).forEach(MVStore::closeImmediately);
	}

	@Test
	void changesWrittenToTheJournalSurviveACrashBeforeTheStoreCommits() throws IOException {
		Journal first = open();
		MVMap<Object, Object> reports = first.data(REPORTS);
		for (int i = 0; i < 100; i++) {
			reports.put("r-" + i, report(i, "RECEIVED"));
		}
		reports.put("r-5", report(5, "CLOSED"));
		reports.remove("r-7");
		first.awaitWritten();
		crash(first);

		Journal second = open();
		MVMap<Object, Object> after = second.data(REPORTS);
		assertThat(second.replayed()).isEqualTo(102);
		assertThat(after).hasSize(99).doesNotContainKey("r-7");
		assertThat((Document) after.get("r-5")).containsEntry("status", "CLOSED");
		assertThat((Document) after.get("r-6")).containsEntry("status", "RECEIVED");
	}

	@Test
	void aMapCreatedAfterTheLastCommitIsCreatedAgainWithItsTypes() throws IOException {
		Journal first = open();
		first.data(TRACKING_CODES).put(new KeyValue("MD-1"), "r-1");
		first.data(REPORTS).put("r-1", report(1, "RECEIVED"));
		first.awaitWritten();
		crash(first);

		Journal second = open();
		assertThat(second.data(TRACKING_CODES)).containsOnlyKeys(List.of(new KeyValue("MD-1"))).containsValue("r-1");
		assertThat(second.data(REPORTS).get("r-1")).isInstanceOf(Document.class);
	}

	@Test
	void aCheckpointCommitsTheStoreAndDeletesTheFilesItCovers() throws IOException {
		Journal first = open();
		MVMap<Object, Object> reports = first.data(REPORTS);
		reports.put("r-1", report(1, "RECEIVED"));
		reports.put("r-2", report(2, "RECEIVED"));
		first.awaitWritten();
		List<Path> before = journalFiles();

		first.checkpoint();

		assertThat(journalFiles()).hasSize(1).doesNotContainAnyElementsOf(before);
		reports.put("r-1", report(1, "CLOSED"));
		reports.remove("r-2");
		first.awaitWritten();
		crash(first);

		Journal second = open();
		assertThat(second.replayed()).isEqualTo(2);
		assertThat(second.data(REPORTS)).containsOnlyKeys("r-1");
		assertThat((Document) second.data(REPORTS).get("r-1")).containsEntry("status", "CLOSED");
	}

	@Test
	void aFileEndsAtItsFirstIncompleteRecord() throws IOException {
		Journal first = open();
		first.data(REPORTS).put("r-1", report(1, "RECEIVED"));
		first.data(REPORTS).put("r-2", report(2, "RECEIVED"));
		first.awaitWritten();
		crash(first);
		// the crash came while a record was being written: its header says more than the file holds
		Path last = journalFiles().get(journalFiles().size() - 1);
		Files.write(last, ByteBuffer.allocate(12).putInt(500).putInt(7).putInt(1).array(), StandardOpenOption.APPEND);

		Journal second = open();
		assertThat(second.replayed()).isEqualTo(2);
		assertThat(second.data(REPORTS)).containsOnlyKeys("r-1", "r-2");
	}

	@Test
	void everyWriteAcknowledgedWhileCheckpointsAndCompactionsRunIsKept() throws Exception {
		// with a 1 KB write buffer, H2 makes nearly every write commit the store itself
		Journal first = open(new MVStore.Builder().autoCommitBufferSize(1));
		first.checkpointEvery(3);
		MVMap<Object, Object> reports = first.data(REPORTS);
		int writers = 4;
		int each = 400;
		ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
		AtomicBoolean writing = new AtomicBoolean(true);
		// the store's compaction writes pages back through the maps while holding the store's lock,
		// which a writer committing waits for: it must neither be recorded nor wait for the writer
		Future<?> compacting = pool.submit(() -> {
			while (writing.get()) {
				first.store().compact(100, 1 << 20);
			}
		});
		List<Future<?>> done = new ArrayList<>();
		for (int w = 0; w < writers; w++) {
			String writer = "w" + w;
			done.add(pool.submit(() -> {
				for (int i = 0; i < each; i++) {
					reports.put(writer + "-" + i, report(i, "RECEIVED"));
					reports.put(writer, report(i, "COUNTED"));
					if (i % 2 == 1) {
						reports.remove(writer + "-" + (i - 1));
					}
					first.awaitWritten();
				}
			}));
		}
		for (Future<?> writer : done) {
			writer.get(30, TimeUnit.SECONDS);
		}
		writing.set(false);
		compacting.get(30, TimeUnit.SECONDS);
		pool.shutdown();
		crash(first);

		MVMap<Object, Object> after = open().data(REPORTS);
		assertThat(after).hasSize(writers + writers * each / 2);
		for (int w = 0; w < writers; w++) {
			assertThat((Document) after.get("w" + w)).containsEntry("n", each - 1);
			assertThat(after).containsKey("w" + w + "-" + (each - 1)).doesNotContainKey("w" + w + "-" + (each - 2));
		}
	}

	private Journal open() throws IOException {
		Path file = this.data.resolve("store.mv");
		MVStore store = StoreFile.open(file, 16);
		this.stores.add(store);
		return Journal.open(store, StoreFile.journalDirectory(file));
	}

	private Journal open(MVStore.Builder builder) throws IOException {
		Path file = this.data.resolve("store.mv");
		MVStore store = builder.fileName(file.toString()).open();
		StoreFile.markFormat(store);
		this.stores.add(store);
		return Journal.open(store, StoreFile.journalDirectory(file));
	}

	/** The store stops without committing what the journal holds. */
	private static void crash(Journal journal) {
		journal.stopCheckpoints();
		journal.store().closeImmediately();
	}

	private List<Path> journalFiles() throws IOException {
		try (Stream<Path> files = Files.list(StoreFile.journalDirectory(this.data.resolve("store.mv")))) {
			return files.sorted().toList();
		}
	}

	private static Document report(int n, String status) {
		return new Document("n", n).append("status", status).append("text", "Tin đồn số " + n);
	}

}

package org.misinfodesk.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.DataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's redo journal, which makes a write durable without committing the store for it.
 * <p>
 * A commit of H2's store re-encodes every page a write touched, and with one commit per group of
 * writes that was most of the store's work: a page of a few documents was encoded again for each
 * write to any of them. Here each change to a {@link JournaledMap} (a key and what the map holds
 * for it afterwards) is appended to a journal file, and a write is acknowledged once its changes
 * are handed to the operating system, as a commit's were. A checkpoint about once a second commits
 * the store, so that a page is encoded at most once a second, and deletes the journal files the
 * commit covers.
 * <p>
 * Checkpoint {@code n} starts file {@code n + 1}, so every change in files up to {@code n} was made
 * in the maps before the commit that follows; that commit also records {@code n} as applied. After
 * a crash the store opens at its last commit and the changes of the later files are made again, in
 * order. A commit may already hold some of them: making one again puts the same value or removes
 * the same key, so the maps end as they were when the last change was written. A file ends at its
 * first incomplete record (the crash came while writing it, so it was never acknowledged).
 */
final class Journal implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Journal.class);

	/** The store's own map recording the last journal file a commit covers. */
	static final String APPLIED_MAP = "misinfodesk.journal";

	private static final String APPLIED = "applied";

	private static final String SUFFIX = ".journal";

	private static final byte PUT = 1;

	private static final byte REMOVE = 2;

	private static final byte CLEAR = 3;

	/** Length and checksum before each record. */
	private static final int HEADER = 8;

	private static final ThreadLocal<WriteBuffer> SCRATCH = ThreadLocal.withInitial(() -> new WriteBuffer(4096));

	private final MVStore store;

	private final Path directory;

	private final MVMap<String, Long> applied;

	private final GroupCommit writes = new GroupCommit(this::writePending);

	/** Guards the current file: writing records out, and starting the next file. */
	private final ReentrantLock fileLock = new ReentrantLock();

	/** Guards the records made but not yet written, and the counts of records. */
	private final Object recordLock = new Object();

	private WriteBuffer pending = new WriteBuffer(1 << 16);

	private WriteBuffer spare = new WriteBuffer(1 << 16);

	private long pendingRecords;

	/** Records of the current file, written or pending. */
	private long recordsInFile;

	private long fileNumber;

	private FileChannel file;

	private volatile boolean recording;

	private ScheduledExecutorService checkpoints;

	private long replayed;

	private Journal(MVStore store, Path directory) {
		this.store = store;
		this.directory = directory;
		this.applied = store.openMap(APPLIED_MAP);
	}

	/**
	 * Opens the journal of a store, in the given directory: makes again the changes of every file
	 * the store's last commit does not cover, commits them, and starts recording.
	 */
	static Journal open(MVStore store, Path directory) throws IOException {
		Files.createDirectories(directory);
		Journal journal = new Journal(store, directory);
		journal.recover();
		return journal;
	}

	MVStore store() {
		return this.store;
	}

	/** Opens maps as journaled maps of this journal. */
	<K, V> MVMap.Builder<K, V> maps() {
		return new JournaledMap.Builder<>(this);
	}

	/** Opens a map of a database's data by its name, journaled. */
	MVMap<Object, Object> data(String name) {
		return StoreFile.data(this.store, name, maps());
	}

	/** Checkpoints every {@code millis} from now on (a commit with nothing to write costs nothing). */
	void checkpointEvery(long millis) {
		this.checkpoints = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "journal-checkpoint");
			thread.setDaemon(true);
			return thread;
		});
		this.checkpoints.scheduleWithFixedDelay(this::checkpointQuietly, millis, millis, TimeUnit.MILLISECONDS);
	}

	void recordChange(MVMap<?, ?> map, Object key, Object value) {
		if (!this.recording) {
			return;
		}
		WriteBuffer body = start(map, (value != null) ? PUT : REMOVE);
		write(map.getKeyType(), body, key);
		if (value != null) {
			write(map.getValueType(), body, value);
		}
		append(body);
	}

	void recordClear(MVMap<?, ?> map) {
		if (this.recording) {
			append(start(map, CLEAR));
		}
	}

	/** Returns once every change recorded so far is written to the journal's file. */
	void awaitWritten() {
		this.writes.awaitDurable();
	}

	/**
	 * Commits the store and deletes the journal files the commit covers. For changes the journal
	 * does not hold (a map created or removed), and at the end.
	 */
	synchronized void checkpoint() {
		long covered;
		this.fileLock.lock();
		try {
			synchronized (this.recordLock) {
				covered = (this.recordsInFile > 0) ? this.fileNumber : -1;
			}
			if (covered >= 0) {
				writePending();
				startFile(covered + 1);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			this.fileLock.unlock();
		}
		if (covered >= 0) {
			this.applied.put(APPLIED, covered);
		}
		this.store.commit();
		if (covered >= 0) {
			deleteFilesUpTo(covered);
		}
	}

	/** How many changes were made again from the journal when it opened. */
	long replayed() {
		return this.replayed;
	}

	/** Stops the regular checkpoints (they stop at {@link #close()} too). */
	void stopCheckpoints() {
		if (this.checkpoints != null) {
			this.checkpoints.shutdownNow();
			try {
				this.checkpoints.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** Commits the store one last time; closing again does nothing. */
	@Override
	public void close() {
		stopCheckpoints();
		synchronized (this) {
			if (!this.file.isOpen()) {
				return;
			}
			checkpoint();
			this.recording = false;
			try {
				this.file.close();
			}
			catch (IOException ex) {
				log.warn("Could not close the journal file", ex);
			}
		}
	}

	private void recover() throws IOException {
		long covered = this.applied.getOrDefault(APPLIED, 0L);
		List<Long> numbers = fileNumbers();
		// every map of the file is opened journaled now: whoever opens it later by its name gets this one
		Map<String, MVMap<Object, Object>> maps = new HashMap<>();
		for (String name : this.store.getMapNames()) {
			if (StoreFile.holdsData(name)) {
				maps.put(name, data(name));
			}
		}
		long changes = 0;
		long last = covered;
		for (long number : numbers) {
			if (number > covered) {
				changes += replay(path(number), maps);
			}
			last = Math.max(last, number);
		}
		this.fileNumber = last + 1;
		this.file = FileChannel.open(path(this.fileNumber), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING);
		this.applied.put(APPLIED, last);
		this.store.commit();
		deleteFilesUpTo(last);
		this.replayed = changes;
		if (changes > 0) {
			log.info("Made again {} changes from the journal after an unclean stop", changes);
		}
		this.recording = true;
	}

	private long replay(Path path, Map<String, MVMap<Object, Object>> maps) throws IOException {
		ByteBuffer records = ByteBuffer.wrap(Files.readAllBytes(path));
		long changes = 0;
		while (records.remaining() >= HEADER) {
			int length = records.getInt();
			int checksum = records.getInt();
			if (length <= 0 || length > records.remaining() || checksum != checksum(records, length)) {
				log.warn("Journal {} ends with an incomplete record, written when the store stopped", path.getFileName());
				break;
			}
			ByteBuffer body = records.slice(records.position(), length);
			records.position(records.position() + length);
			byte kind = body.get();
			byte[] name = new byte[body.getShort() & 0xffff];
			body.get(name);
			MVMap<Object, Object> map = maps.computeIfAbsent(new String(name, StandardCharsets.UTF_8), this::data);
			if (kind == CLEAR) {
				map.clear();
			}
			else {
				Object key = map.getKeyType().read(body);
				if (kind == PUT) {
					map.put(key, map.getValueType().read(body));
				}
				else {
					map.remove(key);
				}
			}
			changes++;
		}
		return changes;
	}

	private static WriteBuffer start(MVMap<?, ?> map, byte kind) {
		WriteBuffer body = SCRATCH.get().clear();
		byte[] name = map.getName().getBytes(StandardCharsets.UTF_8);
		body.put(kind).putShort((short) name.length).put(name);
		return body;
	}

	@SuppressWarnings("unchecked")
	private static void write(DataType<?> type, WriteBuffer buffer, Object value) {
		((DataType<Object>) type).write(buffer, value);
	}

	private void append(WriteBuffer body) {
		ByteBuffer bytes = body.getBuffer();
		int length = bytes.position();
		int checksum = checksum(bytes.duplicate().flip(), length);
		synchronized (this.recordLock) {
			this.pending.putInt(length).putInt(checksum).put(bytes.array(), bytes.arrayOffset(), length);
			this.pendingRecords++;
			this.recordsInFile++;
		}
		if (body.capacity() > 1 << 20) {
			SCRATCH.remove(); // a rare huge document should not keep its buffer alive per thread
		}
	}

	private static int checksum(ByteBuffer buffer, int length) {
		CRC32C crc = new CRC32C();
		crc.update(buffer.slice(buffer.position(), length));
		return (int) crc.getValue();
	}

	/**
	 * Writes the records made so far to the current file; one caller at a time (group commit). If
	 * the write fails, its records are dropped and the commands that made them get the error.
	 */
	private void writePending() {
		this.fileLock.lock();
		try {
			WriteBuffer out;
			synchronized (this.recordLock) {
				out = this.pending;
				this.pending = this.spare;
				this.spare = null;
				this.pendingRecords = 0;
			}
			try {
				ByteBuffer bytes = out.getBuffer().flip();
				while (bytes.hasRemaining()) {
					this.file.write(bytes);
				}
			}
			finally {
				// after a burst, do not keep a huge buffer
				this.spare = (out.capacity() > 1 << 24) ? new WriteBuffer(1 << 16) : out.clear();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the store's journal", ex);
		}
		finally {
			this.fileLock.unlock();
		}
	}

	/**
	 * Called with the file lock held, after writing out what was pending: later records go to file
	 * {@code number}, and so do those made since (their changes were made after the ones written).
	 */
	private void startFile(long number) throws IOException {
		FileChannel next = FileChannel.open(path(number), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING);
		this.file.close();
		synchronized (this.recordLock) {
			this.file = next;
			this.fileNumber = number;
			this.recordsInFile = this.pendingRecords;
		}
	}

	private void checkpointQuietly() {
		try {
			checkpoint();
		}
		catch (RuntimeException ex) {
			log.error("Journal checkpoint failed; the journal keeps every change until one succeeds", ex);
		}
	}

	private void deleteFilesUpTo(long number) {
		try {
			for (long old : fileNumbers()) {
				if (old <= number) {
					Files.deleteIfExists(path(old));
				}
			}
		}
		catch (IOException ex) {
			log.warn("Could not delete old journal files in {}", this.directory, ex);
		}
	}

	private List<Long> fileNumbers() throws IOException {
		List<Long> numbers = new ArrayList<>();
		try (Stream<Path> files = Files.list(this.directory)) {
			files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.endsWith(SUFFIX))
				.forEach((name) -> numbers.add(Long.parseLong(name.substring(0, name.length() - SUFFIX.length()))));
		}
		numbers.sort(null);
		return numbers;
	}

	private Path path(long number) {
		return this.directory.resolve(String.format("%019d%s", number, SUFFIX));
	}

}

package org.misinfodesk.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the store's data file, and once rewrites a file of the first format (documents and index
 * keys Java-serialised by H2's default type) into the current one (BSON documents, BSON index keys
 * in MongoDB's value order). The rewrite goes to a new file that replaces the old one only when it
 * is complete; the old file is kept beside it with the suffix {@code .format1}.
 */
final class StoreFile {

	private static final Logger log = LoggerFactory.getLogger(StoreFile.class);

	/** The map that says which format a file has; absent from first-format files. */
	static final String FORMAT_MAP = "misinfodesk.format";

	static final int FORMAT = 2;

	/** How much H2 may hold unsaved before a writer commits (the journal keeps it durable meanwhile). */
	private static final int UNSAVED_KILOBYTES = 64 * 1024;

	static final String DATA_PREFIX = "databases.";

	static final String META_PREFIX = "meta.";

	static final String INDEX_INFIX = "._index_";

	private StoreFile() {
	}

	static MVStore open(Path file, int cacheMegabytes) throws IOException {
		Path rewritten = sibling(file, ".rewriting");
		if (Files.notExists(file) && Files.exists(rewritten)) {
			// stopped between the two renames of a finished rewrite
			Files.move(rewritten, file, StandardCopyOption.ATOMIC_MOVE);
		}
		Files.deleteIfExists(rewritten);
		if (Files.exists(file) && !hasCurrentFormat(file)) {
			rewrite(file, rewritten, cacheMegabytes);
		}
		MVStore store = builder(file, cacheMegabytes).open();
		markFormat(store);
		return store;
	}

	/** The directory of the store's {@link Journal}, beside its data file. */
	static Path journalDirectory(Path file) {
		return sibling(file, ".journal");
	}

	/** Opens a map of documents with the current format's types. */
	static <K> MVMap<K, Document> documents(MVStore store, String name, MVMap.Builder<K, Document> builder) {
		return store.openMap(name, builder.valueType(BsonDocumentType.INSTANCE));
	}

	/** Opens a unique index's map with the current format's key type. */
	static MVMap<KeyValue, Object> index(MVStore store, String name, MVMap.Builder<KeyValue, Object> builder) {
		return store.openMap(name, builder.keyType(IndexKeyType.INSTANCE));
	}

	/**
	 * Opens one of the maps that hold a database's data by its name, with the types of its kind:
	 * documents, a unique index's keys, or H2's defaults (a collection's metadata).
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	static MVMap<Object, Object> data(MVStore store, String name, MVMap.Builder<Object, Object> builder) {
		if (name.startsWith(DATA_PREFIX)) {
			return (MVMap) documents(store, name, (MVMap.Builder) builder);
		}
		if (name.contains(INDEX_INFIX)) {
			return (MVMap) index(store, name, (MVMap.Builder) builder);
		}
		return store.openMap(name, builder);
	}

	/** Whether a map of this name holds a database's data rather than the store's own bookkeeping. */
	static boolean holdsData(String name) {
		return name.startsWith(DATA_PREFIX) || name.startsWith(META_PREFIX) || name.contains(INDEX_INFIX);
	}

	static void markFormat(MVStore store) {
		MVMap<String, Integer> format = store.openMap(FORMAT_MAP);
		if (!Integer.valueOf(FORMAT).equals(format.get("version"))) {
			format.put("version", FORMAT);
			store.commit();
		}
	}

	private static boolean hasCurrentFormat(Path file) {
		MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
		try {
			// an empty file has nothing to rewrite
			return store.hasMap(FORMAT_MAP) || store.getMapNames().stream().noneMatch((name) -> name.contains("."));
		}
		finally {
			store.close();
		}
	}

	private static void rewrite(Path file, Path rewritten, int cacheMegabytes) throws IOException {
		long started = System.nanoTime();
		MVStore old = new MVStore.Builder().fileName(file.toString()).readOnly().cacheSize(cacheMegabytes).open();
		MVStore current = builder(rewritten, cacheMegabytes).open();
		long documents = 0;
		try {
			for (String name : old.getMapNames()) {
				MVMap<Object, Object> from = old.openMap(name);
				Map<Object, Object> into = holdsData(name) ? data(current, name, new MVMap.Builder<>())
						: current.openMap(name);
				if (name.startsWith(DATA_PREFIX)) {
					documents += from.sizeAsLong();
				}
				for (Map.Entry<Object, Object> entry : from.entrySet()) {
					into.put(entry.getKey(), entry.getValue());
				}
				current.commit();
			}
			markFormat(current);
		}
		finally {
			current.close();
			old.close();
		}
		Files.move(file, sibling(file, ".format1"), StandardCopyOption.REPLACE_EXISTING);
		Files.move(rewritten, file, StandardCopyOption.ATOMIC_MOVE);
		log.info("Rewrote {} into the store's format {} ({} documents, {} ms); the old file is kept as {}", file, FORMAT,
				documents, (System.nanoTime() - started) / 1_000_000, sibling(file, ".format1").getFileName());
	}

	private static MVStore.Builder builder(Path file, int cacheMegabytes) {
		// H2 makes a writer commit the store itself once its unsaved changes pass this size (19 MB by
		// default, or less with a small heap); the journal's checkpoints commit them once a second
		return new MVStore.Builder().fileName(file.toString())
			.cacheSize(cacheMegabytes)
			.autoCommitBufferSize(UNSAVED_KILOBYTES);
	}

	private static Path sibling(Path file, String suffix) {
		return file.resolveSibling(file.getFileName() + suffix);
	}

}

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

	static final String DATA_PREFIX = "databases.";

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

	/** Opens a map of documents with the current format's types. */
	static <K> MVMap<K, Document> documents(MVStore store, String name) {
		return store.openMap(name, new MVMap.Builder<K, Document>()
			.valueType(BsonDocumentType.INSTANCE));
	}

	/** Opens a unique index's map with the current format's key type. */
	static MVMap<KeyValue, Object> index(MVStore store, String name) {
		return store.openMap(name,
				new MVMap.Builder<KeyValue, Object>().keyType(IndexKeyType.INSTANCE));
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
				Map<Object, Object> into;
				if (name.startsWith(DATA_PREFIX)) {
					into = unchecked(documents(current, name));
					documents += from.sizeAsLong();
				}
				else if (name.contains(INDEX_INFIX)) {
					into = unchecked(index(current, name));
				}
				else {
					into = current.openMap(name);
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

	/** A map of the current format, to be filled with the entries of its first-format namesake. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Map<Object, Object> unchecked(Map<?, ?> map) {
		return (Map) map;
	}

	private static MVStore.Builder builder(Path file, int cacheMegabytes) {
		return new MVStore.Builder().fileName(file.toString()).cacheSize(cacheMegabytes);
	}

	private static Path sibling(Path file, String suffix) {
		return file.resolveSibling(file.getFileName() + suffix);
	}

}

package org.misinfodesk.local;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The file-backed store, made to keep what it acknowledges: H2's store writes to disk about once a
 * second on its own, so a write acknowledged just before {@code kill -9} could be lost. Every write
 * command here returns only after a (group) commit has handed it to the operating system.
 */
final class DurableH2Backend extends H2Backend {

	private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create",
			"createindexes", "drop", "dropindexes", "dropdatabase", "renamecollection");

	private final GroupCommit groupCommit;

	DurableH2Backend(MVStore store) {
		super(store);
		this.groupCommit = new GroupCommit(this::commit);
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String databaseName) {
		return new PlannedDatabase(databaseName);
	}

	@Override
	public Document handleCommand(Channel channel, String database, String command, Document query) {
		Document answer = super.handleCommand(channel, database, command, query);
		if (WRITES.contains(command.toLowerCase(Locale.ROOT))) {
			this.groupCommit.awaitDurable();
		}
		return answer;
	}

	/**
	 * H2's database with {@link PlannedH2Collection planned} collections over the maps H2 itself
	 * opens, so existing data files stay readable. An inner class because the superclass opens
	 * collections from its constructor, before a field of this class could be set.
	 */
	private final class PlannedDatabase extends H2Database {

		private static final String DATA_PREFIX = "databases.";

		private static final String META_PREFIX = "meta.";

		private static final String ID = "_id";

		PlannedDatabase(String databaseName) {
			super(databaseName, getMvStore(), getCursorRegistry());
		}

		@Override
		protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
			String fullName = getFullCollectionNamespace(collectionName);
			return new PlannedH2Collection(this, collectionName, options,
					StoreFile.documents(getMvStore(), DATA_PREFIX + fullName), getMvStore().openMap(META_PREFIX + fullName),
					this.cursorRegistry);
		}

		@Override
		protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
				boolean sparse) {
			String fullName = getFullCollectionNamespace(collectionName);
			String indexMap = fullName + StoreFile.INDEX_INFIX + indexName;
			if (keys.size() == 1 && ID.equals(keys.get(0).getKey()) && !sparse) {
				// a file written before DocumentMapIdIndex has the index's own map: nothing reads it now
				if (getMvStore().hasMap(indexMap)) {
					getMvStore().removeMap(indexMap);
				}
				return new DocumentMapIdIndex(StoreFile.documents(getMvStore(), DATA_PREFIX + fullName), indexName,
						keys);
			}
			// H2's database opens the index's map by this name with the default types; opened first, it
			// gets the map as opened here
			StoreFile.index(getMvStore(), indexMap);
			return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
		}

	}

}

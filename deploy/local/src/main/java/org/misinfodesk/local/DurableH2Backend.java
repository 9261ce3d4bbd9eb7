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
import org.h2.mvstore.MVMap;

/**
 * The file-backed store, made to keep what it acknowledges: H2's store writes to disk about once a
 * second on its own, so a write acknowledged just before {@code kill -9} could be lost. Every write
 * command here returns only after its changes are in the {@link Journal}'s file, handed to the
 * operating system; a command that creates or removes collections or indexes returns after a
 * commit of the store, as the journal holds changes to maps, not the maps themselves.
 */
final class DurableH2Backend extends H2Backend {

	private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify");

	private static final Set<String> STRUCTURE = Set.of("create", "createindexes", "drop", "dropindexes",
			"dropdatabase", "renamecollection");

	private final Journal journal;

	DurableH2Backend(Journal journal) {
		super(journal.store());
		this.journal = journal;
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String databaseName) {
		return new PlannedDatabase(databaseName);
	}

	@Override
	public Document handleCommand(Channel channel, String database, String command, Document query) {
		Document answer = super.handleCommand(channel, database, command, query);
		String name = command.toLowerCase(Locale.ROOT);
		if (WRITES.contains(name)) {
			this.journal.awaitWritten();
		}
		else if (STRUCTURE.contains(name)) {
			this.journal.checkpoint();
		}
		return answer;
	}

	/** Commits what the journal holds before the store closes. */
	@Override
	public void close() {
		this.journal.close();
		super.close();
	}

	/**
	 * A map of a database's data, journaled. While the superclass's constructor opens the databases
	 * the file holds, this backend has no journal yet; the journal has opened every map of the file
	 * already, and the store hands out those.
	 */
	private <K, V> MVMap<K, V> data(String name) {
		MVMap<Object, Object> map = (this.journal != null) ? this.journal.data(name)
				: StoreFile.data(getMvStore(), name, new MVMap.Builder<>());
		if (!(map instanceof JournaledMap)) {
			throw new IllegalStateException("Map " + name + " was opened before the store's journal");
		}
		@SuppressWarnings("unchecked")
		MVMap<K, V> typed = (MVMap<K, V>) map;
		return typed;
	}

	/**
	 * H2's database with {@link PlannedH2Collection planned} collections over the maps H2 itself
	 * opens, so existing data files stay readable. An inner class because the superclass opens
	 * collections from its constructor, before a field of this class could be set.
	 */
	private final class PlannedDatabase extends H2Database {

		private static final String ID = "_id";

		PlannedDatabase(String databaseName) {
			super(databaseName, getMvStore(), getCursorRegistry());
		}

		@Override
		protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
			String fullName = getFullCollectionNamespace(collectionName);
			return new PlannedH2Collection(this, collectionName, options, data(StoreFile.DATA_PREFIX + fullName),
					data(StoreFile.META_PREFIX + fullName), this.cursorRegistry);
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
				return new DocumentMapIdIndex(data(StoreFile.DATA_PREFIX + fullName), indexName, keys);
			}
			// H2's database opens the index's map by this name with the default types; opened first, it
			// gets the map as opened here
			data(indexMap);
			return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
		}

	}

}

package org.misinfodesk.local;

import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.List;
import java.util.Map.Entry;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

/**
 * The {@code _id} index of a collection, answered by the collection's own map, which H2's backend
 * keys by {@code _id} already. mongo-java-server keeps a second map from each {@code _id} to that
 * same key; every insert then rewrote a page of each map at the next commit, and the index's pages
 * were about a third of what the store serialised. This index stores nothing: a lookup is a lookup
 * in the documents' map, and adding or removing a document changes that map only.
 * <p>
 * The index compares ids as mongo-java-server's unique indexes do: numbers by value, whatever their
 * type (the map holds each id as it was inserted).
 */
final class DocumentMapIdIndex extends AbstractUniqueIndex<Object> {

	private final MVMap<Object, Document> documents;

	DocumentMapIdIndex(MVMap<Object, Document> documents, String name, List<IndexKey> keys) {
		super(name, keys, false);
		this.documents = documents;
	}

	@Override
	protected Object getPosition(KeyValue keyValue) {
		return storedForms(keyValue.get(0)).filter(this.documents::containsKey).findFirst().orElse(null);
	}

	/** How an id that the index compares as {@code id} may be held in the map. */
	private static Stream<Object> storedForms(Object id) {
		if (id == null) {
			return Stream.of(Missing.getInstance());
		}
		if (id instanceof Number number) {
			double value = number.doubleValue();
			if (value == Math.rint(value) && !Double.isInfinite(value)) {
				return Stream.of(id, (int) value, (long) value, value).distinct();
			}
			return Stream.of(id, value).distinct();
		}
		return Stream.of(id);
	}

	/**
	 * The collection checked the id against this index before it put the document in its map, and
	 * that map is all the index needs; checking again now would find the document itself.
	 */
	@Override
	public void add(Document document, Object position, MongoCollection<Object> collection) {
	}

	@Override
	protected boolean putKeyPosition(KeyValue keyValue, Object position) {
		return true;
	}

	/** The collection removes the document from its map; the position is its id. */
	@Override
	protected Object removeDocument(KeyValue keyValue) {
		return getPosition(keyValue);
	}

	@Override
	protected Iterable<Entry<KeyValue, Object>> getIterable() {
		return () -> this.documents.keySet()
			.stream()
			.<Entry<KeyValue, Object>>map((id) -> new SimpleImmutableEntry<>(
					new KeyValue((id instanceof Missing) ? null : id).normalized(), id))
			.iterator();
	}

	@Override
	public long getCount() {
		return this.documents.sizeAsLong();
	}

	@Override
	public boolean isEmpty() {
		return this.documents.isEmpty();
	}

	@Override
	public long getDataSize() {
		return getCount();
	}

}

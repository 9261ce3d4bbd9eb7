package org.misinfodesk.local;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A collection that uses a unique index when the query pins its keys and also filters on other
 * fields, as MongoDB's planner would. mongo-java-server uses an index only when the query names
 * exactly the index's keys, so {@code {_id: x, version: 3}} (every optimistic-locking write) or
 * {@code {_id: x, leaseId: y}} would read the whole collection. Here the index finds the few
 * candidate documents and the whole query is then matched against them, which gives the same
 * answer as the scan.
 * <p>
 * It also keeps the documents in its map to itself: mongo-java-server updates the document it read
 * in place, and a commit serialises the map's pages on another thread meanwhile (a document changed
 * while it was being encoded failed the commit and closed the store). Documents go into the map and
 * come out of it as copies, so the map's own are never changed.
 * <p>
 * A sorted query with a limit keeps only as many matching documents as it returns while it reads,
 * rather than sorting all of them: the queue's first page sorts a few thousand open cases to show
 * fifty.
 */
final class PlannedH2Collection extends H2Collection {

	private static final Logger log = LoggerFactory.getLogger(PlannedH2Collection.class);

	/** A whole-collection read that takes this long is logged: it is what slows the store down. */
	private static final long SLOW_SCAN_MILLIS = 50;

	private final LongAdder scans = new LongAdder();

	PlannedH2Collection(MongoDatabase database, String name, CollectionOptions options,
			MVMap<Object, Document> data, MVMap<String, Object> meta, CursorRegistry cursors) {
		super(database, name, options, data, meta, cursors);
	}

	@Override
	protected Object addDocumentInternal(Document document) {
		return super.addDocumentInternal(document.cloneDeeply());
	}

	@Override
	protected Document getDocument(Object position) {
		Document stored = super.getDocument(position);
		return (stored != null) ? stored.cloneDeeply() : null;
	}

	@Override
	protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
		super.handleUpdate(position, oldDocument, newDocument.cloneDeeply());
	}

	@Override
	protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
			int batchSize, Document fieldSelector) {
		List<Index<Object>> indexes = getIndexes();
		if (query.size() > 1 && indexes.stream().noneMatch((index) -> index.canHandle(query))) {
			for (Index<Object> index : indexes) {
				Document pinned = pinnedKeys(query, index);
				if (pinned != null && index.canHandle(pinned)) {
					return matchDocuments(query, index.getPositions(pinned), orderBy, numberToSkip, limit, batchSize,
							fieldSelector);
				}
			}
		}
		return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
	}

	@Override
	protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
			Document fieldSelector) {
		this.scans.increment();
		long started = System.nanoTime();
		QueryResult result = super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
		long millis = (System.nanoTime() - started) / 1_000_000;
		if (millis >= SLOW_SCAN_MILLIS) {
			// the query's field names only: its values may be personal data
			log.info("{} read whole ({} documents, {} ms) for a query on {}", getCollectionName(), count(), millis,
					query.keySet());
		}
		else {
			log.debug("{} read whole for a query on {}", getCollectionName(), query.keySet());
		}
		return result;
	}

	/**
	 * With a sort and a limit, only the documents that make the page go on to the sort: the best
	 * {@code skip + limit} matches, kept in a bounded heap while reading, in the order a stable sort
	 * of all the matches would give them (ties by reading order).
	 */
	@Override
	protected QueryResult matchDocumentsFromStream(Document query, Stream<Document> documentStream, int numberToSkip,
			int limit, int batchSize, Comparator<Document> documentComparator, Document fieldSelector) {
		long kept = (long) Math.max(numberToSkip, 0) + limit;
		if (documentComparator == null || limit <= 0 || kept > Integer.MAX_VALUE - 1) {
			return super.matchDocumentsFromStream(query, documentStream, numberToSkip, limit, batchSize,
					documentComparator, fieldSelector);
		}
		Comparator<Ranked> order = Comparator.comparing(Ranked::document, documentComparator)
			.thenComparingLong(Ranked::read);
		PriorityQueue<Ranked> worstFirst = new PriorityQueue<>((int) kept + 1, order.reversed());
		long[] read = { 0 };
		documentStream.filter((document) -> documentMatchesQuery(document, query)).forEach((document) -> {
			Ranked ranked = new Ranked(document, read[0]++);
			if (worstFirst.size() < kept) {
				worstFirst.add(ranked);
			}
			else if (order.compare(ranked, worstFirst.peek()) < 0) {
				worstFirst.poll();
				worstFirst.add(ranked);
			}
		});
		List<Ranked> best = new ArrayList<>(worstFirst);
		best.sort(order);
		// the stable sort there leaves these in their order, and the match again passes them all
		return super.matchDocumentsFromStream(query, best.stream().map(Ranked::document), numberToSkip, limit,
				batchSize, documentComparator, fieldSelector);
	}

	/** A matching document and when it was read, which decides between equals as a stable sort would. */
	private record Ranked(Document document, long read) {
	}

	/** How many queries read the whole collection (set this class's logger to debug to see which). */
	long scans() {
		return this.scans.sum();
	}

	/** The part of the query that constrains exactly this index's keys, or null if a key is free. */
	private static Document pinnedKeys(Document query, Index<Object> index) {
		Document pinned = new Document();
		for (IndexKey key : index.getKeys()) {
			if (!query.containsKey(key.getKey())) {
				return null;
			}
			pinned.put(key.getKey(), query.get(key.getKey()));
		}
		return pinned;
	}

}

package org.misinfodesk.local;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.StreamSupport;

import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlannedH2CollectionTest {

	private MVStore store;

	private PlannedH2Collection cases;

	@BeforeEach
	void someCases() {
		this.store = MVStore.open(null);
		DurableH2Backend backend = new DurableH2Backend(this.store);
		this.cases = (PlannedH2Collection) backend.resolveDatabase("triage")
			.createCollectionOrThrowIfExists("cases", CollectionOptions.withDefaults());
		for (int i = 0; i < 50; i++) {
			this.cases.addDocument(new Document("_id", "case-" + i).append("version", i % 3).append("status", "NEW"));
		}
	}

	@AfterEach
	void close() {
		this.store.close();
	}

	@Test
	void optimisticLockingQueryIsServedByTheIdIndexAndStillChecksTheVersion() {
		assertThat(ids(new Document("_id", "case-7").append("version", 1))).containsExactly("case-7");
		assertThat(ids(new Document("_id", "case-7").append("version", 2))).isEmpty();
		assertThat(this.cases.scans()).isZero();
	}

	@Test
	void idsInAListWithAnotherFilterAreServedByTheIdIndex() {
		Document query = new Document("_id", new Document("$in", List.of("case-1", "case-2", "case-4", "nope")))
			.append("version", new Document("$in", List.of(0, 2)));
		assertThat(ids(query)).containsExactlyInAnyOrder("case-2");
		assertThat(this.cases.scans()).isZero();
	}

	@Test
	void queryThatPinsNoUniqueKeyReadsTheWholeCollection() {
		assertThat(ids(new Document("status", "NEW").append("version", 0))).hasSize(17);
		assertThat(this.cases.scans()).isEqualTo(1);
	}

	@Test
	void anUpdateLeavesTheDocumentTheMapHeldUnchangedForACommitThatMayBeEncodingIt() {
		Map<Object, Document> data = this.store.openMap("databases.triage.cases");
		Document held = data.get("case-7");
		Document before = held.cloneDeeply();

		this.cases.updateDocuments(new Document("_id", "case-7"),
				new Document("$set", new Document("status", "IN_REVIEW")).append("$inc", new Document("version", 1)),
				ArrayFilters.empty(), false, false, NoopOplog.get());

		assertThat(held).isEqualTo(before);
		assertThat(data.get("case-7")).isNotSameAs(held).containsEntry("status", "IN_REVIEW");
	}

	@Test
	void aSortedPageIsTheSliceOfAllMatchesSortedEvenAmongEquals() {
		PlannedH2Collection live = (PlannedH2Collection) new DurableH2Backend(this.store).resolveDatabase("triage")
			.createCollectionOrThrowIfExists("live_cases", CollectionOptions.withDefaults());
		Random random = new Random(11);
		for (int i = 0; i < 500; i++) {
			// few priorities and statuses: many equal sort keys, which keep their reading order
			live.addDocument(new Document("_id", "case-" + i).append("status", random.nextBoolean() ? "NEW" : "CLOSED")
				.append("priority", random.nextInt(5)));
		}
		Document open = new Document("status", "NEW");
		Document urgentFirst = new Document("priority", -1);
		List<Object> all = ids(live.queryDocuments(open, urgentFirst, 0, 0, 0, null));

		assertThat(ids(live.queryDocuments(open, urgentFirst, 0, 50, 0, null))).isEqualTo(all.subList(0, 50));
		assertThat(ids(live.queryDocuments(open, urgentFirst, 40, 25, 0, null))).isEqualTo(all.subList(40, 65));
		assertThat(ids(live.queryDocuments(open, urgentFirst, all.size() - 3, 10, 0, null)))
			.isEqualTo(all.subList(all.size() - 3, all.size()));
		assertThat(live.queryDocuments(open, urgentFirst, 0, 5, 0, new Document("priority", 1)))
			.allSatisfy((document) -> assertThat(document.keySet()).containsExactlyInAnyOrder("_id", "priority"));
	}

	private static List<Object> ids(Iterable<Document> documents) {
		return StreamSupport.stream(documents.spliterator(), false).map((document) -> document.get("_id")).toList();
	}

	private List<Object> ids(Document query) {
		return StreamSupport.stream(this.cases.queryDocuments(query, null, 0, 0, 0, null).spliterator(), false)
			.map((document) -> document.get("_id"))
			.toList();
	}

}

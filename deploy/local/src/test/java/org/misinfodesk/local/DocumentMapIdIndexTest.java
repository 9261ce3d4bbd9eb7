package org.misinfodesk.local;

import java.util.List;
import java.util.stream.StreamSupport;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentMapIdIndexTest {

	private final MVStore store = MVStore.open(null);

	private final PlannedH2Collection reports = (PlannedH2Collection) new DurableH2Backend(this.store).resolveDatabase("report")
		.createCollectionOrThrowIfExists("reports", CollectionOptions.withDefaults());

	@AfterEach
	void close() {
		this.store.close();
	}

	@Test
	void theIdIndexKeepsNoMapOfItsOwn() {
		this.reports.addDocument(new Document("_id", "r-1").append("status", "RECEIVED"));

		assertThat(this.store.getMapNames()).contains("databases.report.reports")
			.noneMatch((name) -> name.startsWith("report.reports._index_"));
	}

	@Test
	void aSecondDocumentWithTheSameIdIsRefusedAndTheFirstStays() {
		this.reports.addDocument(new Document("_id", "r-1").append("status", "RECEIVED"));

		assertThatThrownBy(() -> this.reports.addDocument(new Document("_id", "r-1").append("status", "OTHER")))
			.isInstanceOf(DuplicateKeyError.class);
		assertThat(find(new Document("_id", "r-1"))).singleElement().satisfies((found) -> assertThat(found)
			.containsEntry("status", "RECEIVED"));
	}

	@Test
	void documentsAreFoundByIdOrByAListOfIdsAndGoneOnceDeleted() {
		for (int i = 0; i < 20; i++) {
			this.reports.addDocument(new Document("_id", "r-" + i));
		}

		assertThat(find(new Document("_id", new Document("$in", List.of("r-3", "r-7", "none")))))
			.extracting((found) -> found.get("_id"))
			.containsExactlyInAnyOrder("r-3", "r-7");
		this.reports.deleteDocuments(new Document("_id", "r-3"), 0, NoopOplog.get());
		assertThat(find(new Document("_id", "r-3"))).isEmpty();
		assertThat(this.reports.count()).isEqualTo(19);
		this.reports.addDocument(new Document("_id", "r-3"));
		assertThat(find(new Document("_id", "r-3"))).hasSize(1);
	}

	@Test
	void numericIdsMatchByValueWhateverTheirType() {
		this.reports.addDocument(new Document("_id", 7));
		this.reports.addDocument(new Document("_id", 2.5));

		assertThat(find(new Document("_id", 7L))).hasSize(1);
		assertThat(find(new Document("_id", 7.0))).hasSize(1);
		assertThat(find(new Document("_id", 2.5))).hasSize(1);
		assertThatThrownBy(() -> this.reports.addDocument(new Document("_id", 7.0)))
			.isInstanceOf(DuplicateKeyError.class);
	}

	@Test
	void aFileWithTheIndexMapOfAnEarlierVersionDropsIt() {
		this.store.openMap("report.outbox._index__id_").put("left", "behind");

		new DurableH2Backend(this.store).resolveDatabase("report")
			.createCollectionOrThrowIfExists("outbox", CollectionOptions.withDefaults());

		assertThat(this.store.hasMap("report.outbox._index__id_")).isFalse();
	}

	private List<Document> find(Document query) {
		return StreamSupport.stream(this.reports.handleQuery(query, 0, 0).spliterator(), false).toList();
	}

}

package org.misinfodesk.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreFileTest {

	@TempDir
	Path data;

	@Test
	void keepsEveryKindOfValueAcrossARestart() throws Exception {
		Path file = this.data.resolve("store.mv");
		Document stored = new Document("_id", "c-1").append("text", "Tin giả về vắc-xin")
			.append("count", 3)
			.append("big", 5_000_000_000L)
			.append("score", 0.25)
			.append("open", true)
			.append("none", null)
			.append("at", java.util.Date.from(Instant.parse("2026-11-28T01:02:03.456Z")))
			.append("uuid", UUID.fromString("2f1d6a52-6a2b-4c45-9d6e-1a2b3c4d5e6f"))
			.append("oid", new ObjectId("65f0a1b2c3d4e5f601234567"))
			.append("signature", List.of(1, -2, 3))
			.append("agencies", List.of(new Document("id", "so-y-te").append("responses", List.of())));

		withStore(file, (reports) -> reports.insertOne(stored));

		Document found = withStore(file, (reports) -> reports.find(eq("_id", "c-1")).first());
		assertThat(found).isEqualTo(stored);
	}

	@Test
	void rewritesAFirstFormatFileKeepingItsDocumentsAndUniqueIndexes() throws Exception {
		Path file = this.data.resolve("store.mv");
		MVStore first = new MVStore.Builder().fileName(file.toString()).open();
		withServer(new H2Backend(first), (reports) -> {
			reports.createIndex(Indexes.ascending("trackingCode"), new IndexOptions().unique(true));
			for (int i = 0; i < 300; i++) {
				reports.insertOne(new Document("_id", "r-" + i).append("trackingCode", "MD-" + i).append("n", i));
			}
			return null;
		});
		first.close();

		List<Object> afterRewrite = withStore(file, (reports) -> {
			List<Object> seen = new ArrayList<>();
			seen.add(reports.countDocuments());
			seen.add(reports.find(eq("trackingCode", "MD-123")).first().get("_id"));
			assertThatThrownBy(() -> reports.insertOne(new Document("_id", "r-new").append("trackingCode", "MD-7")))
				.isInstanceOf(MongoWriteException.class)
				.hasMessageContaining("duplicate key");
			assertThatThrownBy(() -> reports.insertOne(new Document("_id", "r-8")))
				.isInstanceOf(MongoWriteException.class)
				.hasMessageContaining("duplicate key");
			reports.insertOne(new Document("_id", "r-300").append("trackingCode", "MD-300"));
			return seen;
		});

		assertThat(afterRewrite).containsExactly(300L, "r-123");
		assertThat(this.data.resolve("store.mv.format1")).exists();
		long countAfterRestart = withStore(file, (reports) -> reports.countDocuments());
		assertThat(countAfterRestart).isEqualTo(301L);
	}

	private static <T> T withStore(Path file, Function<MongoCollection<Document>, T> work) throws Exception {
		MVStore store = StoreFile.open(file, 16);
		DurableH2Backend backend = new DurableH2Backend(store);
		try {
			return withServer(backend, work);
		}
		finally {
			backend.commit();
			store.close();
		}
	}

	private static <T> T withServer(MongoBackend backend, Function<MongoCollection<Document>, T> work) {
		MongoServer server = new MongoServer(backend);
		var address = server.bind();
		try (MongoClient client = MongoClients
			.create("mongodb://127.0.0.1:" + address.getPort() + "/?serverSelectionTimeoutMS=5000&uuidRepresentation=standard")) {
			return work.apply(client.getDatabase("reports").getCollection("reports"));
		}
		finally {
			server.shutdownNow();
		}
	}

}

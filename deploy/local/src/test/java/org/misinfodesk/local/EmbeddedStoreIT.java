package org.misinfodesk.local;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The store acknowledges a write only once it is on its way to disk: killing the store process with
 * {@code SIGKILL} right after a burst of acknowledged writes loses none of them, and makes none of
 * them twice.
 */
class EmbeddedStoreIT {

	@TempDir
	Path data;

	@Test
	void keepsEveryAcknowledgedWriteThroughKillNine() throws Exception {
		int port = freePort();
		Path file = this.data.resolve("store.mv");
		int inserted = 600;

		Process store = start(port, file);
		try (MongoClient client = connect(port)) {
			MongoCollection<Document> reports = client.getDatabase("reports")
				.getCollection("reports")
				.withWriteConcern(WriteConcern.ACKNOWLEDGED);
			MongoCollection<Document> counters = client.getDatabase("reports").getCollection("counters");
			for (int i = 0; i < inserted; i++) {
				reports.insertOne(new Document("_id", i).append("content", "Tin đồn số " + i));
				if (i % 3 == 0) {
					reports.updateOne(Filters.eq("_id", i), Updates.set("status", "CLOSED"));
				}
				if (i % 5 == 0) {
					reports.deleteOne(Filters.eq("_id", i));
				}
				counters.updateOne(Filters.eq("_id", "received"), Updates.inc("count", 1), new UpdateOptions().upsert(true));
			}
		}
		store.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

		Process restarted = start(port, file);
		try (MongoClient client = connect(port)) {
			MongoCollection<Document> reports = client.getDatabase("reports").getCollection("reports");
			assertThat(reports.countDocuments()).isEqualTo(inserted - inserted / 5);
			assertThat(reports.countDocuments(Filters.eq("status", "CLOSED")))
				.isEqualTo(IntStream.range(0, inserted).filter((i) -> i % 3 == 0 && i % 5 != 0).count());
			assertThat(client.getDatabase("reports").getCollection("counters").find().first())
				.containsEntry("count", inserted);
		}
		finally {
			restarted.destroy();
			restarted.waitFor(10, TimeUnit.SECONDS);
		}
	}

	private static Process start(int port, Path file) throws IOException {
		String classpath = System.getProperty("java.class.path");
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", classpath, EmbeddedStore.class.getName(), "127.0.0.1", String.valueOf(port), file.toString())
			.redirectErrorStream(true)
			.redirectOutput(Files.createTempFile("store", ".log").toFile())
			.start();
		await().atMost(Duration.ofSeconds(30)).until(() -> portOpen(port));
		return process;
	}

	private static MongoClient connect(int port) {
		return MongoClients.create("mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=10000");
	}

	private static boolean portOpen(int port) {
		try (var socket = new java.net.Socket("127.0.0.1", port)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}

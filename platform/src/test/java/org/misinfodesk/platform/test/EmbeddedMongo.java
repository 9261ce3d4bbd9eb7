package org.misinfodesk.platform.test;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * One in-memory MongoDB-wire server per test JVM, so that cached Spring contexts keep a live store.
 */
public final class EmbeddedMongo {

	private static MongoServer server;

	private EmbeddedMongo() {
	}

	/** The connection string of a database on the shared server, started on first use. */
	public static synchronized String uri(String database) {
		if (server == null) {
			server = new MongoServer(new MemoryBackend());
			server.bind("127.0.0.1", 0);
			Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
		}
		return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/" + database;
	}

}

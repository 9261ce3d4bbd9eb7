package org.misinfodesk.local;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stack's MongoDB-wire store: {@code EmbeddedStore <host> <port> <file>}. Keeps its data
 * in one file across restarts, and a write it acknowledged survives {@code kill -9}.
 */
public final class EmbeddedStore {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedStore.class);

	private EmbeddedStore() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length != 3) {
			System.err.println("usage: EmbeddedStore <host> <port> <data-file>");
			System.exit(2);
		}
		Path file = Path.of(args[2]).toAbsolutePath();
		Files.createDirectories(file.getParent());
		// documents are kept decoded in this cache: the few queries that read a whole collection then
		// cost memory reads rather than decoding every document again (H2's default is 16 MB). Every
		// object in it is one more for each young collection to scan: at 256 MB the collector paused
		// 88 ms at the median (59 ms at 64 MB) and the store used 15 to 20 % more CPU
		int cacheMegabytes = Integer.getInteger("misinfodesk.store.cache-mb", 64);
		MVStore store = StoreFile.open(file, cacheMegabytes);
		DurableH2Backend backend = new DurableH2Backend(store);
		MongoServer server = new MongoServer(backend);
		// a write command holds its connection's thread until a commit covers it: with Netty's default
		// of two threads a core, a read waited behind other connections' writes that shared its thread
		int threads = Integer.getInteger("misinfodesk.store.threads", 32);
		server.bind(new InetSocketAddress(args[0], Integer.parseInt(args[1])), 1, threads);
		log.info("Store listening on {}:{}, data in {}", args[0], args[1], file);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			server.shutdown();
			backend.commit();
			store.close();
			log.info("Store stopped");
			stopped.countDown();
		}, "store-shutdown"));
		stopped.await();
	}

}

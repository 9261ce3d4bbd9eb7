package org.misinfodesk.triage;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server playing report-service's evidence endpoints, behind HTTP Basic
 * {@code triage}/{@code s3cret}: {@code ev-png} has a thumbnail, {@code ev-slow} answers too late,
 * {@code ev-broken} fails, anything else is not found. One per test JVM.
 */
final class ReportServiceStandIn {

	static final byte[] THUMBNAIL = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3, 4 };

	private static final String CREDENTIALS = "Basic "
			+ Base64.getEncoder().encodeToString("triage:s3cret".getBytes(StandardCharsets.UTF_8));

	private static HttpServer server;

	/** Released when the JVM ends, so the slow handler never holds a thread forever. */
	private static final CountDownLatch NEVER = new CountDownLatch(1);

	private ReportServiceStandIn() {
	}

	static synchronized String baseUrl() {
		if (server == null) {
			try {
				server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			server.setExecutor(Executors.newCachedThreadPool((task) -> {
				Thread thread = new Thread(task, "report-service-stand-in");
				thread.setDaemon(true);
				return thread;
			}));
			server.createContext("/api/v1/evidence/", ReportServiceStandIn::handle);
			server.start();
		}
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	private static void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (!CREDENTIALS.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
				exchange.sendResponseHeaders(401, -1);
				return;
			}
			String path = exchange.getRequestURI().getPath();
			if (path.equals("/api/v1/evidence/ev-png/thumbnail") || path.equals("/api/v1/evidence/ev-png")) {
				exchange.getResponseHeaders().set("Content-Type", "image/png");
				exchange.sendResponseHeaders(200, THUMBNAIL.length);
				try (OutputStream body = exchange.getResponseBody()) {
					body.write(THUMBNAIL);
				}
			}
			else if (path.startsWith("/api/v1/evidence/ev-slow")) {
				try {
					NEVER.await(5, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				exchange.sendResponseHeaders(200, -1);
			}
			else if (path.startsWith("/api/v1/evidence/ev-broken")) {
				exchange.sendResponseHeaders(500, -1);
			}
			else {
				exchange.sendResponseHeaders(404, -1);
			}
		}
	}

}

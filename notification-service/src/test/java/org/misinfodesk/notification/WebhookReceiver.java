package org.misinfodesk.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An agency's system as a real HTTP server on a free local port: records every request and answers
 * each path with the statuses it was told to, then {@code 200}.
 */
final class WebhookReceiver {

	private final HttpServer server;

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final Map<String, Deque<Reply>> scripts = new ConcurrentHashMap<>();

	private WebhookReceiver(HttpServer server) {
		this.server = server;
	}

	static WebhookReceiver start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			WebhookReceiver receiver = new WebhookReceiver(server);
			server.createContext("/", receiver::handle);
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
			return receiver;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A path of its own for one test, so tests sharing the receiver do not see each other's calls. */
	String newUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hooks/" + UUID.randomUUID();
	}

	/** Answers the next requests to {@code url} with these statuses, then {@code 200}. */
	void answer(String url, Integer... statuses) {
		answer(url, Arrays.stream(statuses).map((status) -> new Reply(status, Map.of())).toArray(Reply[]::new));
	}

	/** Answers the next requests to {@code url} with these replies, then {@code 200}. */
	void answer(String url, Reply... replies) {
		this.scripts.put(pathOf(url), new ArrayDeque<>(List.of(replies)));
	}

	List<Request> received(String url) {
		String path = pathOf(url);
		return this.requests.stream().filter((request) -> request.path().equals(path)).toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange; InputStream body = exchange.getRequestBody()) {
			Map<String, String> headers = new HashMap<>();
			exchange.getRequestHeaders()
				.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
			String path = exchange.getRequestURI().getPath();
			this.requests.add(new Request(exchange.getRequestMethod(), path, headers,
					new String(body.readAllBytes(), StandardCharsets.UTF_8), Instant.now()));
			Deque<Reply> script = this.scripts.get(path);
			Reply scripted = script == null ? null : script.poll();
			if (scripted != null) {
				scripted.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
			}
			exchange.sendResponseHeaders(scripted == null ? 200 : scripted.status(), -1);
		}
	}

	private static String pathOf(String url) {
		return URI.create(url).getPath();
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	record Reply(int status, Map<String, String> headers) {
	}

	record Request(String method, String path, Map<String, String> headers, String body, Instant at) {

		String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

}

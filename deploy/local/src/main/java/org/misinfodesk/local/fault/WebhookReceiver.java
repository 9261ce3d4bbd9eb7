package org.misinfodesk.local.fault;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/**
 * An agency's webhook endpoint on this machine: records every POST it gets, answers 204.
 */
public final class WebhookReceiver implements AutoCloseable {

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	public record Received(Map<String, List<String>> headers, String body) {

		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((e) -> e.getKey().equalsIgnoreCase(name))
				.map((e) -> e.getValue().get(0))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No " + name + " header in " + this.headers));
		}

		/** Whether the Standard Webhooks v1 signature verifies with {@code secret}, computed independently. */
		public boolean signedWith(String secret) {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())),
						"HmacSHA256"));
				String content = header("webhook-id") + "." + header("webhook-timestamp") + "." + this.body;
				String expected = "v1," + Base64.getEncoder()
					.encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
				return List.of(header("webhook-signature").split(" ")).contains(expected);
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	public WebhookReceiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
		this.server.setExecutor(Executors.newFixedThreadPool(8));
		this.server.createContext("/", (exchange) -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			this.received.add(new Received(Map.copyOf(exchange.getRequestHeaders()),
					new String(body, StandardCharsets.UTF_8)));
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		this.server.start();
	}

	public String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	public List<Received> received() {
		return List.copyOf(this.received);
	}

	/** Distinct {@code webhook-id}s received per value of {@code key(body)}. */
	public Map<String, Set<String>> webhookIdsBy(Function<String, String> key) {
		Map<String, Set<String>> ids = new ConcurrentHashMap<>();
		for (Received r : this.received) {
			ids.computeIfAbsent(key.apply(r.body()), (k) -> ConcurrentHashMap.newKeySet()).add(r.header("webhook-id"));
		}
		return ids;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}

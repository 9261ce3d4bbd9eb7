package org.misinfodesk.bench.load;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.LongFunction;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Mono;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * POSTs JSON bodies over HTTP/1.1 keep-alive connections (Reactor Netty, up to {@code connections} at once;
 * a request that finds them all busy waits for one, and that wait counts in its latency).
 */
public final class HttpSender implements Sender, AutoCloseable {

	private final HttpClient client;

	private final ConnectionProvider connections;

	private final LoopResources loops;

	private final String url;

	private final LongFunction<String> bodies;

	private final int expected;

	private final BiConsumer<Long, String> answers;

	/**
	 * @param answers told the sequence number and the body of every answer with the {@code expected} status
	 */
	public HttpSender(String url, int connections, LongFunction<String> bodies, int expected,
			BiConsumer<Long, String> answers) {
		this.connections = ConnectionProvider.builder("bench")
			.maxConnections(connections)
			.pendingAcquireMaxCount(-1)
			.pendingAcquireTimeout(Duration.ofSeconds(60))
			.build();
		this.loops = LoopResources.create("bench-client", 2, true);
		this.client = HttpClient.create(this.connections)
			.runOn(this.loops)
			.protocol(HttpProtocol.HTTP11)
			.responseTimeout(Duration.ofSeconds(30))
			.headers((h) -> h.set(HttpHeaderNames.CONTENT_TYPE, "application/json")
				.set(HttpHeaderNames.ACCEPT, "application/json"));
		this.url = url;
		this.bodies = bodies;
		this.expected = expected;
		this.answers = answers;
	}

	@Override
	public void send(long sequence, Done done) {
		byte[] body = this.bodies.apply(sequence).getBytes(StandardCharsets.UTF_8);
		this.client.post()
			.uri(this.url)
			.send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body)))
			.responseSingle((response, content) -> content.asString(StandardCharsets.UTF_8)
				.defaultIfEmpty("")
				.map((text) -> {
					int status = response.status().code();
					if (status == this.expected) {
						this.answers.accept(sequence, text);
						return "";
					}
					return "HTTP " + status;
				}))
			.subscribe((failure) -> {
				if (failure.isEmpty()) {
					done.succeeded();
				}
				else {
					done.failed(failure);
				}
			}, (ex) -> done.failed(ex.getClass().getSimpleName()));
	}

	@Override
	public void close() {
		this.connections.disposeLater().block(Duration.ofSeconds(10));
		this.loops.disposeLater().block(Duration.ofSeconds(10));
	}

}

package org.misinfodesk.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP server every service runs on keeps reading a keep-alive connection: Reactor Netty 1.3.6
 * (Spring Boot 4.0.7's) stopped reading one after answering a request it had buffered while the
 * previous one was still completing, and the next request on that connection waited forever
 * (reactor-netty #4347, #4361). The root pom pins a version that reads again; this fails if a
 * change of version brings the fault back.
 */
class KeepAliveConnectionsTest {

	private static final String OK = "HTTP/1.1 200";

	private final DisposableServer server = HttpServer.create()
		.host("127.0.0.1")
		.port(0)
		// the first answer comes later, so the requests behind it arrive while it is still running
		.handle((request, response) -> response.sendString(request.uri().equals("/slow")
				? Mono.delay(Duration.ofMillis(50)).thenReturn("ok") : Mono.just("ok")))
		.bindNow(Duration.ofSeconds(5));

	@AfterEach
	void stop() {
		this.server.disposeNow();
	}

	@RepeatedTest(5)
	void aRequestAfterOthersThatArrivedWhileOneWasRunningIsAnswered() throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.server.port())) {
			socket.setSoTimeout(5_000);
			OutputStream out = socket.getOutputStream();
			InputStream in = socket.getInputStream();
			StringBuilder received = new StringBuilder();

			send(out, "/slow", "/next", "/after");
			readUntil(in, received, 3);
			send(out, "/later");
			readUntil(in, received, 4);

			assertThat(count(received)).as("answers on one keep-alive connection").isEqualTo(4);
		}
	}

	private static void send(OutputStream out, String... paths) throws IOException {
		StringBuilder requests = new StringBuilder();
		for (String path : paths) {
			requests.append("GET ").append(path).append(" HTTP/1.1\r\nHost: localhost\r\n\r\n");
		}
		out.write(requests.toString().getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	/** Reads until {@code answers} answers came, the connection closed, or nothing came for 5 s. */
	private static void readUntil(InputStream in, StringBuilder received, int answers) throws IOException {
		byte[] buffer = new byte[4096];
		try {
			while (count(received) < answers) {
				int read = in.read(buffer);
				if (read < 0) {
					return;
				}
				received.append(new String(buffer, 0, read, StandardCharsets.US_ASCII));
			}
		}
		catch (SocketTimeoutException stalled) {
			// counted by the caller
		}
	}

	private static int count(CharSequence received) {
		int answers = 0;
		for (int at = received.toString().indexOf(OK); at >= 0; at = received.toString().indexOf(OK, at + 1)) {
			answers++;
		}
		return answers;
	}

}

package org.misinfodesk.local.fault;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public HTTP surface of API.md, as the citizen, the analyst and the admin use it.
 */
public final class DeskClient {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	/** An answer: its status and its body as JSON (empty object when there is none). */
	public record Answer(int status, JsonNode body) {

		public String text(String field) {
			JsonNode value = this.body.get(field);
			return value == null ? null : value.asString();
		}

	}

	/** Calls as a staff member ({@code user} with the local password, which is the same), or anonymously. */
	public Answer call(String method, String url, String user, Object body) throws IOException, InterruptedException {
		return send(method, url, (user == null) ? null
				: "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)),
				body);
	}

	/** Calls as an agency's system, with its API key. */
	public Answer callWithKey(String method, String url, String apiKey, Object body)
			throws IOException, InterruptedException {
		return send(method, url, "Bearer " + apiKey, body);
	}

	private Answer send(String method, String url, String authorization, Object body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(20))
			.header("Accept", "application/json");
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		String text = response.body();
		JsonNode parsed = (text == null || text.isBlank() || !text.trim().startsWith("{") && !text.trim().startsWith("["))
				? json.createObjectNode() : json.readTree(text);
		return new Answer(response.statusCode(), parsed);
	}

	/** Like {@link #call} but insists on {@code expected}. */
	public JsonNode expect(int expected, String method, String url, String user, Object body)
			throws IOException, InterruptedException {
		Answer answer = call(method, url, user, body);
		if (answer.status() != expected) {
			throw new IllegalStateException(method + " " + url + " answered " + answer.status() + ": " + answer.body());
		}
		return answer.body();
	}

	public String get(String url) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
				HttpResponse.BodyHandlers.ofString()).body();
	}

	public static JsonNode parse(String text) {
		return json.readTree(text);
	}

}

package org.misinfodesk.bench.load;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ReportBodiesTest {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void eachBodyIsAboutAKilobyteOfVietnameseTextWithItsOwnLink() {
		ReportBodies bodies = new ReportBodies(1, "t");

		JsonNode first = this.json.readTree(bodies.next(0));
		JsonNode second = this.json.readTree(bodies.next(1));

		int bytes = first.get("content").asString().getBytes(StandardCharsets.UTF_8).length;
		assertThat(bytes).isBetween(1000, 1100);
		assertThat(first.get("content").asString()).contains("ả");
		assertThat(first.get("sourceUrl").asString()).startsWith("https://");
		assertThat(first.get("sourceUrl").asString()).isNotEqualTo(second.get("sourceUrl").asString());
		assertThat(first.get("content").asString()).isNotEqualTo(second.get("content").asString());
		assertThat(first.get("categoryHint").asString()).isNotEqualTo(second.get("categoryHint").asString());
	}

}

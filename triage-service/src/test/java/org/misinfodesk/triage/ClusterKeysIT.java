package org.misinfodesk.triage;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.misinfodesk.triage.clustering.ClusterKeys;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterKeysIT extends RunningTriageService {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Autowired
	ClusterKeys keys;

	@Test
	void aCaseFiledTwiceUnderTheSameKeysIsListedOnce() {
		String key = "test-key-" + UUID.randomUUID();
		String other = "test-key-" + UUID.randomUUID();

		this.keys.file(List.of(key, other), "c-twice").block(WAIT);
		this.keys.file(List.of(key, other), "c-twice").block(WAIT);

		assertThat(this.keys.caseIdsFor(List.of(key), 10).collectList().block(WAIT)).containsExactly("c-twice");
		assertThat(this.keys.caseIdsFor(List.of(other), 10).collectList().block(WAIT)).containsExactly("c-twice");
	}

	@Test
	void aFullKeyTakesNoMoreCasesWhileTheOtherKeysOfTheSameReportStillDo() {
		String crowded = "test-key-" + UUID.randomUUID();
		IntStream.range(0, 200).forEach((i) -> this.keys.file(List.of(crowded), "c-early-" + i).block(WAIT));
		String fresh = "test-key-" + UUID.randomUUID();

		this.keys.file(List.of(crowded, fresh), "c-late").block(WAIT);

		assertThat(this.keys.caseIdsFor(List.of(crowded), 500).collectList().block(WAIT)).hasSize(200)
			.doesNotContain("c-late");
		assertThat(this.keys.caseIdsFor(List.of(fresh), 10).collectList().block(WAIT)).containsExactly("c-late");
	}

}

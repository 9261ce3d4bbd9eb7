package org.misinfodesk.triage.clustering;

import java.util.Comparator;
import java.util.EnumSet;

import org.misinfodesk.triage.cases.Case;
import org.misinfodesk.triage.cases.CaseStatus;
import org.misinfodesk.triage.cases.Cases;
import reactor.core.publisher.Flux;

import org.springframework.stereotype.Service;

/**
 * Cases about similar information, whatever their status: what analysts decided before about a
 * rumour like this one, and open cases they may want to merge.
 */
@Service
public class FindingSimilarCases {

	private final Cases cases;

	private final ClusterKeys keys;

	private final Fingerprints fingerprints;

	private final ClusteringSettings settings;

	FindingSimilarCases(Cases cases, ClusterKeys keys, Fingerprints fingerprints, ClusteringSettings settings) {
		this.cases = cases;
		this.keys = keys;
		this.fingerprints = fingerprints;
		this.settings = settings;
	}

	public Flux<Similar> similarTo(Case c) {
		return this.keys.caseIdsFor(this.fingerprints.keysOf(c.signatures(), c.urlKeys()), 100)
			.filter((id) -> !id.equals(c.id()))
			.collectList()
			.flatMapMany((ids) -> this.cases.findAllById(ids, EnumSet.complementOf(EnumSet.of(CaseStatus.MERGED))))
			.map((other) -> new Similar(other, similarity(c, other)))
			.filter((similar) -> similar.similarity() > 0)
			.sort(Comparator.comparingDouble(Similar::similarity).reversed())
			.take(this.settings.similarListed());
	}

	private static double similarity(Case c, Case other) {
		if (c.urlKeys().stream().anyMatch(other.urlKeys()::contains)) {
			return 1;
		}
		return c.signatures()
			.stream()
			.mapToDouble((signature) -> Fingerprints.bestSimilarity(signature, other.signatures()))
			.max()
			.orElse(0);
	}

	/** Another case and how alike it is (1 for the same source). */
	public record Similar(Case c, double similarity) {
	}

}

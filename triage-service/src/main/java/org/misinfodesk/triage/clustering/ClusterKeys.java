package org.misinfodesk.triage.clustering;

import java.util.Collection;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Which cases are filed under which cluster key. Each key is one document with a unique id, so a
 * lookup is a handful of primary-key reads whatever the size of the history. Derived data: it may
 * name cases that since closed or merged, and readers check.
 */
public interface ClusterKeys {

	/** The cases filed under any of the keys, at most {@code limit}. */
	Flux<String> caseIdsFor(Collection<String> keys, int limit);

	Mono<Void> file(Collection<String> keys, String caseId);

}

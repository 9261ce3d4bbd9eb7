package org.misinfodesk.triage.clustering;

import java.util.Collection;
import java.util.List;
import java.util.Map;

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

	/** The cases filed under each of the keys that has any, in the order they were filed. */
	Mono<Map<String, List<String>>> casesUnder(Collection<String> keys);

	Mono<Void> file(Collection<String> keys, String caseId);

	/** Files each case under its keys, all in one command. */
	Mono<Void> file(Map<String, ? extends Collection<String>> keysByCase);

}

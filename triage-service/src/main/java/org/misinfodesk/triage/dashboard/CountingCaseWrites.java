package org.misinfodesk.triage.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.misinfodesk.triage.cases.Case;
import org.misinfodesk.triage.cases.CaseReadModels;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Moves the dashboard's figures with every case write that changed something. Counting happens
 * here and nowhere else, so that the events a case reacts to (reports, decisions, agency responses,
 * deadlines) are each counted by the one write that recorded them; their redeliveries change no
 * case and so count nothing. The case and its counters are two writes: a crash between them loses
 * that change's counts (never counts one twice).
 */
@Service
class CountingCaseWrites implements CaseReadModels {

	private final Tallies tallies;

	private final DashboardSettings settings;

	private final Clock clock;

	CountingCaseWrites(Tallies tallies, DashboardSettings settings, Clock clock) {
		this.tallies = tallies;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public Mono<Void> written(Case before, Case after) {
		return written(List.of(new Written(before, after)));
	}

	@Override
	public Mono<Void> written(List<Written> writes) {
		return Mono.defer(() -> {
			Instant now = this.clock.instant();
			List<ChangeFigures> figures = writes.stream()
				.map((write) -> ChangeFigures.between(write.before(), write.after(), this.settings.timeZone(), now))
				.filter((one) -> !one.isEmpty())
				.toList();
			return figures.isEmpty() ? Mono.empty() : this.tallies.keep(figures);
		});
	}

}

package org.misinfodesk.triage.clustering;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.misinfodesk.platform.outbox.Outbox;
import org.misinfodesk.platform.outbox.OutboxEvent;
import org.misinfodesk.platform.problem.FieldProblem;
import org.misinfodesk.platform.problem.ProblemException;
import org.misinfodesk.triage.cases.AuditAction;
import org.misinfodesk.triage.cases.AuditEntry;
import org.misinfodesk.triage.cases.Case;
import org.misinfodesk.triage.cases.CaseProblems;
import org.misinfodesk.triage.cases.CaseReport;
import org.misinfodesk.triage.cases.CaseSettings;
import org.misinfodesk.triage.cases.CaseStatus;
import org.misinfodesk.triage.cases.Cases;
import org.misinfodesk.triage.cases.ClaimState;
import org.misinfodesk.triage.cases.ReportStatusChanged;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * An analyst folds one open case into another: the reports move to the target, the source stays
 * as {@link CaseStatus#MERGED} pointing at it. Two writes, source first (a report is in one case
 * at a time): if the second keeps failing, the source's audit trail names the reports to move.
 */
@Service
public class MergingCases {

	private final Cases cases;

	private final Fingerprints fingerprints;

	private final Outbox outbox;

	private final CaseSettings settings;

	private final ClusteringSettings clustering;

	private final ClusterKeys keys;

	private final Clock clock;

	MergingCases(Cases cases, Fingerprints fingerprints, Outbox outbox, CaseSettings settings,
			ClusteringSettings clustering, ClusterKeys keys, Clock clock) {
		this.cases = cases;
		this.fingerprints = fingerprints;
		this.outbox = outbox;
		this.settings = settings;
		this.clustering = clustering;
		this.keys = keys;
		this.clock = clock;
	}

	public Mono<Case> merge(String targetId, String sourceId, String analyst) {
		if (sourceId == null || sourceId.isBlank() || sourceId.equals(targetId)) {
			return Mono.error(ProblemException.invalid(List.of(FieldProblem.of("caseId", "invalid"))));
		}
		return Mono.defer(() -> read(targetId).zipWith(read(sourceId)))
			.flatMap((both) -> emptySource(both.getT1(), both.getT2(), analyst))
			.retryWhen(CaseProblems.RETRY_CHANGED_MEANWHILE)
			.flatMap((moved) -> Mono.defer(() -> read(targetId))
				.flatMap((target) -> fill(target, sourceId, moved, analyst))
				.retryWhen(CaseProblems.RETRY_CHANGED_MEANWHILE))
			.flatMap((merged) -> this.keys.file(this.fingerprints.keysOf(merged.signatures(), merged.urlKeys()),
					merged.id()).thenReturn(merged));
	}

	private Mono<Case> read(String id) {
		return this.cases.findById(id).switchIfEmpty(Mono.error(() -> CaseProblems.notFound(id)));
	}

	private Mono<List<CaseReport>> emptySource(Case target, Case source, String analyst) {
		Instant now = now();
		for (Case c : List.of(target, source)) {
			if (!c.status().isOpen()) {
				return Mono.error(CaseProblems.alreadyDecided(c.status()));
			}
			if (c.claimStateFor(analyst, now) == ClaimState.HELD_BY_OTHER) {
				return Mono.error(CaseProblems.claimedByOther(c.claim()));
			}
		}
		List<String> moved = source.reports().stream().map(CaseReport::reportId).toList();
		AuditEntry entry = AuditEntry.of(now, analyst, AuditAction.MERGED_INTO,
				"into %s: reports %s".formatted(target.id(), String.join(", ", moved)));
		Cases.Regrouped emptied = new Cases.Regrouped(CaseStatus.MERGED, List.of(), source.priority(),
				source.firstReportedAt(), source.lastReportedAt(), List.of(), List.of(), target.id(), List.of(entry),
				List.of());
		return this.cases.regroup(source, emptied)
			.map((done) -> source.reports())
			.switchIfEmpty(Mono.error(() -> CaseProblems.changedMeanwhile(source.id())));
	}

	private Mono<Case> fill(Case target, String sourceId, List<CaseReport> moved, String analyst) {
		Instant now = now();
		List<CaseReport> reports = new ArrayList<>(target.reports());
		moved.stream().filter((report) -> !target.holds(report.reportId())).forEach(reports::add);
		Regrouping.Totals totals = Regrouping.of(target, reports, this.fingerprints, this.settings, this.clustering,
				now);
		AuditEntry entry = AuditEntry.of(now, analyst, AuditAction.MERGED,
				"case %s: %d report(s)".formatted(sourceId, moved.size()));
		List<OutboxEvent> events = (target.status() == CaseStatus.IN_REVIEW) ? moved.stream()
			.map((report) -> this.outbox.event(org.misinfodesk.triage.cases.Channels.REPORT_STATUS_CHANGED,
					org.misinfodesk.triage.cases.Channels.REPORTS_STATUS_CHANGED_TOPIC, report.reportId(),
					new ReportStatusChanged(report.reportId(), target.id(), ReportStatusChanged.Status.IN_REVIEW, null,
							now),
					report.traceparent()))
			.toList() : List.of();
		Cases.Regrouped regrouped = new Cases.Regrouped(target.status(), reports, totals.priority(),
				totals.firstReportedAt(), totals.lastReportedAt(), totals.signatures(), totals.urlKeys(), null,
				List.of(entry), events);
		return this.cases.regroup(target, regrouped)
			.switchIfEmpty(Mono.error(() -> CaseProblems.changedMeanwhile(target.id())));
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}

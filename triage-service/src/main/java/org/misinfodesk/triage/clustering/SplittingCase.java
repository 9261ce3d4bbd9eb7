package org.misinfodesk.triage.clustering;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

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
import org.misinfodesk.triage.cases.Priorities;
import org.misinfodesk.triage.cases.Severity;
import org.misinfodesk.triage.cases.Summaries;
import org.misinfodesk.triage.cases.TextSignature;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * An analyst takes a report that does not belong out of an open case into a new case of its own.
 * Two writes, the old case first (a report is in one case at a time); the old case's audit trail
 * names the report and the new case.
 */
@Service
public class SplittingCase {

	private final Cases cases;

	private final Fingerprints fingerprints;

	private final CaseSettings settings;

	private final ClusteringSettings clustering;

	private final ClusterKeys keys;

	private final Clock clock;

	SplittingCase(Cases cases, Fingerprints fingerprints, CaseSettings settings, ClusteringSettings clustering,
			ClusterKeys keys, Clock clock) {
		this.cases = cases;
		this.fingerprints = fingerprints;
		this.settings = settings;
		this.clustering = clustering;
		this.keys = keys;
		this.clock = clock;
	}

	/** @return the new case */
	public Mono<Case> split(String caseId, String reportId, String analyst) {
		if (reportId == null || reportId.isBlank()) {
			return Mono.error(ProblemException.invalid(List.of(FieldProblem.of("reportId", "required"))));
		}
		String newId = "c-" + UUID.randomUUID();
		return Mono.defer(() -> this.cases.findById(caseId))
			.switchIfEmpty(Mono.error(() -> CaseProblems.notFound(caseId)))
			.flatMap((read) -> takeOut(read, reportId, newId, analyst))
			.retryWhen(CaseProblems.RETRY_CHANGED_MEANWHILE)
			.flatMap((report) -> open(report, caseId, newId, analyst));
	}

	private Mono<CaseReport> takeOut(Case read, String reportId, String newId, String analyst) {
		Instant now = now();
		if (!read.status().isOpen()) {
			return Mono.error(CaseProblems.alreadyDecided(read.status()));
		}
		if (read.claimStateFor(analyst, now) == ClaimState.HELD_BY_OTHER) {
			return Mono.error(CaseProblems.claimedByOther(read.claim()));
		}
		CaseReport report = read.reports()
			.stream()
			.filter((r) -> r.reportId().equals(reportId))
			.findFirst()
			.orElse(null);
		if (report == null) {
			return Mono.error(ProblemException.invalid(List.of(FieldProblem.of("reportId", "not-in-case", reportId))));
		}
		if (read.reports().size() < 2) {
			return Mono.error(ProblemException.conflict("split-last-report"));
		}
		List<CaseReport> rest = read.reports().stream().filter((r) -> r != report).toList();
		Regrouping.Totals totals = Regrouping.of(read, rest, this.fingerprints, this.settings, this.clustering, now);
		AuditEntry entry = AuditEntry.of(now, analyst, AuditAction.SPLIT,
				"report %s to %s".formatted(report.trackingCode(), newId));
		return this.cases
			.regroup(read, new Cases.Regrouped(read.status(), rest, totals.priority(), totals.firstReportedAt(),
					totals.lastReportedAt(), totals.signatures(), totals.urlKeys(), null, List.of(entry), List.of()))
			.map((done) -> report)
			.switchIfEmpty(Mono.error(() -> CaseProblems.changedMeanwhile(read.id())));
	}

	private Mono<Case> open(CaseReport report, String fromId, String newId, String analyst) {
		Instant now = now();
		Severity assumed = this.settings.severityOf(report.categoryHint());
		TextSignature signature = this.fingerprints.sign(report.content());
		String urlKey = this.fingerprints.urlKey(report.sourceUrl());
		List<String> urlKeys = (urlKey != null) ? List.of(urlKey) : List.of();
		Case opened = Case.open(report, Priorities.of(assumed, 1, report.lastSeenAt(), now),
				Summaries.of(report.content()), report.submittedAt().plus(this.settings.triageWithin(assumed)),
				AuditEntry.of(now, analyst, AuditAction.SPLIT_FROM, "report %s from %s".formatted(report.trackingCode(),
						fromId)),
				signature, urlKeys);
		Case withId = new Case(newId, CaseStatus.NEW, opened.priority(), opened.summary(), opened.reports(), 1,
				opened.firstReportedAt(), opened.lastReportedAt(), opened.dueAt(), null, null, 0, List.of(),
				opened.audit(), List.of(), 0, opened.category(), opened.localityCode(), opened.signatures(),
				opened.urlKeys(), false, opened.nextDeadlineAt(), null);
		return this.cases.open(withId)
			.flatMap((done) -> this.keys.file(this.fingerprints.keysOf(withId.signatures(), urlKeys), newId))
			.then(this.cases.findById(newId));
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}

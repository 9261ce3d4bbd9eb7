package org.misinfodesk.triage.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.misinfodesk.platform.outbox.Outbox;
import org.misinfodesk.platform.outbox.OutboxEvent;
import org.misinfodesk.triage.cases.AuditAction;
import org.misinfodesk.triage.cases.AuditEntry;
import org.misinfodesk.triage.cases.Case;
import org.misinfodesk.triage.cases.CaseProblems;
import org.misinfodesk.triage.cases.CaseReport;
import org.misinfodesk.triage.cases.CaseSettings;
import org.misinfodesk.triage.cases.CaseStatus;
import org.misinfodesk.triage.cases.Cases;
import org.misinfodesk.triage.cases.Category;
import org.misinfodesk.triage.cases.Evidence;
import org.misinfodesk.triage.cases.Priorities;
import org.misinfodesk.triage.cases.ReportStatusChanged;
import org.misinfodesk.triage.cases.Severity;
import org.misinfodesk.triage.cases.Summaries;
import org.misinfodesk.triage.cases.TextSignature;
import org.misinfodesk.triage.clustering.ClusterKeys;
import org.misinfodesk.triage.clustering.ClusteringSettings;
import org.misinfodesk.triage.clustering.Fingerprints;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Files a submitted report: into the open case about the same information (same source address,
 * or a near-duplicate text), else into a new case of its own. Filing the same report twice leaves
 * it in the one case it is in. Two near-duplicates arriving at the very same moment may still open
 * two cases; analysts merge them.
 */
@Service
public class FilingReport {

	/** Candidate cases read per report, at most. */
	static final int CANDIDATES = 100;

	/** Texts at least this alike add nothing to what the case remembers. */
	static final double SAME_TEXT = 0.9;

	private final Cases cases;

	private final ClusterKeys keys;

	private final Fingerprints fingerprints;

	private final Outbox outbox;

	private final CaseSettings settings;

	private final ClusteringSettings clustering;

	private final Clock clock;

	FilingReport(Cases cases, ClusterKeys keys, Fingerprints fingerprints, Outbox outbox, CaseSettings settings,
			ClusteringSettings clustering, Clock clock) {
		this.cases = cases;
		this.keys = keys;
		this.fingerprints = fingerprints;
		this.outbox = outbox;
		this.settings = settings;
		this.clustering = clustering;
		this.clock = clock;
	}

	/**
	 * @param traceparent the trace the report's event came with, or {@code null}: events about the
	 * report continue it
	 * @return where the report was filed now, or nothing if it was filed already
	 */
	public Mono<Filed> file(ReportSubmitted submitted, String eventId, String traceparent) {
		return Mono.defer(() -> this.cases.findHolding(submitted.reportId()))
			.hasElement()
			.flatMap((alreadyFiled) -> alreadyFiled ? Mono.empty() : fileNew(submitted, eventId, traceparent));
	}

	private Mono<Filed> fileNew(ReportSubmitted submitted, String eventId, String traceparent) {
		Draft draft = draft(submitted, traceparent);
		return Mono.defer(() -> this.keys.caseIdsFor(draft.filedUnder(), CANDIDATES)
			.collectList()
			.flatMap((ids) -> this.cases.findAllById(ids, CaseStatus.OPEN).collectList())
			.flatMap((candidates) -> bestMatch(candidates, draft.signature(), draft.urlKey())
				.map((match) -> join(match.c(), match.reason(), draft.report(), draft.signature(), draft.urlKey(),
						eventId))
				.orElseGet(() -> this.cases.open(caseOf(draft, eventId))
					.map((opened) -> Case.idFor(draft.report().reportId())))))
			.retryWhen(CaseProblems.RETRY_CHANGED_MEANWHILE)
			.flatMap((caseId) -> this.keys.file(draft.filedUnder(), caseId)
				.thenReturn(new Filed(submitted, caseId, traceparent)))
			.onErrorResume(DuplicateKeyException.class, (alreadyFiled) -> Mono.empty());
	}

	/**
	 * The report as filing reads it: its text's signature, its source's key and its cluster keys.
	 * @param traceparent the trace its submission began, kept with it; {@code null} if none
	 */
	Draft draft(ReportSubmitted submitted, String traceparent) {
		CaseReport report = reportOf(submitted, traceparent);
		TextSignature signature = this.fingerprints.sign(report.content());
		String urlKey = this.fingerprints.urlKey(report.sourceUrl());
		List<String> urlKeys = (urlKey != null) ? List.of(urlKey) : List.of();
		return new Draft(report, signature, urlKey,
				this.fingerprints.keysOf((signature != null) ? List.of(signature) : List.of(), urlKeys));
	}

	/** The open case a report belongs to: one with its source address first, else the most alike text. */
	Optional<Match> bestMatch(List<Case> candidates, TextSignature signature, String urlKey) {
		Optional<Case> sameSource = (urlKey == null) ? Optional.empty()
				: candidates.stream()
					.filter((c) -> c.urlKeys().contains(urlKey))
					.max(Comparator.comparingInt(Case::reportCount));
		if (sameSource.isPresent()) {
			return sameSource.map((c) -> new Match(c, "same source"));
		}
		return candidates.stream()
			.map((c) -> new Scored(c, Fingerprints.bestSimilarity(signature, c.signatures())))
			.filter((scored) -> scored.similarity() >= this.clustering.threshold())
			.max(Comparator.comparingDouble(Scored::similarity))
			.map((scored) -> new Match(scored.c(), "similar text %.2f".formatted(scored.similarity())));
	}

	private Mono<String> join(Case read, String reason, CaseReport report, TextSignature signature, String urlKey,
			String eventId) {
		return this.cases.join(read, joined(read, reason, report, signature, urlKey, eventId))
			.map(Case::id)
			.switchIfEmpty(Mono.error(() -> CaseProblems.changedMeanwhile(read.id())));
	}

	/** What adding the report to the case changes (its status event continues the report's trace). */
	Cases.Joined joined(Case read, String reason, CaseReport report, TextSignature signature, String urlKey,
			String eventId) {
		Instant now = now();
		List<CaseReport> reports = new ArrayList<>(read.reports());
		reports.add(report);
		Instant lastSeen = reports.stream().map(CaseReport::lastSeenAt).max(Instant::compareTo).orElse(now);
		Severity severity = (read.decision() != null) ? read.decision().severity()
				: this.settings.severityOf(read.categoryHint());
		int priority = Priorities.of(severity, read.reportCount() + 1, lastSeen, now, read.overdue());
		List<TextSignature> signatures = new ArrayList<>(read.signatures());
		if (signature != null && signatures.size() < this.clustering.signaturesPerCase()
				&& Fingerprints.bestSimilarity(signature, signatures) < SAME_TEXT) {
			signatures.add(signature);
		}
		Set<String> urlKeys = new LinkedHashSet<>(read.urlKeys());
		if (urlKey != null) {
			urlKeys.add(urlKey);
		}
		Instant lastReportedAt = report.submittedAt().isAfter(read.lastReportedAt()) ? report.submittedAt()
				: read.lastReportedAt();
		AuditEntry entry = new AuditEntry(now, AuditEntry.SYSTEM, AuditAction.JOINED,
				"report %s (%s)".formatted(report.trackingCode(), reason), eventId);
		List<OutboxEvent> events = (read.status() == CaseStatus.IN_REVIEW)
				? List.of(statusChanged(report.reportId(), new ReportStatusChanged(report.reportId(), read.id(),
						ReportStatusChanged.Status.IN_REVIEW, null, now), report.traceparent()))
				: List.of();
		return new Cases.Joined(report, priority, lastReportedAt, signatures, List.copyOf(urlKeys), entry, events);
	}

	private OutboxEvent statusChanged(String reportId, ReportStatusChanged changed, String traceparent) {
		String type = org.misinfodesk.triage.cases.Channels.REPORT_STATUS_CHANGED;
		String topic = org.misinfodesk.triage.cases.Channels.REPORTS_STATUS_CHANGED_TOPIC;
		return this.outbox.event(type, topic, reportId, changed, traceparent);
	}

	Case caseOf(CaseReport report, TextSignature signature, List<String> urlKeys, String eventId) {
		Instant now = now();
		Severity assumed = this.settings.severityOf(report.categoryHint());
		int priority = Priorities.of(assumed, 1, report.lastSeenAt(), now);
		Instant dueAt = report.submittedAt().plus(this.settings.triageWithin(assumed));
		AuditEntry received = new AuditEntry(now, AuditEntry.SYSTEM, AuditAction.RECEIVED,
				"report " + report.trackingCode(), eventId);
		return Case.open(report, priority, Summaries.of(report.content()), dueAt, received, signature, urlKeys);
	}

	Case caseOf(ReportSubmitted submitted, String eventId) {
		return caseOf(draft(submitted, null), eventId);
	}

	/** The case a report opens when it joins none. */
	Case caseOf(Draft draft, String eventId) {
		return caseOf(draft.report(), draft.signature(), draft.urlKeys(), eventId);
	}

	static CaseReport reportOf(ReportSubmitted submitted, String traceparent) {
		Category hint = Category.parse(submitted.categoryHint()).orElse(null);
		List<Evidence> evidence = submitted.evidence()
			.stream()
			.map((file) -> new Evidence(file.id(), file.contentType(), file.size(), file.sha256()))
			.toList();
		return new CaseReport(submitted.reportId(), submitted.trackingCode(), submitted.content(),
				submitted.sourceUrl(), submitted.platform(), hint, submitted.localityCode(), submitted.seenAt(),
				submitted.submittedAt(), evidence, traceparent);
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	/** A report filed now, the case it is in, and the trace its event came with ({@code null} if none). */
	public record Filed(ReportSubmitted report, String caseId, String traceparent) {

		/** Whether the report opened its case, rather than joined one. */
		public boolean opened() {
			return this.caseId.equals(Case.idFor(this.report.reportId()));
		}

	}

	/** The case a report joins, and why. */
	record Match(Case c, String reason) {
	}

	/**
	 * A report read for filing.
	 * @param signature its text's MinHash signature, or {@code null} for a text too short to have one
	 * @param urlKey its normalised source address, or {@code null}
	 * @param filedUnder the cluster keys it is filed under
	 */
	record Draft(CaseReport report, TextSignature signature, String urlKey, List<String> filedUnder) {

		List<String> urlKeys() {
			return (this.urlKey != null) ? List.of(this.urlKey) : List.of();
		}

	}

	private record Scored(Case c, double similarity) {
	}

}

package org.misinfodesk.triage.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.misinfodesk.platform.outbox.OutboxEvent;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Reports about one piece of information, triaged and decided together. Changed only by
 * single-document writes that carry their events in {@link #outbox()}; {@code version} grows with
 * every write so that a change computed from a read can be made conditional on nothing having
 * changed since.
 *
 * @param priority higher is more urgent
 * @param dueAt by when the case should be decided
 * @param claim the analyst's lease, or {@code null}
 * @param decision the analyst's decision, or {@code null} while open
 * @param routing how many times the case was routed to agencies
 * @param agencies the agencies it was routed to and their responses
 * @param audit the append-only audit trail
 * @param category the decided category, else the reporters' hint (for filters)
 * @param localityCode the decided locality, else the first report's (for filters)
 * @param signatures MinHash signatures of a few of its reports' texts, to recognise near-duplicates
 * @param urlKeys the normalised source addresses of its reports
 * @param overdue whether a deadline (triage, or an agency's) passed without what it waits for
 * @param nextDeadlineAt the earliest deadline not yet found passed, which the deadline scan looks for
 * @param mergedInto the case that took its reports, once {@link CaseStatus#MERGED}
 */
@Document(Case.COLLECTION)
public record Case(@Id String id, CaseStatus status, int priority, String summary, List<CaseReport> reports,
		int reportCount, Instant firstReportedAt, Instant lastReportedAt, Instant dueAt, Claim claim,
		Decision decision, int routing, List<RoutedAgency> agencies, List<AuditEntry> audit,
		List<OutboxEvent> outbox, long version, Category category, String localityCode,
		List<TextSignature> signatures, List<String> urlKeys, boolean overdue, Instant nextDeadlineAt,
		String mergedInto) {

	public static final String COLLECTION = "cases";

	public Case {
		reports = (reports != null) ? List.copyOf(reports) : List.of();
		agencies = (agencies != null) ? List.copyOf(agencies) : List.of();
		audit = (audit != null) ? List.copyOf(audit) : List.of();
		outbox = (outbox != null) ? List.copyOf(outbox) : List.of();
		signatures = (signatures != null) ? List.copyOf(signatures) : List.of();
		urlKeys = (urlKeys != null) ? List.copyOf(urlKeys) : List.of();
	}

	/** The trace the case's first report began, which its routings continue; {@code null} if none. */
	public String traceparent() {
		return this.reports.isEmpty() ? null : this.reports.get(0).traceparent();
	}

	/**
	 * The id of the case a report opens. Derived from the report so that a redelivered report finds
	 * its case instead of opening another.
	 */
	public static String idFor(String reportId) {
		return "c-" + reportId;
	}

	/** A new case holding one report. */
	public static Case open(CaseReport report, int priority, String summary, Instant dueAt, AuditEntry received,
			TextSignature signature, List<String> urlKeys) {
		return new Case(idFor(report.reportId()), CaseStatus.NEW, priority, summary, List.of(report), 1,
				report.submittedAt(), report.submittedAt(), dueAt, null, null, 0, List.of(), List.of(received),
				List.of(), 0, report.categoryHint(), blankToNull(report.localityCode()),
				(signature != null) ? List.of(signature) : List.of(), urlKeys, false, dueAt, null);
	}

	/**
	 * The case as a join leaves it, worked out in memory the way {@link Cases#join} writes it (the
	 * version aside, which only the store moves): for filing several reports into one case at once.
	 */
	public Case joinedBy(Cases.Joined joined) {
		List<CaseReport> withReport = new ArrayList<>(this.reports);
		withReport.add(joined.report());
		List<AuditEntry> withEntry = new ArrayList<>(this.audit);
		withEntry.add(joined.entry());
		List<OutboxEvent> withEvents = new ArrayList<>(this.outbox);
		withEvents.addAll(joined.events());
		return new Case(this.id, this.status, joined.priority(), this.summary, withReport, this.reportCount + 1,
				this.firstReportedAt, joined.lastReportedAt(), this.dueAt, this.claim, this.decision, this.routing,
				this.agencies, withEntry, withEvents, this.version, this.category, this.localityCode,
				joined.signatures(), joined.urlKeys(), this.overdue, this.nextDeadlineAt, this.mergedInto);
	}

	public ClaimState claimStateFor(String analyst, Instant now) {
		return Claim.stateOf(this.claim, analyst, now);
	}

	/** Who holds an unexpired claim, or {@code null}. */
	public String claimHolderAt(Instant now) {
		return (this.claim != null && this.claim.activeAt(now)) ? this.claim.by() : null;
	}

	/** The category the reporters suggested, from the first report that has one. */
	public Category categoryHint() {
		return this.reports.stream().map(CaseReport::categoryHint).filter(Objects::nonNull).findFirst().orElse(null);
	}

	public List<String> sourceUrls() {
		return this.reports.stream().map(CaseReport::sourceUrl).filter(Objects::nonNull).distinct().toList();
	}

	/** The agencies of the latest routing: the ones whose responses the case now waits for. */
	public List<RoutedAgency> currentAgencies() {
		return this.agencies.stream().filter((agency) -> agency.routing() == this.routing).toList();
	}

	/** Whether an event already left its mark in the audit trail. */
	public boolean hasRecorded(String eventId) {
		return this.audit.stream().anyMatch((entry) -> eventId.equals(entry.eventId()));
	}

	public boolean holds(String reportId) {
		return this.reports.stream().anyMatch((report) -> report.reportId().equals(reportId));
	}

	/** The earliest deadline of the current routing's agencies still to watch, or {@code null}. */
	public static Instant nextAgencyDeadline(List<RoutedAgency> agencies, int routing) {
		return agencies.stream()
			.filter((agency) -> agency.routing() == routing)
			.map(RoutedAgency::nextDeadline)
			.filter(Objects::nonNull)
			.min(Instant::compareTo)
			.orElse(null);
	}

	static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}

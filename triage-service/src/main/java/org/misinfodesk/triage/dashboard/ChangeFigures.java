package org.misinfodesk.triage.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.misinfodesk.triage.cases.AuditAction;
import org.misinfodesk.triage.cases.AuditEntry;
import org.misinfodesk.triage.cases.Case;
import org.misinfodesk.triage.cases.CaseReport;
import org.misinfodesk.triage.cases.CaseStatus;
import org.misinfodesk.triage.cases.Decision;
import org.misinfodesk.triage.cases.RoutedAgency;
import org.misinfodesk.triage.dashboard.Tally.Dimensions;

/**
 * What one case write changes on the dashboard, worked out from the case before and after it: the
 * counters to move, the response times to keep, and the case's line on the overdue list.
 *
 * @param overdue the case's line on the overdue list, or {@code null}
 * @param unlisted whether the case leaves the overdue list
 */
public record ChangeFigures(List<Tally> tallies, List<ResponseSample> responses, OverdueCase overdue,
		boolean unlisted, String caseId, long version) {

	private static final Set<AuditAction> STAGE_STARTS = Set.of(AuditAction.RECEIVED, AuditAction.DECIDED,
			AuditAction.ROUTED, AuditAction.REROUTED, AuditAction.SPLIT_FROM);

	public boolean isEmpty() {
		return this.tallies.isEmpty() && this.responses.isEmpty() && this.overdue == null && !this.unlisted;
	}

	/**
	 * @param before the case as read for the write, or {@code null} when the write opened it
	 * @param now when the write was made, for what the case does not date itself
	 */
	public static ChangeFigures between(Case before, Case after, ZoneId zone, Instant now) {
		Map<String, Tally> tallies = new LinkedHashMap<>();
		List<ResponseSample> responses = new ArrayList<>();
		if (before == null) {
			add(tallies, Tally.of(after.firstReportedAt(), zone, Dimensions.CASES, Tally.ALL, 1));
			add(tallies, Tally.of(after.firstReportedAt(), zone, Dimensions.CASE_STATUS, after.status(), 1));
			if (!after.audit().isEmpty() && after.audit().get(0).action() == AuditAction.RECEIVED) {
				after.reports().forEach((report) -> received(tallies, report, zone));
			}
		}
		else {
			if (added(before, after).stream().anyMatch((entry) -> entry.action() == AuditAction.JOINED)) {
				Set<String> had = before.reports().stream().map(CaseReport::reportId).collect(Collectors.toSet());
				after.reports()
					.stream()
					.filter((report) -> !had.contains(report.reportId()))
					.forEach((report) -> received(tallies, report, zone));
			}
			add(tallies, Tally.of(before.firstReportedAt(), zone, Dimensions.CASE_STATUS, before.status(), -1));
			add(tallies, Tally.of(after.firstReportedAt(), zone, Dimensions.CASE_STATUS, after.status(), 1));
			if (before.decision() == null && after.decision() != null) {
				decided(tallies, after.decision(), zone);
			}
			if (!before.overdue() && after.overdue()) {
				add(tallies, Tally.of(now, zone, Dimensions.OVERDUE, Tally.ALL, 1));
			}
			agencies(tallies, responses, before, after, zone, now);
		}
		tallies.values().removeIf((tally) -> tally.by() == 0);
		boolean listed = after.overdue() && CaseStatus.WITH_DEADLINES.contains(after.status());
		OverdueCase line = listed ? lineOf(after, now) : null;
		boolean unlisted = !listed && before != null && before.overdue();
		return new ChangeFigures(List.copyOf(tallies.values()), List.copyOf(responses), line, unlisted, after.id(),
				after.version());
	}

	private static List<AuditEntry> added(Case before, Case after) {
		int had = before.audit().size();
		return (after.audit().size() > had) ? after.audit().subList(had, after.audit().size()) : List.of();
	}

	private static void received(Map<String, Tally> tallies, CaseReport report, ZoneId zone) {
		add(tallies, Tally.of(report.submittedAt(), zone, Dimensions.REPORTS, Tally.ALL, 1));
		add(tallies, Tally.of(report.submittedAt(), zone, Dimensions.REPORT_CATEGORY, report.categoryHint(), 1));
		add(tallies, Tally.of(report.submittedAt(), zone, Dimensions.REPORT_LOCALITY, report.localityCode(), 1));
	}

	private static void decided(Map<String, Tally> tallies, Decision decision, ZoneId zone) {
		add(tallies, Tally.of(decision.at(), zone, Dimensions.DECISIONS, Tally.ALL, 1));
		add(tallies, Tally.of(decision.at(), zone, Dimensions.DECISION_CATEGORY, decision.category(), 1));
		add(tallies, Tally.of(decision.at(), zone, Dimensions.DECISION_LOCALITY, decision.localityCode(), 1));
		add(tallies, Tally.of(decision.at(), zone, Dimensions.DECISION_VERDICT, decision.verdict(), 1));
	}

	private static void agencies(Map<String, Tally> tallies, List<ResponseSample> responses, Case before, Case after,
			ZoneId zone, Instant now) {
		Map<String, RoutedAgency> was = new LinkedHashMap<>();
		before.agencies().forEach((agency) -> was.put(agency.agencyId() + "|" + agency.routing(), agency));
		for (RoutedAgency agency : after.agencies()) {
			RoutedAgency old = was.get(agency.agencyId() + "|" + agency.routing());
			if (old == null) {
				add(tallies, Tally.of((agency.routedAt() != null) ? agency.routedAt() : now, zone,
						Dimensions.AGENCY_ROUTED, agency.agencyId(), 1));
			}
			if ((old == null || old.acknowledgedAt() == null) && agency.acknowledgedAt() != null) {
				add(tallies, Tally.of(agency.acknowledgedAt(), zone, Dimensions.AGENCY_ACKNOWLEDGED, agency.agencyId(), 1));
				sample(responses, agency, ResponseSample.Kind.ACKNOWLEDGEMENT, agency.acknowledgedAt(), zone);
			}
			if ((old == null || old.resolvedAt() == null) && agency.resolvedAt() != null) {
				add(tallies, Tally.of(agency.resolvedAt(), zone, Dimensions.AGENCY_RESOLVED, agency.agencyId(), 1));
				sample(responses, agency, ResponseSample.Kind.RESOLUTION, agency.resolvedAt(), zone);
			}
			if ((old == null || old.acknowledgementOverdueAt() == null) && agency.acknowledgementOverdueAt() != null) {
				add(tallies, Tally.of(agency.acknowledgementOverdueAt(), zone, Dimensions.AGENCY_LATE, agency.agencyId(),
						1));
			}
			if ((old == null || old.resolutionOverdueAt() == null) && agency.resolutionOverdueAt() != null) {
				add(tallies, Tally.of(agency.resolutionOverdueAt(), zone, Dimensions.AGENCY_LATE, agency.agencyId(), 1));
			}
		}
	}

	/** Only a routing that kept its time can be timed. */
	private static void sample(List<ResponseSample> responses, RoutedAgency agency, ResponseSample.Kind kind,
			Instant at, ZoneId zone) {
		if (agency.routedAt() == null) {
			return;
		}
		long seconds = Math.max(0, Duration.between(agency.routedAt(), at).toSeconds());
		responses.add(new ResponseSample(java.time.LocalDate.ofInstant(at, zone), agency.agencyId(), kind, seconds));
	}

	private static OverdueCase lineOf(Case c, Instant now) {
		List<String> late = c.status().isOpen() ? List.of()
				: c.currentAgencies()
					.stream()
					.filter((agency) -> agency.lateOrMarkedAt(now))
					.map(RoutedAgency::agencyId)
					.distinct()
					.toList();
		Instant stageStart = c.audit()
			.stream()
			.filter((entry) -> STAGE_STARTS.contains(entry.action()))
			.map(AuditEntry::at)
			.max(Comparator.naturalOrder())
			.orElse(Instant.MIN);
		Instant since = c.audit()
			.stream()
			.filter((entry) -> entry.action() == AuditAction.OVERDUE && !entry.at().isBefore(stageStart))
			.map(AuditEntry::at)
			.min(Comparator.naturalOrder())
			.orElse(now);
		return new OverdueCase(c.id(), c.summary(), c.status(), c.priority(),
				(c.category() != null) ? c.category().name() : null, c.localityCode(), dueOf(c), late, since,
				c.version());
	}

	/** The deadline that was missed first: the triage deadline, else the earliest missed agency one. */
	private static Instant dueOf(Case c) {
		if (c.status().isOpen()) {
			return c.dueAt();
		}
		return c.currentAgencies()
			.stream()
			.flatMap((agency) -> java.util.stream.Stream.of(
					(agency.acknowledgementOverdueAt() != null) ? agency.dueAt() : null,
					(agency.resolutionOverdueAt() != null) ? agency.resolveDueAt() : null))
			.filter(java.util.Objects::nonNull)
			.min(Comparator.naturalOrder())
			.orElse(c.dueAt());
	}

	private static void add(Map<String, Tally> tallies, Tally tally) {
		tallies.merge(tally.id(), tally, (a, b) -> a.plus(b.by()));
	}

}

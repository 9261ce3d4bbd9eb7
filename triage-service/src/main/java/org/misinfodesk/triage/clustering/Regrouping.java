package org.misinfodesk.triage.clustering;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.misinfodesk.triage.cases.Case;
import org.misinfodesk.triage.cases.CaseReport;
import org.misinfodesk.triage.cases.CaseSettings;
import org.misinfodesk.triage.cases.Priorities;
import org.misinfodesk.triage.cases.Severity;
import org.misinfodesk.triage.cases.TextSignature;

/** What a case's reports add up to once they change: priority, times, signatures, source keys. */
final class Regrouping {

	private Regrouping() {
	}

	record Totals(int priority, Instant firstReportedAt, Instant lastReportedAt, List<TextSignature> signatures,
			List<String> urlKeys) {
	}

	static Totals of(Case c, List<CaseReport> reports, Fingerprints fingerprints, CaseSettings settings,
			ClusteringSettings clustering, Instant now) {
		Instant first = reports.stream().map(CaseReport::submittedAt).min(Instant::compareTo).orElse(now);
		Instant last = reports.stream().map(CaseReport::submittedAt).max(Instant::compareTo).orElse(now);
		Instant lastSeen = reports.stream().map(CaseReport::lastSeenAt).max(Instant::compareTo).orElse(now);
		Severity severity = (c.decision() != null) ? c.decision().severity() : settings.severityOf(c.categoryHint());
		int priority = Priorities.of(severity, reports.size(), lastSeen, now, c.overdue());
		List<TextSignature> signatures = new ArrayList<>();
		Set<String> urlKeys = new LinkedHashSet<>();
		for (CaseReport report : reports) {
			TextSignature signature = fingerprints.sign(report.content());
			if (signature != null && signatures.size() < clustering.signaturesPerCase()
					&& Fingerprints.bestSimilarity(signature, signatures) < 0.9) {
				signatures.add(signature);
			}
			String urlKey = fingerprints.urlKey(report.sourceUrl());
			if (urlKey != null) {
				urlKeys.add(urlKey);
			}
		}
		return new Totals(priority, first, last, signatures, List.copyOf(urlKeys));
	}

}

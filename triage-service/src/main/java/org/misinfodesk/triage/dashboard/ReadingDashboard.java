package org.misinfodesk.triage.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

import org.misinfodesk.triage.cases.CaseStatus;
import org.misinfodesk.triage.cases.Category;
import org.misinfodesk.triage.dashboard.Dashboard.AgencyFigures;
import org.misinfodesk.triage.dashboard.Dashboard.Day;
import org.misinfodesk.triage.dashboard.Dashboard.ResponseTimes;
import org.misinfodesk.triage.dashboard.Dashboard.Share;
import org.misinfodesk.triage.dashboard.Tally.Dimensions;
import org.misinfodesk.triage.routing.RoutingSettings;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Puts a period's dashboard together from the stored counters, response times and overdue list;
 * how many cases there are does not change what it reads.
 */
@Service
public class ReadingDashboard {

	/** Localities shown, most reported first; the rest are summed into one line. */
	static final int LOCALITIES = 20;

	static final String OTHER_LOCALITIES = "OTHERS";

	private final Tallies tallies;

	private final DashboardSettings settings;

	private final RoutingSettings routing;

	ReadingDashboard(Tallies tallies, DashboardSettings settings, RoutingSettings routing) {
		this.tallies = tallies;
		this.settings = settings;
		this.routing = routing;
	}

	public Mono<Dashboard> read(Period period) {
		return Mono.zip(this.tallies.counted(period.from(), period.to()).collectList(),
				this.tallies.overdue(this.settings.overdueListed()).collectList())
			.flatMap((read) -> this.tallies.responses(period.from(), period.to(), responding(read.getT1()))
				.collectList()
				.map((responses) -> assemble(period, read.getT1(), responses, read.getT2())));
	}

	/** The agencies that may have responded in the period: the configured ones and any counted as responding. */
	private Set<String> responding(List<Tally> counted) {
		Set<String> agencies = new LinkedHashSet<>();
		this.routing.agencies().forEach((agency) -> agencies.add(agency.id()));
		counted.stream()
			.filter((tally) -> Dimensions.AGENCY_ACKNOWLEDGED.equals(tally.dimension())
					|| Dimensions.AGENCY_RESOLVED.equals(tally.dimension()))
			.forEach((tally) -> agencies.add(tally.value()));
		return agencies;
	}

	Dashboard assemble(Period period, List<Tally> counted, List<TimedResponses> responses,
			List<OverdueCase> overdue) {
		Map<String, Map<String, Long>> byDimension = new HashMap<>();
		Map<LocalDate, Map<String, Long>> byDay = new HashMap<>();
		for (Tally tally : counted) {
			byDimension.computeIfAbsent(tally.dimension(), (d) -> new HashMap<>()).merge(tally.value(), tally.by(), Long::sum);
			if (Tally.ALL.equals(tally.value())) {
				byDay.computeIfAbsent(tally.day(), (d) -> new HashMap<>()).merge(tally.dimension(), tally.by(), Long::sum);
			}
		}
		List<Day> days = period.days().stream().map((day) -> {
			Map<String, Long> counts = byDay.getOrDefault(day, Map.of());
			return new Day(day, counts.getOrDefault(Dimensions.REPORTS, 0L), counts.getOrDefault(Dimensions.CASES, 0L),
					counts.getOrDefault(Dimensions.DECISIONS, 0L), counts.getOrDefault(Dimensions.OVERDUE, 0L));
		}).toList();
		Dashboard.Totals totals = new Dashboard.Totals(total(byDimension, Dimensions.REPORTS),
				total(byDimension, Dimensions.CASES), total(byDimension, Dimensions.DECISIONS),
				total(byDimension, Dimensions.OVERDUE));
		return new Dashboard(period.from(), period.to(), this.settings.timeZone().getId(), totals, days,
				categories(byDimension), localities(byDimension), statuses(byDimension),
				agencies(byDimension, responses), overdue);
	}

	private static long total(Map<String, Map<String, Long>> byDimension, String dimension) {
		return byDimension.getOrDefault(dimension, Map.of()).values().stream().mapToLong(Long::longValue).sum();
	}

	private static List<Share> categories(Map<String, Map<String, Long>> byDimension) {
		Map<String, Long> reports = byDimension.getOrDefault(Dimensions.REPORT_CATEGORY, Map.of());
		Map<String, Long> decisions = byDimension.getOrDefault(Dimensions.DECISION_CATEGORY, Map.of());
		Set<String> keys = new LinkedHashSet<>();
		for (Category category : Category.values()) {
			keys.add(category.name());
		}
		keys.addAll(reports.keySet());
		keys.addAll(decisions.keySet());
		return keys.stream()
			.map((key) -> new Share(key, reports.getOrDefault(key, 0L), decisions.getOrDefault(key, 0L)))
			.filter((share) -> share.reports() + share.decisions() > 0 || !Tally.NONE.equals(share.key()))
			.toList();
	}

	private static List<Share> localities(Map<String, Map<String, Long>> byDimension) {
		Map<String, Long> reports = byDimension.getOrDefault(Dimensions.REPORT_LOCALITY, Map.of());
		Map<String, Long> decisions = byDimension.getOrDefault(Dimensions.DECISION_LOCALITY, Map.of());
		Set<String> keys = new LinkedHashSet<>(reports.keySet());
		keys.addAll(decisions.keySet());
		List<Share> all = keys.stream()
			.map((key) -> new Share(key, reports.getOrDefault(key, 0L), decisions.getOrDefault(key, 0L)))
			.filter((share) -> share.reports() + share.decisions() > 0)
			.sorted(Comparator.comparingLong(Share::reports)
				.thenComparingLong(Share::decisions)
				.reversed()
				.thenComparing(Share::key))
			.toList();
		if (all.size() <= LOCALITIES) {
			return all;
		}
		List<Share> shown = new ArrayList<>(all.subList(0, LOCALITIES));
		List<Share> rest = all.subList(LOCALITIES, all.size());
		shown.add(new Share(OTHER_LOCALITIES, rest.stream().mapToLong(Share::reports).sum(),
				rest.stream().mapToLong(Share::decisions).sum()));
		return shown;
	}

	private static Map<String, Long> statuses(Map<String, Map<String, Long>> byDimension) {
		Map<String, Long> counted = byDimension.getOrDefault(Dimensions.CASE_STATUS, Map.of());
		Map<CaseStatus, Long> statuses = new EnumMap<>(CaseStatus.class);
		for (CaseStatus status : CaseStatus.values()) {
			statuses.put(status, Math.max(0, counted.getOrDefault(status.name(), 0L)));
		}
		Map<String, Long> named = new LinkedHashMap<>();
		statuses.forEach((status, count) -> named.put(status.name(), count));
		return named;
	}

	private List<AgencyFigures> agencies(Map<String, Map<String, Long>> byDimension,
			List<TimedResponses> responses) {
		Map<String, String> names = new LinkedHashMap<>();
		this.routing.agencies().forEach((agency) -> names.put(agency.id(), agency.name()));
		for (String dimension : List.of(Dimensions.AGENCY_ROUTED, Dimensions.AGENCY_ACKNOWLEDGED,
				Dimensions.AGENCY_RESOLVED, Dimensions.AGENCY_LATE)) {
			byDimension.getOrDefault(dimension, Map.of()).keySet().forEach((id) -> names.putIfAbsent(id, id));
		}
		responses.forEach((timed) -> names.putIfAbsent(timed.agencyId(), timed.agencyId()));
		return names.entrySet()
			.stream()
			.map((agency) -> new AgencyFigures(agency.getKey(), agency.getValue(),
					count(byDimension, Dimensions.AGENCY_ROUTED, agency.getKey()),
					count(byDimension, Dimensions.AGENCY_ACKNOWLEDGED, agency.getKey()),
					count(byDimension, Dimensions.AGENCY_RESOLVED, agency.getKey()),
					count(byDimension, Dimensions.AGENCY_LATE, agency.getKey()),
					times(responses, agency.getKey(), ResponseSample.Kind.ACKNOWLEDGEMENT),
					times(responses, agency.getKey(), ResponseSample.Kind.RESOLUTION)))
			.toList();
	}

	private static long count(Map<String, Map<String, Long>> byDimension, String dimension, String value) {
		return byDimension.getOrDefault(dimension, Map.of()).getOrDefault(value, 0L);
	}

	static ResponseTimes times(List<TimedResponses> responses, String agencyId, ResponseSample.Kind kind) {
		NavigableMap<Long, Long> seconds = new TreeMap<>();
		responses.stream()
			.filter((timed) -> timed.agencyId().equals(agencyId) && timed.kind() == kind)
			.forEach((timed) -> seconds.merge(timed.seconds(), timed.count(), Long::sum));
		long count = seconds.values().stream().mapToLong(Long::longValue).sum();
		return new ResponseTimes(Math.toIntExact(count), Quantiles.of(seconds, 0.5), Quantiles.of(seconds, 0.9));
	}

}

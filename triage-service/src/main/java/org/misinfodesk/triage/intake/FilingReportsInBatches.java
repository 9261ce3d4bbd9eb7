package org.misinfodesk.triage.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.misinfodesk.triage.cases.Case;
import org.misinfodesk.triage.cases.CaseStatus;
import org.misinfodesk.triage.cases.Cases;
import org.misinfodesk.triage.clustering.ClusterKeys;
import org.misinfodesk.triage.intake.FilingReport.Filed;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Files the reports of one poll of the topic together, as {@link FilingReport} files one, but with
 * a handful of store commands for the whole batch instead of ten or so for each report: one read
 * of which reports are filed already, one of their cluster keys, one of the candidate cases, one
 * insert of the new cases, one write per case that reports join, and one write per read model.
 * <p>
 * The reports are matched one after another in the order they came, against the stored cases and
 * the cases the batch opened or joined before them, so a batch files its reports into the same
 * cases as filing them one by one would. The cases are written only at the end: a case that someone
 * else changed meanwhile, or opened with one of the batch's reports, is not written, and its
 * reports are filed again one by one.
 */
@Service
public class FilingReportsInBatches {

	private final FilingReport one;

	private final Cases cases;

	private final ClusterKeys keys;

	FilingReportsInBatches(FilingReport one, Cases cases, ClusterKeys keys) {
		this.one = one;
		this.cases = cases;
		this.keys = keys;
	}

	/**
	 * @return the reports filed now, rather than found already filed (a report twice in the batch
	 * counts once), and their cases
	 */
	public Mono<List<Filed>> file(List<Submission> submissions) {
		Map<String, Submission> byReport = new LinkedHashMap<>();
		submissions.forEach((submission) -> byReport.putIfAbsent(submission.report().reportId(), submission));
		return Mono.defer(() -> this.cases.findHeld(byReport.keySet()))
			.map((held) -> byReport.values()
				.stream()
				.filter((submission) -> !held.contains(submission.report().reportId()))
				.map(this::draft)
				.toList())
			.flatMap(this::plan)
			.flatMap(this::write);
	}

	private Draft draft(Submission submission) {
		return new Draft(submission, this.one.draft(submission.report(), submission.traceparent()));
	}

	/** Reads what the drafts' keys name, then matches them one after another. */
	private Mono<Plan> plan(List<Draft> drafts) {
		if (drafts.isEmpty()) {
			return Mono.just(new Plan(List.of()));
		}
		Set<String> allKeys = drafts.stream()
			.flatMap((draft) -> draft.filedUnder().stream())
			.collect(Collectors.toCollection(LinkedHashSet::new));
		return this.keys.casesUnder(allKeys).flatMap((filed) -> {
			Set<String> candidateIds = drafts.stream()
				.flatMap((draft) -> candidates(draft, filed).stream())
				.collect(Collectors.toSet());
			return this.cases.findAllById(candidateIds, CaseStatus.OPEN)
				.collectMap(Case::id, Function.identity())
				.map((stored) -> {
					Plan plan = new Plan(drafts);
					plan.match(this.one, stored, filed);
					return plan;
				});
		});
	}

	/** The cases a draft's keys name, at most {@link FilingReport#CANDIDATES}, the first-filed first. */
	private static List<String> candidates(Draft draft, Map<String, List<String>> filed) {
		Set<String> ids = new LinkedHashSet<>();
		for (String key : draft.filedUnder()) {
			for (String caseId : filed.getOrDefault(key, List.of())) {
				if (ids.size() == FilingReport.CANDIDATES) {
					return List.copyOf(ids);
				}
				ids.add(caseId);
			}
		}
		return List.copyOf(ids);
	}

	private Mono<List<Filed>> write(Plan plan) {
		if (plan.drafts.isEmpty()) {
			return Mono.just(List.of());
		}
		return this.cases.file(List.copyOf(plan.opened.values()), plan.joinings())
			.map(Case::id)
			.collect(Collectors.toSet())
			.flatMap((written) -> {
				Map<String, Set<String>> keysOfWritten = new LinkedHashMap<>(plan.keysByCase);
				keysOfWritten.keySet().retainAll(written);
				List<Filed> filed = new ArrayList<>();
				List<Submission> again = new ArrayList<>();
				plan.caseOf.forEach((draft, caseId) -> {
					if (written.contains(caseId)) {
						filed.add(new Filed(draft.submission().report(), caseId, draft.submission().traceparent()));
					}
					else {
						again.add(draft.submission());
					}
				});
				return this.keys.file(keysOfWritten)
					.then(Flux.fromIterable(again)
						.concatMap((submission) -> this.one.file(submission.report(), submission.eventId(),
								submission.traceparent()))
						.collectList())
					.map((filedAgain) -> {
						filed.addAll(filedAgain);
						return filed;
					});
			});
	}

	/**
	 * A report to file, the id of the event that brought it, and the trace that event came with
	 * ({@code null} if none): events about the report continue that trace.
	 */
	public record Submission(ReportSubmitted report, String eventId, String traceparent) {
	}

	/** A report of the batch, read for filing. */
	private record Draft(Submission submission, FilingReport.Draft read) {

		List<String> filedUnder() {
			return this.read.filedUnder();
		}

	}

	/** Where each report of the batch goes, and what that writes. */
	private static final class Plan {

		final List<Draft> drafts;

		/** Cases the batch opens, with the batch's reports that joined them. */
		final Map<String, Case> opened = new LinkedHashMap<>();

		/** Stored cases as read, which the batch's reports join. */
		final Map<String, Case> read = new LinkedHashMap<>();

		final Map<String, List<Cases.Joined>> joined = new LinkedHashMap<>();

		final Map<Draft, String> caseOf = new LinkedHashMap<>();

		final Map<String, Set<String>> keysByCase = new LinkedHashMap<>();

		Plan(List<Draft> drafts) {
			this.drafts = drafts;
		}

		/**
		 * @param stored the open cases the drafts' keys name
		 * @param filed the cases filed under each key, as stored
		 */
		void match(FilingReport one, Map<String, Case> stored, Map<String, List<String>> filed) {
			Map<String, Case> current = new LinkedHashMap<>(stored);
			Map<String, List<String>> under = new LinkedHashMap<>();
			filed.forEach((key, caseIds) -> under.put(key, new ArrayList<>(caseIds)));
			for (Draft draft : this.drafts) {
				List<Case> candidates = candidates(draft, under).stream()
					.map(current::get)
					.filter((found) -> found != null)
					.toList();
				FilingReport.Draft read = draft.read();
				Optional<FilingReport.Match> match = one.bestMatch(candidates, read.signature(), read.urlKey());
				Case after;
				if (match.isPresent()) {
					Case target = match.get().c();
					Cases.Joined joined = one.joined(target, match.get().reason(), read.report(), read.signature(),
							read.urlKey(), draft.submission().eventId());
					after = target.joinedBy(joined);
					if (this.opened.containsKey(target.id())) {
						this.opened.put(target.id(), after);
					}
					else {
						this.read.putIfAbsent(target.id(), stored.get(target.id()));
						this.joined.computeIfAbsent(target.id(), (first) -> new ArrayList<>()).add(joined);
					}
				}
				else {
					after = one.caseOf(read, draft.submission().eventId());
					this.opened.put(after.id(), after);
				}
				current.put(after.id(), after);
				this.caseOf.put(draft, after.id());
				// only the keys the case is not filed under yet: a report that repeats one already in
				// the case (a copied text, a shared link) writes no key at all
				Set<String> newKeys = this.keysByCase.computeIfAbsent(after.id(), (first) -> new LinkedHashSet<>());
				for (String key : draft.filedUnder()) {
					List<String> caseIds = under.computeIfAbsent(key, (first) -> new ArrayList<>());
					if (!caseIds.contains(after.id())) {
						caseIds.add(after.id());
						newKeys.add(key);
					}
				}
			}
		}

		List<Cases.Joining> joinings() {
			return this.joined.entrySet()
				.stream()
				.map((joins) -> new Cases.Joining(this.read.get(joins.getKey()), joins.getValue()))
				.toList();
		}

	}

}

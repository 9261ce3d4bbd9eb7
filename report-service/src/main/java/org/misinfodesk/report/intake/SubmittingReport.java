package org.misinfodesk.report.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.misinfodesk.platform.outbox.Outbox;
import org.misinfodesk.platform.outbox.OutboxEvent;
import org.misinfodesk.platform.problem.FieldProblem;
import org.misinfodesk.platform.problem.ProblemException;
import org.misinfodesk.report.abuse.BannedContacts;
import org.misinfodesk.report.evidence.Evidence;
import org.misinfodesk.report.evidence.EvidenceChecks;
import org.misinfodesk.report.evidence.EvidenceFiles;
import org.misinfodesk.report.evidence.Upload;
import org.misinfodesk.report.locality.AdministrativeUnits;
import org.misinfodesk.report.privacy.ContactProtection;
import org.misinfodesk.report.privacy.SealedContact;
import org.misinfodesk.report.tracking.Status;
import org.misinfodesk.report.tracking.StatusEntry;
import org.misinfodesk.report.tracking.TrackingCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Takes a citizen's report in: checks it, gives it a tracking code, and stores it together with the
 * event that announces it, in one document write.
 */
@Service
public class SubmittingReport {

	/** Codes are drawn from 2^40; more than one clash in a row means something else is wrong. */
	static final int CODE_ATTEMPTS = 5;

	private static final Logger log = LoggerFactory.getLogger(SubmittingReport.class);

	private final ReportRules rules;

	private final Reports reports;

	private final TrackingCodes codes;

	private final ContactProtection protection;

	private final Outbox outbox;

	private final Clock clock;

	private final EvidenceChecks evidenceChecks;

	private final EvidenceFiles evidenceFiles;

	private final IntakeMetrics metrics;

	@Autowired
	SubmittingReport(IntakeSettings settings, Reports reports, TrackingCodes codes, ContactProtection protection,
			Outbox outbox, Clock clock, EvidenceChecks evidenceChecks, EvidenceFiles evidenceFiles,
			AdministrativeUnits localities, BannedContacts banned, IntakeMetrics metrics) {
		this(new ReportRules(settings, clock, localities::isKnown, banned), reports, codes, protection, outbox, clock,
				evidenceChecks, evidenceFiles, metrics);
	}

	SubmittingReport(ReportRules rules, Reports reports, TrackingCodes codes, ContactProtection protection,
			Outbox outbox, Clock clock, EvidenceChecks evidenceChecks, EvidenceFiles evidenceFiles,
			IntakeMetrics metrics) {
		this.metrics = metrics;
		this.rules = rules;
		this.reports = reports;
		this.codes = codes;
		this.protection = protection;
		this.outbox = outbox;
		this.clock = clock;
		this.evidenceChecks = evidenceChecks;
		this.evidenceFiles = evidenceFiles;
	}

	/**
	 * @param idempotencyKey the client's {@code Idempotency-Key}, or {@code null}
	 * @param language the language of the request, kept for what the citizen is told later
	 * @return the receipt, or an error: a {@link ProblemException} when the report breaks a rule
	 * ({@code 400}) or the key was used for a different report ({@code 422})
	 */
	public Mono<Receipt> submit(ReportDraft draft, String idempotencyKey, Locale language) {
		return submit(draft, List.of(), idempotencyKey, language);
	}

	/**
	 * @param uploads the attached files as sent; refused with the report's other problems when any
	 * breaks a rule
	 */
	public Mono<Receipt> submit(ReportDraft draft, List<Upload> uploads, String idempotencyKey, Locale language) {
		return Mono.defer(() -> {
			Submission submission = check(draft, uploads, idempotencyKey);
			Optional<IdempotentRequest> idempotent = Optional.ofNullable(submission.idempotencyKey())
				.map((key) -> new IdempotentRequest(key, this.protection.fingerprint(submission.canonical())));
			String id = idempotent.map(IdempotentRequest::reportId).orElseGet(() -> UUID.randomUUID().toString());
			Mono<Receipt> store = Mono.defer(() -> storeFilesThenReport(id, submission, idempotent,
					languageOf(language)));
			if (idempotent.isEmpty()) {
				return store;
			}
			return this.reports.findById(id).map((earlier) -> answer(earlier, idempotent.get())).switchIfEmpty(store);
		}).doOnNext(this.metrics::received).doOnError(ProblemException.class, this.metrics::refused);
	}

	private Submission check(ReportDraft draft, List<Upload> uploads, String idempotencyKey) {
		EvidenceChecks.Checked files = this.evidenceChecks.check(uploads);
		Submission submission;
		try {
			submission = this.rules.check(draft, idempotencyKey);
		}
		catch (ProblemException problem) {
			if (files.problems().isEmpty() || !problem.slug().equals("validation")) {
				throw problem;
			}
			List<FieldProblem> all = new ArrayList<>(problem.fieldProblems());
			all.addAll(files.problems());
			throw ProblemException.invalid(all);
		}
		if (!files.problems().isEmpty()) {
			throw ProblemException.invalid(files.problems());
		}
		return submission.withEvidence(files.files());
	}

	/**
	 * Files first, then the report that refers to them: a report is never announced with evidence
	 * that is not there. Files of a report that then loses a race on its key are removed again.
	 */
	private Mono<Receipt> storeFilesThenReport(String id, Submission submission,
			Optional<IdempotentRequest> idempotent, String language) {
		return Flux.fromIterable(submission.evidence())
			.concatMap((file) -> this.evidenceFiles.store(id, file))
			.collectList()
			.flatMap((evidence) -> store(id, submission, evidence, idempotent, language, 1)
				.flatMap((receipt) -> receipt.replayed() ? remove(evidence).thenReturn(receipt) : Mono.just(receipt))
				.onErrorResume(ProblemException.class, (refused) -> remove(evidence).then(Mono.error(refused))));
	}

	private Mono<Void> remove(List<Evidence> evidence) {
		return evidence.isEmpty() ? Mono.empty() : this.evidenceFiles.delete(evidence);
	}

	private Mono<Receipt> store(String id, Submission submission, List<Evidence> evidence,
			Optional<IdempotentRequest> idempotent, String language, int attempt) {
		Report report = newReport(id, submission, evidence, idempotent, language);
		return this.reports.insert(report).map((stored) -> {
			this.outbox.wake(Reports.COLLECTION, stored.id(), stored.outbox());
			log.info("Report {} received as {} with {} evidence files", stored.id(), stored.trackingCode(),
					evidence.size());
			return Receipt.of(stored, false);
		}).onErrorResume(DuplicateKeyException.class, (clash) -> this.reports.findById(id)
			// the id is taken only by an earlier request with the same key; otherwise the code clashed
			.map((earlier) -> answer(earlier, idempotent.orElseThrow(() -> clash)))
			.switchIfEmpty(Mono.defer(() -> (attempt < CODE_ATTEMPTS)
					? store(id, submission, evidence, idempotent, language, attempt + 1)
					: Mono.error(new IllegalStateException("No free tracking code in " + attempt + " attempts",
							clash)))));
	}

	private Report newReport(String id, Submission submission, List<Evidence> evidence,
			Optional<IdempotentRequest> idempotent, String language) {
		String code = this.codes.next().value();
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		OutboxEvent submitted = this.outbox.event(ReportSubmitted.TYPE, ReportSubmitted.TOPIC, id,
				ReportSubmitted.of(id, code, submission, now, language, evidence));
		SealedContact contact = submission.contact() == null ? null : this.protection.seal(submission.contact(), id);
		return new Report(id, code, Status.RECEIVED, List.of(StatusEntry.received(now)), null, submission.content(),
				submission.sourceUrl(), submission.originalSourceUrl(), submission.platform(),
				submission.categoryHint(), submission.localityCode(), submission.seenAt(), now, language, evidence,
				contact, idempotent.map(IdempotentRequest::fingerprint).orElse(null), List.of(submitted));
	}

	private static Receipt answer(Report earlier, IdempotentRequest request) {
		return switch (request.against(earlier.requestFingerprint())) {
			case REPLAY -> Receipt.of(earlier, true);
			case CONFLICT -> throw ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused");
		};
	}

	private static String languageOf(Locale locale) {
		return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? "en" : "vi";
	}

}

package org.misinfodesk.notification.acknowledgement;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.misinfodesk.notification.text.Wording;
import org.misinfodesk.platform.outbox.Outbox;
import org.misinfodesk.platform.problem.FieldProblem;
import org.misinfodesk.platform.problem.LanguageResolver;
import org.misinfodesk.platform.problem.ProblemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * An agency confirms that it received a routed case, and later reports what it did about it. Every
 * alert of one routing to one agency carries the same link; the first acknowledgement and the first
 * outcome count, later ones change nothing.
 */
@Service
public class AcknowledgingCase {

	public static final int MAX_NOTE = 4000;

	public static final int MAX_LISTED = 500;

	static final String PATH = "/acknowledgements/";

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

	private static final SecureRandom random = new SecureRandom();

	private final Acknowledgements acknowledgements;

	private final Outbox outbox;

	private final Clock clock;

	private final String baseUrl;

	private final Duration validity;

	private final Wording wording;

	private final List<String> contacts;

	AcknowledgingCase(Acknowledgements acknowledgements, Outbox outbox, Clock clock,
			AcknowledgementSettings settings, Wording wording) {
		this.acknowledgements = acknowledgements;
		this.outbox = outbox;
		this.clock = clock;
		this.baseUrl = settings.publicBaseUrl().toString().replaceAll("/+$", "");
		this.validity = settings.acknowledgements().linkValidity();
		this.wording = wording;
		this.contacts = settings.supervisors().emails();
	}

	/** Whom an agency whose link no longer works should write to for a new one. */
	public List<String> contacts() {
		return this.contacts;
	}

	/** The acknowledgement of one routing to one agency, if this service alerted the agency of it. */
	public Mono<Acknowledgement> findRouting(String caseId, int routing, String agencyId) {
		return this.acknowledgements.findByKey(Acknowledgement.keyOf(caseId, routing, agencyId));
	}

	public String urlOf(Acknowledgement acknowledgement) {
		return this.baseUrl + PATH + acknowledgement.token();
	}

	/**
	 * Opens the acknowledgement of one routing to one agency, or finds the one already open.
	 * @return the link the agency's alerts carry
	 */
	public Mono<AcknowledgementLink> open(RoutedCase routed, String agencyId, String agencyName) {
		Acknowledgement candidate = Acknowledgement.awaiting(newToken(), agencyId, agencyName, routed, now());
		return this.acknowledgements.open(candidate)
			.map((opened) -> new AcknowledgementLink(opened.token(), this.baseUrl + PATH + opened.token()));
	}

	public Mono<Acknowledgement> find(String token) {
		if (token == null || !TOKEN.matcher(token).matches()) {
			return Mono.error(unknown());
		}
		return this.acknowledgements.find(token).switchIfEmpty(Mono.error(AcknowledgingCase::unknown)).flatMap((found) -> {
			if (found.createdAt().plus(this.validity).isBefore(this.clock.instant())) {
				return Mono.error(ProblemException.of(HttpStatus.GONE, "expired-acknowledgement"));
			}
			return Mono.just(found);
		});
	}

	/**
	 * Records the agency's outcome and puts {@code agency.responded} in the outbox ({@code RESOLVED},
	 * or {@code DECLINED} when the case is not the agency's to handle, which sends it back to triage),
	 * both in one write; a case not yet acknowledged is acknowledged first. An outcome already
	 * recorded is returned unchanged.
	 * @param note the agency's words for the citizen; without one, the outcome's name in Vietnamese
	 */
	public Mono<Acknowledgement> reportOutcome(String token, String outcome, String note) {
		return reportOutcome(token, outcome, note, "note");
	}

	/**
	 * The cases routed to an agency, each in its latest routing to it, newest first: {@code open}
	 * (not resolved yet, the default), {@code resolved} or {@code all}; at most {@link #MAX_LISTED}.
	 */
	public Flux<Acknowledgement> casesOf(String agencyId, String state) {
		String wanted = state == null || state.isBlank() ? "open" : state.strip().toLowerCase(Locale.ROOT);
		if (!List.of("open", "resolved", "all").contains(wanted)) {
			return Flux.error(ProblemException.invalid(List.of(FieldProblem.of("state", "invalid-case-state"))));
		}
		Set<String> seen = new HashSet<>();
		return this.acknowledgements.findByAgency(agencyId, MAX_LISTED * 2)
			.sort(Comparator.comparing((Acknowledgement found) -> found.routed().routing()).reversed())
			.filter((found) -> seen.add(found.routed().caseId()))
			.filter((found) -> switch (wanted) {
				case "open" -> !found.resolved();
				case "resolved" -> found.resolved();
				default -> true;
			})
			.sort(Comparator.comparing(Acknowledgement::createdAt).reversed())
			.take(MAX_LISTED);
	}

	/** The latest routing of a case to the agency, acknowledged as through its link. */
	public Mono<Acknowledgement> acknowledgeCase(String agencyId, String caseId, String note) {
		return latestOf(agencyId, caseId).flatMap((found) -> acknowledge(found.token(), note));
	}

	/** The outcome of the latest routing of a case to the agency, reported as through its link. */
	public Mono<Acknowledgement> reportCaseOutcome(String agencyId, String caseId, String outcome, String publicNote) {
		return latestOf(agencyId, caseId)
			.flatMap((found) -> reportOutcome(found.token(), outcome, publicNote, "publicNote"));
	}

	/** A case never routed to the agency is as unknown to it as a case that does not exist. */
	public Mono<Acknowledgement> latestOf(String agencyId, String caseId) {
		return this.acknowledgements.findLatest(agencyId, caseId)
			.switchIfEmpty(Mono.error(() -> ProblemException.of(HttpStatus.NOT_FOUND, "unknown-case", caseId)));
	}

	private Mono<Acknowledgement> reportOutcome(String token, String outcome, String note, String noteField) {
		String cleanNote = note == null || note.isBlank() ? null : note.strip();
		List<FieldProblem> problems = new ArrayList<>();
		Outcome parsed = null;
		if (outcome == null || outcome.isBlank()) {
			problems.add(FieldProblem.of("outcome", "required"));
		}
		else {
			try {
				parsed = Outcome.valueOf(outcome.strip());
			}
			catch (IllegalArgumentException ex) {
				problems.add(FieldProblem.of("outcome", "invalid-outcome"));
			}
		}
		if (cleanNote != null && cleanNote.length() > MAX_NOTE) {
			problems.add(FieldProblem.of(noteField, "too-long", MAX_NOTE));
		}
		if (!problems.isEmpty()) {
			return find(token).then(Mono.error(ProblemException.invalid(problems)));
		}
		Outcome kind = parsed;
		return find(token).flatMap((current) -> current.acknowledged() ? Mono.just(current)
				: acknowledge(token, null)).flatMap((current) -> {
			if (current.resolved()) {
				return Mono.just(current);
			}
			Instant at = now();
			String publicNote = cleanNote != null ? cleanNote
					: this.wording.message("outcome." + kind.name(), LanguageResolver.VIETNAMESE);
			var event = this.outbox.event(AgencyResponded.TYPE, AgencyResponded.TOPIC, current.routed().caseId(),
					new AgencyResponded(current.routed().caseId(), current.agencyId(), null, AgencyResponded.responseTo(kind),
							publicNote, at.toString()));
			return this.acknowledgements.resolve(token, at, kind, publicNote, event).flatMap((recorded) -> {
				if (recorded) {
					this.outbox.wake(Acknowledgements.COLLECTION, token, List.of(event));
				}
				return this.acknowledgements.find(token);
			});
		});
	}

	/**
	 * Records the acknowledgement and puts {@code agency.responded} in the outbox, both in one
	 * write; an acknowledgement already recorded is returned unchanged.
	 */
	public Mono<Acknowledgement> acknowledge(String token, String note) {
		String cleanNote = note == null || note.isBlank() ? null : note.strip();
		if (cleanNote != null && cleanNote.length() > MAX_NOTE) {
			return Mono.error(ProblemException.invalid(List.of(FieldProblem.of("note", "too-long", MAX_NOTE))));
		}
		return find(token).flatMap((current) -> {
			if (current.acknowledged()) {
				return Mono.just(current);
			}
			Instant at = now();
			var event = this.outbox.event(AgencyResponded.TYPE, AgencyResponded.TOPIC, current.routed().caseId(),
					new AgencyResponded(current.routed().caseId(), current.agencyId(), null,
							AgencyResponded.ACKNOWLEDGED, cleanNote, at.toString()));
			return this.acknowledgements.acknowledge(token, at, cleanNote, event).flatMap((recorded) -> {
				if (recorded) {
					this.outbox.wake(Acknowledgements.COLLECTION, token, List.of(event));
				}
				return this.acknowledgements.find(token);
			});
		});
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static String newToken() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static ProblemException unknown() {
		return ProblemException.of(HttpStatus.NOT_FOUND, "unknown-acknowledgement");
	}

}

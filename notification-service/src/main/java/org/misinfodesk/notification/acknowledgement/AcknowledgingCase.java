package org.misinfodesk.notification.acknowledgement;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import org.misinfodesk.platform.outbox.Outbox;
import org.misinfodesk.platform.problem.FieldProblem;
import org.misinfodesk.platform.problem.ProblemException;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * An agency confirms that it received a routed case. Every alert of one routing to one agency
 * carries the same link; the first acknowledgement counts, later ones change nothing.
 */
@Service
public class AcknowledgingCase {

	public static final int MAX_NOTE = 4000;

	static final String PATH = "/acknowledgements/";

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

	private static final SecureRandom random = new SecureRandom();

	private final Acknowledgements acknowledgements;

	private final Outbox outbox;

	private final Clock clock;

	private final String baseUrl;

	AcknowledgingCase(Acknowledgements acknowledgements, Outbox outbox, Clock clock,
			AcknowledgementSettings settings) {
		this.acknowledgements = acknowledgements;
		this.outbox = outbox;
		this.clock = clock;
		this.baseUrl = settings.publicBaseUrl().toString().replaceAll("/+$", "");
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
		return this.acknowledgements.find(token).switchIfEmpty(Mono.error(AcknowledgingCase::unknown));
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
					this.outbox.wake();
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

package org.misinfodesk.notification.agency;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.misinfodesk.platform.problem.FieldProblem;
import org.misinfodesk.platform.problem.ProblemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * An administrator adds, lists, disables, enables and deletes an agency's email contact points
 * beside the configured ones, which stay as configured. Alerts and reminders go to the configured
 * addresses and the enabled added ones.
 */
@Service
public class ManagingEmailContacts {

	/** The longest address SMTP carries (RFC 5321: a 256-octet path less its angle brackets). */
	public static final int MAX_EMAIL = 254;

	private static final int MAX_LOCAL_PART = 64;

	private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+"
			+ "@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*"
			+ "\\.[A-Za-z]{2,63}");

	private static final SecureRandom random = new SecureRandom();

	private final Agencies agencies;

	private final EmailContacts contacts;

	private final Clock clock;

	ManagingEmailContacts(Agencies agencies, EmailContacts contacts, Clock clock) {
		this.agencies = agencies;
		this.contacts = contacts;
		this.clock = clock;
	}

	public Mono<EmailContact> add(String agencyId, String email) {
		Agency agency = this.agencies.find(agencyId).orElse(null);
		if (agency == null) {
			return Mono.error(unknownAgency(agencyId));
		}
		List<FieldProblem> problems = check(email);
		if (!problems.isEmpty()) {
			return Mono.error(ProblemException.invalid(problems));
		}
		String address = email.strip();
		if (agency.emails().stream().anyMatch((configured) -> configured.equalsIgnoreCase(address))) {
			return Mono.error(duplicate(address));
		}
		EmailContact contact = EmailContact.added(newId(), agencyId, address,
				this.clock.instant().truncatedTo(ChronoUnit.MILLIS));
		return this.contacts.insert(contact)
			.onErrorMap(DuplicateKeyException.class, (ex) -> duplicate(address));
	}

	/** The agency's configured contact points, then the added ones, oldest first. */
	public Flux<EmailContact> list(String agencyId) {
		Agency agency = this.agencies.find(agencyId).orElse(null);
		if (agency == null) {
			return Flux.error(unknownAgency(agencyId));
		}
		return Flux.fromIterable(agency.emails())
			.map((email) -> EmailContact.configured(agencyId, email))
			.concatWith(this.contacts.findByAgency(agencyId));
	}

	public Mono<EmailContact> disable(String agencyId, String id) {
		return change(agencyId, id, ContactState.DISABLED);
	}

	public Mono<EmailContact> enable(String agencyId, String id) {
		return change(agencyId, id, ContactState.ENABLED);
	}

	public Mono<Void> delete(String agencyId, String id) {
		return known(agencyId).then(this.contacts.delete(agencyId, id))
			.flatMap((deleted) -> deleted ? Mono.<Void>empty() : Mono.error(unknownContact(id)));
	}

	/**
	 * Where an agency's alerts and reminders go: its configured addresses and its enabled added
	 * ones, each once whatever its case. An agency not configured here has none.
	 */
	public Mono<List<String>> recipientsOf(String agencyId) {
		if (this.agencies.find(agencyId).isEmpty()) {
			return Mono.just(List.of());
		}
		Set<String> seen = new HashSet<>();
		return list(agencyId).filter(EmailContact::enabled)
			.map(EmailContact::email)
			.filter((email) -> seen.add(email.toLowerCase(Locale.ROOT)))
			.collectList();
	}

	private Mono<EmailContact> change(String agencyId, String id, ContactState state) {
		return known(agencyId).then(this.contacts.changeState(agencyId, id, state))
			.switchIfEmpty(Mono.error(() -> unknownContact(id)));
	}

	private Mono<Agency> known(String agencyId) {
		return Mono.justOrEmpty(this.agencies.find(agencyId)).switchIfEmpty(Mono.error(() -> unknownAgency(agencyId)));
	}

	static List<FieldProblem> check(String email) {
		List<FieldProblem> problems = new ArrayList<>();
		if (email == null || email.isBlank()) {
			problems.add(FieldProblem.of("email", "required"));
			return problems;
		}
		String address = email.strip();
		if (address.length() > MAX_EMAIL) {
			problems.add(FieldProblem.of("email", "too-long", MAX_EMAIL));
			return problems;
		}
		String local = address.contains("@") ? address.substring(0, address.lastIndexOf('@')) : address;
		if (!EMAIL.matcher(address).matches() || local.length() > MAX_LOCAL_PART || local.startsWith(".")
				|| local.endsWith(".") || local.contains("..")) {
			problems.add(FieldProblem.of("email", "invalid-email"));
		}
		return problems;
	}

	private static String newId() {
		byte[] bytes = new byte[12];
		random.nextBytes(bytes);
		return "em_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static ProblemException duplicate(String email) {
		return ProblemException.of(HttpStatus.CONFLICT, "duplicate-contact", email);
	}

	private static ProblemException unknownAgency(String agencyId) {
		return ProblemException.of(HttpStatus.NOT_FOUND, "unknown-agency", agencyId);
	}

	private static ProblemException unknownContact(String id) {
		return ProblemException.of(HttpStatus.NOT_FOUND, "unknown-contact", id);
	}

}

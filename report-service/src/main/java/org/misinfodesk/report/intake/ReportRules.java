package org.misinfodesk.report.intake;

import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.misinfodesk.platform.problem.FieldProblem;
import org.misinfodesk.platform.problem.ProblemException;
import org.misinfodesk.report.abuse.BannedContacts;
import org.misinfodesk.report.privacy.Contact;

/**
 * The rules a report must meet. Checks every field before refusing, so that the citizen sees all
 * that is wrong at once.
 */
final class ReportRules {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

	private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{6,15}");

	private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s().\\-]");

	/** Older than the web in Vietnam is a typing slip; the bound also keeps every accepted time storable. */
	static final Instant EARLIEST_SEEN_AT = Instant.parse("2000-01-01T00:00:00Z");

	private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]+");

	private final IntakeSettings limits;

	private final Clock clock;

	private final Predicate<String> knownLocality;

	private final BannedContacts banned;

	/** Rules that take any locality code and ban no contact, for tests of the other rules. */
	ReportRules(IntakeSettings limits, Clock clock) {
		this(limits, clock, (code) -> true, BannedContacts.none());
	}

	ReportRules(IntakeSettings limits, Clock clock, Predicate<String> knownLocality, BannedContacts banned) {
		this.limits = limits;
		this.clock = clock;
		this.knownLocality = knownLocality;
		this.banned = banned;
	}

	/**
	 * @throws ProblemException listing every field that breaks a rule
	 */
	Submission check(ReportDraft draft, String idempotencyKey) {
		List<FieldProblem> problems = new ArrayList<>();
		String content = text(draft.content());
		if (content == null) {
			problems.add(FieldProblem.of("content", "required"));
		}
		else {
			atMost("content", content, this.limits.maxContentLength(), problems);
		}
		String sourceUrl = url(draft.sourceUrl(), problems);
		String normalisedUrl = sourceUrl == null ? null : Links.normalise(sourceUrl);
		Platform platform = oneOf("platform", draft.platform(), Platform.class, problems);
		Category category = oneOf("categoryHint", draft.categoryHint(), Category.class, problems);
		String locality = text(draft.localityCode());
		if (atMost("localityCode", locality, this.limits.maxLocalityLength(), problems) && locality != null
				&& !this.knownLocality.test(locality)) {
			problems.add(FieldProblem.of("localityCode", "unknown-locality"));
		}
		Instant seenAt = seenAt(draft.seenAt(), problems);
		Contact contact = contact(draft.reporter(), problems);
		String key = idempotencyKey(idempotencyKey, problems);
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		return new Submission(content, normalisedUrl, sourceUrl, platform, category, locality, seenAt, contact, key,
				List.of());
	}

	private String url(String typed, List<FieldProblem> problems) {
		String url = text(typed);
		if (url == null || !atMost("sourceUrl", url, this.limits.maxUrlLength(), problems)) {
			return null;
		}
		try {
			URI uri = new URI(url);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
				// The event carries a URI in ASCII form, as its schema demands.
				String ascii = uri.toASCIIString();
				if (ascii.length() <= this.limits.maxUrlLength()) {
					return ascii;
				}
				problems.add(FieldProblem.of("sourceUrl", "too-long", this.limits.maxUrlLength()));
				return null;
			}
		}
		catch (URISyntaxException ex) {
			// refused below
		}
		problems.add(FieldProblem.of("sourceUrl", "invalid-url"));
		return null;
	}

	private static <E extends Enum<E>> E oneOf(String field, String typed, Class<E> type, List<FieldProblem> problems) {
		String value = text(typed);
		if (value == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			problems.add(FieldProblem.of(field, "unknown-value",
					Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))));
			return null;
		}
	}

	private Instant seenAt(String typed, List<FieldProblem> problems) {
		String value = text(typed);
		if (value == null) {
			return null;
		}
		Instant seenAt;
		try {
			seenAt = OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			problems.add(FieldProblem.of("seenAt", "invalid-date-time"));
			return null;
		}
		if (seenAt.isAfter(this.clock.instant().plus(this.limits.clockSkew()))) {
			problems.add(FieldProblem.of("seenAt", "in-future"));
			return null;
		}
		if (seenAt.isBefore(EARLIEST_SEEN_AT)) {
			problems.add(FieldProblem.of("seenAt", "too-early"));
			return null;
		}
		return seenAt;
	}

	/** Details of a reporter who did not consent are dropped unread: they are never kept. */
	private Contact contact(ReportDraft.Reporter reporter, List<FieldProblem> problems) {
		if (reporter == null || !Boolean.TRUE.equals(reporter.contactConsent())) {
			return null;
		}
		String name = text(reporter.name());
		atMost("reporter.name", name, this.limits.maxNameLength(), problems);
		String email = text(reporter.email());
		if (email != null && atMost("reporter.email", email, this.limits.maxEmailLength(), problems)
				&& !EMAIL.matcher(email).matches()) {
			problems.add(FieldProblem.of("reporter.email", "invalid-email"));
		}
		String phone = text(reporter.phone());
		if (phone != null && atMost("reporter.phone", phone, this.limits.maxPhoneLength(), problems)
				&& !PHONE.matcher(PHONE_SEPARATORS.matcher(phone).replaceAll("")).matches()) {
			problems.add(FieldProblem.of("reporter.phone", "invalid-phone"));
		}
		if (email == null && phone == null) {
			problems.add(FieldProblem.of("reporter.email", "contact-needed"));
		}
		if (this.banned.bans(email)) {
			problems.add(FieldProblem.of("reporter.email", "contact-refused"));
		}
		if (this.banned.bans(phone)) {
			problems.add(FieldProblem.of("reporter.phone", "contact-refused"));
		}
		return new Contact(name, email, phone);
	}

	private String idempotencyKey(String key, List<FieldProblem> problems) {
		if (key == null) {
			return null;
		}
		if (key.length() > this.limits.maxIdempotencyKeyLength()) {
			problems.add(FieldProblem.of(IDEMPOTENCY_KEY, "too-long", this.limits.maxIdempotencyKeyLength()));
			return null;
		}
		if (!VISIBLE_ASCII.matcher(key).matches()) {
			problems.add(FieldProblem.of(IDEMPOTENCY_KEY, "invalid"));
			return null;
		}
		return key;
	}

	private static boolean atMost(String field, String value, int max, List<FieldProblem> problems) {
		if (value != null && value.codePointCount(0, value.length()) > max) {
			problems.add(FieldProblem.of(field, "too-long", max));
			return false;
		}
		return true;
	}

	/**
	 * Trimmed and in composed form (Vietnamese typed on some phones arrives decomposed); blank counts
	 * as absent.
	 */
	private static String text(String typed) {
		if (typed == null) {
			return null;
		}
		String text = Normalizer.normalize(typed.strip(), Normalizer.Form.NFC);
		return text.isEmpty() ? null : text;
	}

}

package org.misinfodesk.notification.agency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.misinfodesk.platform.problem.ProblemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * An administrator creates API keys for an agency's own system, lists them and revokes them; each
 * request of that system is then recognised by its key. The key is returned once, at creation; the
 * store keeps its SHA-256 only, which is enough to recognise it (a key has 256 random bits, so it
 * needs no slow hash) and useless to anyone who reads the store.
 */
@Service
public class ManagingApiKeys {

	public static final String PREFIX = "mdk_";

	private static final Pattern KEY = Pattern.compile(Pattern.quote(PREFIX) + "[A-Za-z0-9_-]{43}");

	private static final SecureRandom random = new SecureRandom();

	private final Agencies agencies;

	private final AgencyApiKeys keys;

	private final Clock clock;

	ManagingApiKeys(Agencies agencies, AgencyApiKeys keys, Clock clock) {
		this.agencies = agencies;
		this.keys = keys;
		this.clock = clock;
	}

	/** A new key for the agency, the only time the key itself is seen. */
	public Mono<CreatedKey> create(String agencyId) {
		if (this.agencies.find(agencyId).isEmpty()) {
			return Mono.error(unknownAgency(agencyId));
		}
		String key = PREFIX + random(32);
		AgencyApiKey stored = new AgencyApiKey("ak_" + random(12), agencyId, hashOf(key),
				this.clock.instant().truncatedTo(ChronoUnit.MILLIS), null);
		return this.keys.insert(stored).map((inserted) -> new CreatedKey(inserted, key));
	}

	/** The agency's keys, revoked ones included, without the keys themselves. */
	public Flux<AgencyApiKey> list(String agencyId) {
		if (this.agencies.find(agencyId).isEmpty()) {
			return Flux.error(unknownAgency(agencyId));
		}
		return this.keys.findByAgency(agencyId);
	}

	/** Revokes a key at once: the next request with it is refused. Revoking it again changes nothing. */
	public Mono<AgencyApiKey> revoke(String agencyId, String id) {
		if (this.agencies.find(agencyId).isEmpty()) {
			return Mono.error(unknownAgency(agencyId));
		}
		return this.keys.revoke(agencyId, id, this.clock.instant().truncatedTo(ChronoUnit.MILLIS))
			.switchIfEmpty(Mono.error(() -> ProblemException.of(HttpStatus.NOT_FOUND, "unknown-api-key", id)));
	}

	/**
	 * The agency a key belongs to.
	 * @return empty for a malformed, unknown or revoked key, or one of an agency no longer configured
	 */
	public Mono<String> agencyOf(String key) {
		if (key == null || !KEY.matcher(key).matches()) {
			return Mono.empty();
		}
		return this.keys.findByHash(hashOf(key))
			.filter((found) -> !found.revoked() && this.agencies.find(found.agencyId()).isPresent())
			.map(AgencyApiKey::agencyId);
	}

	static String hashOf(String key) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	private static String random(int bytes) {
		byte[] value = new byte[bytes];
		random.nextBytes(value);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
	}

	private static ProblemException unknownAgency(String agencyId) {
		return ProblemException.of(HttpStatus.NOT_FOUND, "unknown-agency", agencyId);
	}

	/** @param key the key itself, shown this once */
	public record CreatedKey(AgencyApiKey stored, String key) {
	}

}

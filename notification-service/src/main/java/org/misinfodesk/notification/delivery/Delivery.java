package org.misinfodesk.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One alert to one target, kept until it is delivered or given up, with every attempt.
 *
 * @param id derived from case, routing, channel and target, so a redelivered event cannot add a
 * second delivery
 * @param webhookId the {@code webhook-id} header, fixed at creation so every retry carries the same
 * @param payload the exact JSON body the webhook receives, and the content of the email
 * @param nextAttemptAt when the next attempt is due; while an attempt runs, the end of its lease
 * @param leaseId set by the dispatcher that claimed the running attempt; only it may record the result
 */
@Document(Deliveries.COLLECTION)
public record Delivery(@Id String id, String caseId, int routing, String agencyId, String agencyName,
		Channel channel, Target target, String webhookId, String payload, DeliveryState state, List<Attempt> attempts,
		Instant createdAt, Instant nextAttemptAt, Instant deliveredAt, String acknowledgementToken, String leaseId) {

	private static final SecureRandom random = new SecureRandom();

	public Delivery {
		attempts = attempts == null ? List.of() : List.copyOf(attempts);
	}

	static Delivery email(CaseRouted routed, String agencyId, String agencyName, String address, String payload,
			String acknowledgementToken, Instant now) {
		return pending(routed, agencyId, agencyName, Channel.EMAIL, Target.email(address), null, payload,
				acknowledgementToken, now);
	}

	static Delivery webhook(CaseRouted routed, String agencyId, String agencyName, String endpointId, String url,
			String payload, String acknowledgementToken, Instant now) {
		return pending(routed, agencyId, agencyName, Channel.WEBHOOK, Target.webhook(endpointId, url),
				newWebhookId(), payload, acknowledgementToken, now);
	}

	private static Delivery pending(CaseRouted routed, String agencyId, String agencyName, Channel channel,
			Target target, String webhookId, String payload, String acknowledgementToken, Instant now) {
		return new Delivery(idOf(routed.caseId(), routed.routing(), channel, target), routed.caseId(),
				routed.routing(), agencyId, agencyName, channel, target, webhookId, payload, DeliveryState.PENDING,
				List.of(), now, now, null, acknowledgementToken, null);
	}

	static String idOf(String caseId, int routing, Channel channel, Target target) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(String.join("\n", caseId, Integer.toString(routing), channel.name(), target.key())
					.getBytes(StandardCharsets.UTF_8));
			return "d-" + HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	private static String newWebhookId() {
		byte[] bytes = new byte[18];
		random.nextBytes(bytes);
		return "msg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}

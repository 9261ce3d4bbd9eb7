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
 * @param scheduleStart how many attempts came before the current run of the retry schedule: a
 * replay starts the schedule again without forgetting earlier attempts
 * @param routedAt when triage routed the case, for alerts: where the time to alert an agency starts
 * @param traceparent the W3C trace of the event that asked for the delivery (the routing, the passed
 * deadline), which every attempt continues: the webhook call carries it on; {@code null} if none
 */
@Document(Deliveries.COLLECTION)
public record Delivery(@Id String id, DeliveryKind kind, String caseId, int routing, String agencyId,
		String agencyName, Channel channel, Target target, String webhookId, String payload, DeliveryState state,
		List<Attempt> attempts, int scheduleStart, Instant createdAt, Instant nextAttemptAt, Instant deliveredAt,
		String acknowledgementToken, String leaseId, Instant routedAt, String traceparent) {

	private static final SecureRandom random = new SecureRandom();

	public Delivery {
		kind = kind == null ? DeliveryKind.ALERT : kind;
		attempts = attempts == null ? List.of() : List.copyOf(attempts);
	}

	/** Failed attempts in the current run of the schedule, the one just made included. */
	int failedInSchedule() {
		return this.attempts.size() - this.scheduleStart + 1;
	}

	static Delivery reminder(CaseOverdue overdue, String agencyId, String agencyName, Channel channel,
			Target target, String payload, String acknowledgementToken, Instant now, String traceparent) {
		String id = idOf(overdue.caseId(), Integer.toString(overdue.routing()), "overdue", overdue.deadline(),
				agencyId, channel.name(), target.key());
		return new Delivery(id, DeliveryKind.REMINDER, overdue.caseId(), overdue.routing(), agencyId, agencyName,
				channel, target, channel == Channel.WEBHOOK ? newWebhookId() : null, payload, DeliveryState.PENDING,
				List.of(), 0, now, now, null, acknowledgementToken, null, null, traceparent);
	}

	/**
	 * @param reason what the notice is about, unique per occasion, so the same occasion noticed
	 * twice sends once
	 */
	static Delivery notice(String reason, String caseId, String agencyId, String address, String payload,
			Instant now) {
		Target target = Target.email(address);
		return new Delivery(idOf("notice", reason, target.key()), DeliveryKind.NOTICE, caseId, 0, agencyId, null,
				Channel.EMAIL, target, null, payload, DeliveryState.PENDING, List.of(), 0, now, now, null, null, null,
				null, null);
	}

	static Delivery email(CaseRouted routed, String agencyId, String agencyName, String address, String payload,
			String acknowledgementToken, Instant now, String traceparent) {
		return pending(routed, agencyId, agencyName, Channel.EMAIL, Target.email(address), null, payload,
				acknowledgementToken, now, traceparent);
	}

	static Delivery webhook(CaseRouted routed, String agencyId, String agencyName, String endpointId, String url,
			String payload, String acknowledgementToken, Instant now, String traceparent) {
		return pending(routed, agencyId, agencyName, Channel.WEBHOOK, Target.webhook(endpointId, url),
				newWebhookId(), payload, acknowledgementToken, now, traceparent);
	}

	private static Delivery pending(CaseRouted routed, String agencyId, String agencyName, Channel channel,
			Target target, String webhookId, String payload, String acknowledgementToken, Instant now,
			String traceparent) {
		return new Delivery(idOf(routed.caseId(), routed.routing(), channel, target), DeliveryKind.ALERT,
				routed.caseId(), routed.routing(), agencyId, agencyName, channel, target, webhookId, payload,
				DeliveryState.PENDING, List.of(), 0, now, now, null, acknowledgementToken, null, routed.routedAt(),
				traceparent);
	}

	static String idOf(String caseId, int routing, Channel channel, Target target) {
		return idOf(caseId, Integer.toString(routing), channel.name(), target.key());
	}

	private static String idOf(String... parts) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
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

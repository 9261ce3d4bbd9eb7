package org.misinfodesk.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook request per Standard Webhooks v1: HMAC-SHA256 over
 * {@code <webhook-id>.<webhook-timestamp>.<body>} with the base64-decoded part of the secret after
 * {@code whsec_}, sent as {@code v1,<base64>}.
 */
public final class WebhookSignature {

	public static final String SECRET_PREFIX = "whsec_";

	public static final String VERSION = "v1";

	private WebhookSignature() {
	}

	/**
	 * @param timestamp unix seconds of this attempt, the value of the {@code webhook-timestamp} header
	 * @return the value of the {@code webhook-signature} header
	 */
	public static String sign(String secret, String webhookId, long timestamp, String body) {
		byte[] key = key(secret);
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			byte[] digest = mac
				.doFinal((webhookId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return VERSION + "," + Base64.getEncoder().encodeToString(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

	/**
	 * Signs with several secrets at once, as during a rotation: the header lists one {@code v1,}
	 * signature per secret, separated by spaces, and a receiver accepts the request when any matches.
	 */
	public static String sign(List<String> secrets, String webhookId, long timestamp, String body) {
		if (secrets.isEmpty()) {
			throw new IllegalArgumentException("At least one secret signs a webhook");
		}
		return secrets.stream().map((secret) -> sign(secret, webhookId, timestamp, body))
			.collect(Collectors.joining(" "));
	}

	private static byte[] key(String secret) {
		if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
			throw new IllegalArgumentException("A webhook secret starts with " + SECRET_PREFIX);
		}
		try {
			return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("A webhook secret is base64 after " + SECRET_PREFIX, ex);
		}
	}

}

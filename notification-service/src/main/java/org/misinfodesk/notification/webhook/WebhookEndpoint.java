package org.misinfodesk.notification.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A URL of an agency's system that receives its alerts, signed with the endpoint's own secret.
 *
 * @param secret {@code whsec_} followed by the base64 key; shown once, at registration or rotation
 * @param previousSecret the secret before the last rotation, which keeps signing beside the new one
 * until {@code previousSecretUntil}, so the agency can switch without losing a request
 * @param disabledReason why the endpoint stopped receiving alerts; {@code null} while enabled
 * @param failingSince when the first of the failures since its last success happened; {@code null}
 * while it answers
 */
@Document(WebhookEndpoints.COLLECTION)
public record WebhookEndpoint(@Id String id, String agencyId, String url, String description, String secret,
		String previousSecret, Instant previousSecretUntil, EndpointState state, DisabledReason disabledReason,
		Instant createdAt, Instant failingSince) {

	static WebhookEndpoint registered(String id, String agencyId, String url, String description, String secret,
			Instant now) {
		return new WebhookEndpoint(id, agencyId, url, description, secret, null, null, EndpointState.ENABLED, null,
				now, null);
	}

	public boolean enabled() {
		return this.state == EndpointState.ENABLED;
	}

	/** The secrets that sign a request sent at {@code now}: the current one, and the previous during its overlap. */
	public List<String> signingSecrets(Instant now) {
		List<String> secrets = new ArrayList<>();
		secrets.add(this.secret);
		if (this.previousSecret != null && this.previousSecretUntil != null && now.isBefore(this.previousSecretUntil)) {
			secrets.add(this.previousSecret);
		}
		return secrets;
	}

}

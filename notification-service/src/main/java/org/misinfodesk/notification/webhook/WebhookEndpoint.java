package org.misinfodesk.notification.webhook;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A URL of an agency's system that receives its alerts, signed with the endpoint's own secret.
 *
 * @param secret {@code whsec_} followed by the base64 key; shown once, at registration
 */
@Document(WebhookEndpoints.COLLECTION)
public record WebhookEndpoint(@Id String id, String agencyId, String url, String description, String secret,
		EndpointState state, Instant createdAt) {

	public boolean enabled() {
		return this.state == EndpointState.ENABLED;
	}

}

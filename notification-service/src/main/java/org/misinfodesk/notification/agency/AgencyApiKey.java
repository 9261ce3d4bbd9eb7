package org.misinfodesk.notification.agency;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A key an agency's own system calls the agency API with. Only the key's SHA-256 is stored: the key
 * itself is shown once, when it is created.
 *
 * @param hash hex SHA-256 of the whole key, unique, by which a request's key is found
 * @param revokedAt when an administrator revoked it; {@code null} while it works
 */
@Document(AgencyApiKeys.COLLECTION)
public record AgencyApiKey(@Id String id, String agencyId, String hash, Instant createdAt, Instant revokedAt) {

	public boolean revoked() {
		return this.revokedAt != null;
	}

}

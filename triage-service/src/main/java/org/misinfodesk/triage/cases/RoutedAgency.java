package org.misinfodesk.triage.cases;

import java.time.Instant;

/**
 * An agency a case was routed to, and how it has responded so far.
 *
 * @param routing the routing number that sent the case to it
 * @param dueAt by when the agency should acknowledge
 */
public record RoutedAgency(String agencyId, String name, int routing, Instant dueAt, Instant acknowledgedAt,
		Instant resolvedAt) {

	public RoutedAgency acknowledged(Instant at) {
		return (this.acknowledgedAt != null) ? this
				: new RoutedAgency(this.agencyId, this.name, this.routing, this.dueAt, at, this.resolvedAt);
	}

	/** Resolving implies acknowledging, for an agency that skipped straight to the outcome. */
	public RoutedAgency resolved(Instant at) {
		RoutedAgency acknowledged = acknowledged(at);
		return (this.resolvedAt != null) ? acknowledged : new RoutedAgency(this.agencyId, this.name, this.routing,
				this.dueAt, acknowledged.acknowledgedAt(), at);
	}

}

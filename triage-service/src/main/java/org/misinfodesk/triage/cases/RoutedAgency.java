package org.misinfodesk.triage.cases;

import java.time.Instant;
import java.util.stream.Stream;

/**
 * An agency a case was routed to, and how it has responded so far.
 *
 * @param routing the routing number that sent the case to it
 * @param dueAt by when the agency should acknowledge
 * @param resolveDueAt by when the agency should report the outcome
 * @param acknowledgementOverdueAt when the acknowledgement deadline was found passed, if it was
 * @param resolutionOverdueAt when the resolution deadline was found passed, if it was
 * @param routedAt when the routing sent the case to it, which response times count from ({@code null}
 * on cases routed before it was kept)
 * @param declinedAt when the agency answered that the case is not its competence; from then on
 * nothing is awaited from it, so its deadlines stop
 */
public record RoutedAgency(String agencyId, String name, int routing, Instant dueAt, Instant acknowledgedAt,
		Instant resolvedAt, Instant resolveDueAt, Instant acknowledgementOverdueAt, Instant resolutionOverdueAt,
		Instant routedAt, Instant declinedAt) {

	public static RoutedAgency routed(String agencyId, String name, int routing, Instant dueAt,
			Instant resolveDueAt, Instant routedAt) {
		return new RoutedAgency(agencyId, name, routing, dueAt, null, null, resolveDueAt, null, null, routedAt, null);
	}

	/**
	 * The agency declined the case as not its competence. Declining implies having received it; an
	 * agency that resolved the case already keeps its outcome.
	 */
	public RoutedAgency declined(Instant at) {
		if (this.resolvedAt != null || this.declinedAt != null) {
			return this;
		}
		RoutedAgency acknowledged = acknowledged(at);
		return new RoutedAgency(this.agencyId, this.name, this.routing, this.dueAt, acknowledged.acknowledgedAt(),
				null, this.resolveDueAt, this.acknowledgementOverdueAt, this.resolutionOverdueAt, this.routedAt, at);
	}

	public boolean isDeclined() {
		return this.declinedAt != null;
	}

	public RoutedAgency acknowledged(Instant at) {
		return (this.acknowledgedAt != null) ? this : new RoutedAgency(this.agencyId, this.name, this.routing,
				this.dueAt, at, this.resolvedAt, this.resolveDueAt, this.acknowledgementOverdueAt,
				this.resolutionOverdueAt, this.routedAt, this.declinedAt);
	}

	/**
	 * Resolving implies acknowledging, for an agency that skipped straight to the outcome. An agency
	 * that declined the case resolves nothing.
	 */
	public RoutedAgency resolved(Instant at) {
		RoutedAgency acknowledged = acknowledged(at);
		return (this.resolvedAt != null || this.declinedAt != null) ? acknowledged : new RoutedAgency(this.agencyId,
				this.name, this.routing, this.dueAt, acknowledged.acknowledgedAt(), at, this.resolveDueAt,
				this.acknowledgementOverdueAt, this.resolutionOverdueAt, this.routedAt, null);
	}

	/** Whether the acknowledgement is still awaited and was due by {@code now}, not yet marked. */
	public boolean acknowledgementLateAt(Instant now) {
		return this.acknowledgedAt == null && this.resolvedAt == null && this.declinedAt == null
				&& this.acknowledgementOverdueAt == null && this.dueAt != null && !this.dueAt.isAfter(now);
	}

	/** Whether the outcome is still awaited and was due by {@code now}, not yet marked. */
	public boolean resolutionLateAt(Instant now) {
		return this.resolvedAt == null && this.declinedAt == null && this.resolutionOverdueAt == null
				&& this.resolveDueAt != null && !this.resolveDueAt.isAfter(now);
	}

	public RoutedAgency markedLate(Instant now, boolean acknowledgement, boolean resolution) {
		return new RoutedAgency(this.agencyId, this.name, this.routing, this.dueAt, this.acknowledgedAt,
				this.resolvedAt, this.resolveDueAt, acknowledgement ? now : this.acknowledgementOverdueAt,
				resolution ? now : this.resolutionOverdueAt, this.routedAt, this.declinedAt);
	}

	/** The next deadline not yet passed-and-marked that still waits for a response, or {@code null}. */
	public Instant nextDeadline() {
		if (this.declinedAt != null) {
			return null;
		}
		Instant acknowledgement = (this.acknowledgedAt == null && this.resolvedAt == null
				&& this.acknowledgementOverdueAt == null) ? this.dueAt : null;
		Instant resolution = (this.resolvedAt == null && this.resolutionOverdueAt == null) ? this.resolveDueAt
				: null;
		return Stream.of(acknowledgement, resolution)
			.filter(java.util.Objects::nonNull)
			.min(Instant::compareTo)
			.orElse(null);
	}

	/** Whether a deadline was found passed, or has passed by {@code now}, without the response it waits for. */
	public boolean lateOrMarkedAt(Instant now) {
		if (this.declinedAt != null) {
			return false;
		}
		boolean markedAcknowledgement = this.acknowledgementOverdueAt != null && this.acknowledgedAt == null
				&& this.resolvedAt == null;
		boolean markedResolution = this.resolutionOverdueAt != null && this.resolvedAt == null;
		return markedAcknowledgement || markedResolution || lateAt(now);
	}

	/** Whether the agency is late now: a deadline passed without the response it waits for. */
	public boolean lateAt(Instant now) {
		if (this.declinedAt != null) {
			return false;
		}
		boolean acknowledgement = this.acknowledgedAt == null && this.resolvedAt == null && this.dueAt != null
				&& this.dueAt.isBefore(now);
		boolean resolution = this.resolvedAt == null && this.resolveDueAt != null && this.resolveDueAt.isBefore(now);
		return acknowledgement || resolution;
	}

}

package org.misinfodesk.report.tracking;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Applies triage's status changes to the reports they concern, at most once per event.
 */
@Service
public class ApplyingStatusChange {

	private static final Logger log = LoggerFactory.getLogger(ApplyingStatusChange.class);

	private final TrackedReports reports;

	ApplyingStatusChange(TrackedReports reports) {
		this.reports = reports;
	}

	/**
	 * @return an error when no report has that id, so that the event is retried and then parked on
	 * the dead-letter topic rather than dropped
	 */
	public Mono<Void> apply(StatusChange change) {
		return this.reports.record(change).flatMap((changed) -> {
			if (changed) {
				log.info("Report {} is now {} (event {})", change.reportId(), change.status(), change.eventId());
				return Mono.<Void>empty();
			}
			return this.reports.exists(change.reportId())
				.flatMap((exists) -> exists ? Mono.<Void>empty()
						: Mono.error(new UnknownReportException(change.reportId())));
		});
	}

}

package org.misinfodesk.notification.delivery;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The lease on one digest period: whichever instance holds it sends that period's digest.
 *
 * @param id the period's start, ISO-8601
 * @param holder the instance holding the lease
 * @param leaseUntil after this, another instance may take the period over if it is not done
 * @param doneAt when its digest was scheduled (or found empty); {@code null} until then
 * @param cases how many overdue cases the digest listed
 */
@Document(OverdueDigests.PERIODS)
record DigestPeriod(@Id String id, String holder, Instant leaseUntil, Instant doneAt, int cases) {
}

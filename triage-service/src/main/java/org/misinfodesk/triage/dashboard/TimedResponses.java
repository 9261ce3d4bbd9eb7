package org.misinfodesk.triage.dashboard;

/**
 * {@code count} responses of one agency and kind that took {@code seconds} each: exactly, or, for
 * a month read from its buckets, as the middle of their bucket ({@link ResponseBuckets}).
 */
public record TimedResponses(String agencyId, ResponseSample.Kind kind, long seconds, long count) {
}

package org.misinfodesk.notification.acknowledgement;

/**
 * The link every alert of one routing to one agency carries.
 *
 * @param token the credential at the end of {@code url}
 */
public record AcknowledgementLink(String token, String url) {
}

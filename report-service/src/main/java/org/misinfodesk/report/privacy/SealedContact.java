package org.misinfodesk.report.privacy;

/**
 * A contact encrypted with AES-GCM, as stored beside its report.
 *
 * @param keyId which key sealed it, so that keys can be rotated later
 * @param ciphertext base64 of the 12-byte nonce followed by the ciphertext and its tag
 */
public record SealedContact(String keyId, String ciphertext) {
}

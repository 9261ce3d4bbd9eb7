package org.misinfodesk.report.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Encrypts contact details with AES-GCM under the configured key. Each sealed contact is bound to
 * its report (the report id is the associated data), so a sealed value copied onto another report
 * does not open.
 */
@Component
public class ContactProtection {

	private static final String CIPHER = "AES/GCM/NoPadding";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKeySpec key;

	private final SecretKeySpec fingerprintKey;

	private final String keyId;

	private final JsonMapper json;

	private final SecureRandom random = new SecureRandom();

	ContactProtection(PrivacySettings settings, JsonMapper json) {
		byte[] keyBytes = settings.keyBytes();
		this.key = new SecretKeySpec(keyBytes, "AES");
		// A separate key for fingerprints, so that one key never serves two algorithms.
		this.fingerprintKey = new SecretKeySpec(hmac(new SecretKeySpec(keyBytes, "HmacSHA256"), "fingerprint"),
				"HmacSHA256");
		this.keyId = HexFormat.of().formatHex(sha256(keyBytes), 0, 4);
		this.json = json;
	}

	public SealedContact seal(Contact contact, String reportId) {
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance(CIPHER);
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(reportId.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(this.json.writeValueAsBytes(contact));
			byte[] out = new byte[nonce.length + sealed.length];
			System.arraycopy(nonce, 0, out, 0, nonce.length);
			System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
			return new SealedContact(this.keyId, Base64.getEncoder().encodeToString(out));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt a contact", ex);
		}
	}

	/**
	 * @throws IllegalArgumentException when the contact was sealed under another key or for another
	 * report, or was altered
	 */
	public Contact open(SealedContact sealed, String reportId) {
		if (!this.keyId.equals(sealed.keyId())) {
			throw new IllegalArgumentException("Sealed under key " + sealed.keyId() + ", not " + this.keyId);
		}
		byte[] in = Base64.getDecoder().decode(sealed.ciphertext());
		try {
			Cipher cipher = Cipher.getInstance(CIPHER);
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
			cipher.updateAAD(reportId.getBytes(StandardCharsets.UTF_8));
			byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
			return this.json.readValue(plain, Contact.class);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("The sealed contact does not open with this key and report", ex);
		}
	}

	/**
	 * A keyed digest of {@code text}: equal texts give equal fingerprints, and a stored fingerprint
	 * of a request that carried contact details reveals nothing about them.
	 */
	public String fingerprint(String text) {
		return Base64.getEncoder().withoutPadding().encodeToString(hmac(this.fingerprintKey, text));
	}

	private static byte[] hmac(SecretKeySpec key, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}

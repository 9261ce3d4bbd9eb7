package org.misinfodesk.report.privacy;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ContactProtectionTest {

	static final String KEY = ContactProtections.DEVELOPMENT_KEY;

	static final String OTHER_KEY = Base64.getEncoder().encodeToString(new byte[32]);

	final ContactProtection protection = protection(KEY);

	@Test
	void opensWhatItSealed() {
		Contact contact = aContact();

		SealedContact sealed = this.protection.seal(contact, "report-1");

		assertThat(this.protection.open(sealed, "report-1")).isEqualTo(contact);
	}

	@Test
	void sealedFormRevealsNothingOfTheContact() {
		SealedContact sealed = this.protection.seal(aContact(), "report-1");

		String decoded = new String(Base64.getDecoder().decode(sealed.ciphertext()));
		assertThat(sealed.ciphertext()).doesNotContain("lan.nguyen", "912");
		assertThat(decoded).doesNotContain("lan.nguyen", "example.vn", "912");
	}

	@Test
	void sealsTheSameContactDifferentlyEachTime() {
		assertThat(this.protection.seal(aContact(), "report-1"))
			.isNotEqualTo(this.protection.seal(aContact(), "report-1"));
	}

	@Test
	void doesNotOpenAContactCopiedOntoAnotherReport() {
		SealedContact sealed = this.protection.seal(aContact(), "report-1");

		assertThatIllegalArgumentException().isThrownBy(() -> this.protection.open(sealed, "report-2"));
	}

	@Test
	void doesNotOpenAnAlteredContact() {
		SealedContact sealed = this.protection.seal(aContact(), "report-1");
		byte[] bytes = Base64.getDecoder().decode(sealed.ciphertext());
		bytes[bytes.length - 1] ^= 1;
		SealedContact altered = new SealedContact(sealed.keyId(), Base64.getEncoder().encodeToString(bytes));

		assertThatIllegalArgumentException().isThrownBy(() -> this.protection.open(altered, "report-1"));
	}

	@Test
	void doesNotOpenWithAnotherKey() {
		SealedContact sealed = this.protection.seal(aContact(), "report-1");

		assertThatIllegalArgumentException().isThrownBy(() -> protection(OTHER_KEY).open(sealed, "report-1"));
	}

	@Test
	void fingerprintsEqualTextsAlikeAndDependOnTheKey() {
		assertThat(this.protection.fingerprint("a")).isEqualTo(this.protection.fingerprint("a"))
			.isNotEqualTo(this.protection.fingerprint("b"))
			.isNotEqualTo(protection(OTHER_KEY).fingerprint("a"));
	}

	@Test
	void refusesToStartWithoutAUsableKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PrivacySettings(null)).withMessageContaining("required");
		assertThatIllegalArgumentException().isThrownBy(() -> new PrivacySettings("not base64!"))
			.withMessageContaining("base64");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PrivacySettings(Base64.getEncoder().encodeToString(new byte[10])))
			.withMessageContaining("10");
	}

	@Test
	void neverShowsTheKeyOrTheContactInText() {
		assertThat(new PrivacySettings(KEY).toString()).doesNotContain(KEY);
		assertThat(aContact().toString()).doesNotContain("Lan", "lan.nguyen", "912");
	}

	private static ContactProtection protection(String key) {
		return ContactProtections.withKey(key);
	}

	private static Contact aContact() {
		return new Contact("Nguyễn Thị Lan", "lan.nguyen@example.vn", "+84 912 345 678");
	}

}

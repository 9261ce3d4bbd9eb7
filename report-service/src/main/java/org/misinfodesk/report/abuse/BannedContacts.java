package org.misinfodesk.report.abuse;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * Contacts that may not be left on a report. Phones are compared by digits in national form, so
 * that {@code +84 912 345 678}, {@code 0912.345.678} and {@code 84912345678} are one number.
 */
@Component
public class BannedContacts {

	private final Set<String> banned;

	public BannedContacts(AbuseSettings settings) {
		this.banned = settings.bannedContacts().stream().map(BannedContacts::canonical).collect(Collectors.toSet());
	}

	public static BannedContacts none() {
		return new BannedContacts(new AbuseSettings(1, java.time.Duration.ofMinutes(1), java.util.List.of(),
				java.util.List.of()));
	}

	public boolean bans(String contact) {
		return contact != null && this.banned.contains(canonical(contact));
	}

	static String canonical(String contact) {
		String value = contact.strip().toLowerCase(Locale.ROOT);
		if (value.contains("@")) {
			return value;
		}
		String digits = value.replaceAll("[^0-9]", "");
		if (digits.startsWith("84") && digits.length() > 9) {
			digits = "0" + digits.substring(2);
		}
		return digits;
	}

	@Override
	public String toString() {
		return "BannedContacts[" + this.banned.size() + "]";
	}

}

package org.misinfodesk.triage.cases;

import java.util.Arrays;
import java.util.Optional;

/** Categories of the national anti-fake-news centre. */
public enum Category {

	POLICY_LAW, ECONOMY_FINANCE, HEALTH, DISASTER_EPIDEMIC, SECURITY_ORDER, IMPERSONATION, SCAM, OTHER;

	/** Reads a name leniently: a value added by a later contract version is simply not known here. */
	public static Optional<Category> parse(String name) {
		return Arrays.stream(values()).filter((category) -> category.name().equals(name)).findFirst();
	}

}

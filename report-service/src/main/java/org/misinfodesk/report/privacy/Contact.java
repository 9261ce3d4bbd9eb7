package org.misinfodesk.report.privacy;

/**
 * How a consenting reporter can be reached. Its {@code toString} hides the details so that they
 * cannot slip into a log line.
 */
public record Contact(String name, String email, String phone) {

	@Override
	public String toString() {
		return "Contact[(hidden)]";
	}

}

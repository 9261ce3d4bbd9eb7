package org.misinfodesk.notification.delivery;

/**
 * An email to staff or to an agency about the system itself (a delivery given up, an endpoint
 * disabled, an overdue case), rendered when it is scheduled and stored whole as the delivery's
 * payload.
 */
record Notice(String subject, String text, String html) {

	static Notice of(EmailContent.Message message) {
		return new Notice(message.subject(), message.text(), message.html());
	}

}

package org.misinfodesk.notification.agency;

import java.util.List;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * An agency that verifies and resolves the cases routed to it, with the addresses its alerts go to.
 *
 * @param id the id shared by every service ({@code so-y-te})
 * @param emails the email contact points; each receives every alert
 */
public record Agency(String id, String name, @DefaultValue List<String> emails) {

	public Agency {
		emails = List.copyOf(emails);
	}

}

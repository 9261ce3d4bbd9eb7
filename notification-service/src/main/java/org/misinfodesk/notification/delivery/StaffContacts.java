package org.misinfodesk.notification.delivery;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The people told about the system itself.
 *
 * @param supervisors who receive the digest of overdue cases ({@code misinfodesk.supervisors.emails})
 * @param admins who hears of every delivery given up ({@code misinfodesk.admins.emails})
 */
@ConfigurationProperties("misinfodesk")
record StaffContacts(@DefaultValue Group supervisors, @DefaultValue Group admins) {

	record Group(@DefaultValue List<String> emails) {

		Group {
			emails = List.copyOf(emails);
		}

	}

}

package org.misinfodesk.notification.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from the sender of every alert email
 */
@ConfigurationProperties("misinfodesk.mail")
record MailSettings(@DefaultValue("misinfodesk@hanam.gov.vn") String from) {
}

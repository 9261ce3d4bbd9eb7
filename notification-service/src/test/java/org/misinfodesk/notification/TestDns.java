package org.misinfodesk.notification;

import java.net.InetAddress;

import org.misinfodesk.notification.webhook.WebhookTargets;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The service's resolver in tests: {@link RunningService#PINNED_HOST} is the local receiver, every
 * other name goes to the system.
 */
@TestConfiguration(proxyBeanMethods = false)
class TestDns {

	@Bean
	WebhookTargets.Resolver testResolver() {
		return (host) -> RunningService.PINNED_HOST.equals(host) ? new InetAddress[] { InetAddress.getByName("127.0.0.1") }
				: InetAddress.getAllByName(host);
	}

}

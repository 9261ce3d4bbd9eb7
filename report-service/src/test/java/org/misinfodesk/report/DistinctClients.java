package org.misinfodesk.report;

import java.util.UUID;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.ClientRequest;

/**
 * Every request of the web test client comes from a client of its own (named, as a trusted proxy
 * would, in {@code X-Forwarded-For}) unless a test names one, so that tests share the rate limit
 * only when they mean to.
 */
@TestConfiguration(proxyBeanMethods = false)
class DistinctClients {

	@Bean
	WebTestClientBuilderCustomizer distinctClients() {
		return (builder) -> builder.filter((request, next) -> next
			.exchange(request.headers().containsHeader(RunningService.CLIENT) ? request
					: ClientRequest.from(request).header(RunningService.CLIENT, documentationAddress()).build()));
	}

	/** From 2001:db8::/32, the range kept for documentation: no real client has it. */
	private static String documentationAddress() {
		String random = UUID.randomUUID().toString().replace("-", "");
		return "2001:db8:" + random.substring(0, 4) + ":" + random.substring(4, 8) + "::" + random.substring(8, 12);
	}

}

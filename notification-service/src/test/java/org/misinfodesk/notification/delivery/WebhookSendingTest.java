package org.misinfodesk.notification.delivery;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSendingTest {

	static final Instant NOW = Instant.parse("2026-11-27T02:10:00Z");

	@Test
	void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
		assertThat(WebhookSending.retryAfter("120", NOW)).isEqualTo(Duration.ofMinutes(2));
		assertThat(WebhookSending.retryAfter("Fri, 27 Nov 2026 02:15:00 GMT", NOW)).isEqualTo(Duration.ofMinutes(5));
		assertThat(WebhookSending.retryAfter("Fri, 27 Nov 2026 02:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
	}

	@Test
	void aMissingOrUnreadableRetryAfterLeavesTheScheduleInCharge() {
		assertThat(WebhookSending.retryAfter(null, NOW)).isNull();
		assertThat(WebhookSending.retryAfter("soon", NOW)).isNull();
		assertThat(WebhookSending.retryAfter("-5", NOW)).isNull();
	}

	@Test
	void goneIsNotRetriedAndOtherRefusalsAre() {
		assertThat(AttemptResult.rejected(410).retryable()).isFalse();
		assertThat(AttemptResult.rejected(410).gone()).isTrue();
		assertThat(AttemptResult.rejected(302).retryable()).isTrue();
		assertThat(AttemptResult.rejected(503, Duration.ofSeconds(3)).retryAfter()).isEqualTo(Duration.ofSeconds(3));
	}

}

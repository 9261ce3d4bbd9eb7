package org.misinfodesk.notification.webhook;

import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WebhookSignatureTest {

	static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";

	static final long SPEC_TIMESTAMP = 1614265330L;

	static final String SPEC_PAYLOAD = "{\"test\": 2432232314}";

	@Test
	void signsTheStandardWebhooksSpecificationExampleAsPublished() {
		assertThat(WebhookSignature.sign(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, SPEC_PAYLOAD))
			.isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
	}

	@Test
	void signatureCoversTheIdTheTimestampAndTheBody() {
		String original = WebhookSignature.sign(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, SPEC_PAYLOAD);

		assertThat(WebhookSignature.sign(SPEC_SECRET, "msg_other", SPEC_TIMESTAMP, SPEC_PAYLOAD)).isNotEqualTo(original);
		assertThat(WebhookSignature.sign(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP + 1, SPEC_PAYLOAD)).isNotEqualTo(original);
		assertThat(WebhookSignature.sign(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, "{\"test\": 2432232315}"))
			.isNotEqualTo(original);
	}

	@Test
	void duringARotationTheHeaderCarriesOneSignaturePerSecretSeparatedBySpaces() {
		String newer = WebhookSecrets.newSecret();

		String header = WebhookSignature.sign(List.of(newer, SPEC_SECRET), SPEC_ID, SPEC_TIMESTAMP, SPEC_PAYLOAD);

		assertThat(header.split(" ")).containsExactly(WebhookSignature.sign(newer, SPEC_ID, SPEC_TIMESTAMP, SPEC_PAYLOAD),
				"v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
	}

	@Test
	void theSecretBeforeARotationSignsOnlyUntilItsOverlapEnds() {
		Instant rotatedAt = Instant.parse("2026-11-27T02:00:00Z");
		WebhookEndpoint endpoint = new WebhookEndpoint("ep_1", "so-y-te", "https://hooks.example", null, "whsec_new",
				SPEC_SECRET, rotatedAt.plusSeconds(3600), EndpointState.ENABLED, null, rotatedAt, null);

		assertThat(endpoint.signingSecrets(rotatedAt.plusSeconds(60))).containsExactly("whsec_new", SPEC_SECRET);
		assertThat(endpoint.signingSecrets(rotatedAt.plusSeconds(3600))).containsExactly("whsec_new");
	}

	@Test
	void refusesASecretWithoutItsPrefixOrNotInBase64() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WebhookSignature.sign("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", SPEC_ID, 1, "{}"));
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookSignature.sign("whsec_%%%", SPEC_ID, 1, "{}"));
	}

	@Test
	void newSecretsCarryTwentyFourRandomBytesAfterThePrefix() {
		String first = WebhookSecrets.newSecret();
		String second = WebhookSecrets.newSecret();

		assertThat(first).startsWith("whsec_").isNotEqualTo(second);
		assertThat(Base64.getDecoder().decode(first.substring("whsec_".length()))).hasSize(24);
		assertThat(WebhookSignature.sign(first, SPEC_ID, SPEC_TIMESTAMP, SPEC_PAYLOAD)).startsWith("v1,");
	}

}

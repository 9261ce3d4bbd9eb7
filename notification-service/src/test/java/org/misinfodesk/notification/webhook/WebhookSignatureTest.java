package org.misinfodesk.notification.webhook;

import java.util.Base64;

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

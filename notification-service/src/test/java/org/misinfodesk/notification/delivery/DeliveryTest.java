package org.misinfodesk.notification.delivery;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryTest {

	static final Instant NOW = Instant.parse("2026-11-27T02:10:01Z");

	@Test
	void theSameRoutingToTheSameTargetAlwaysGetsTheSameId() {
		CaseRouted routed = RoutedCases.aHealthRumour();

		Delivery first = Delivery.email(routed, "so-y-te", "Sở Y tế", "vanthu.syt@hanam.gov.vn", "{}", "t", NOW, null);
		Delivery again = Delivery.email(routed, "so-y-te", "Sở Y tế", "VanThu.SYT@hanam.gov.vn", "{}", "t",
				NOW.plusSeconds(60), null);

		assertThat(again.id()).isEqualTo(first.id()).startsWith("d-");
	}

	@Test
	void anotherRoutingChannelOrTargetGetsAnotherId() {
		CaseRouted routed = RoutedCases.aHealthRumour();
		CaseRouted rerouted = new CaseRouted(routed.caseId(), 2, routed.verdict(), routed.category(),
				routed.severity(), routed.localityCode(), routed.summary(), routed.reportCount(), routed.sourceUrls(),
				routed.agencies(), routed.dueAt(), routed.routedAt());

		String email = Delivery.email(routed, "so-y-te", "n", "a@hanam.gov.vn", "{}", "t", NOW, null).id();

		assertThat(Delivery.email(rerouted, "so-y-te", "n", "a@hanam.gov.vn", "{}", "t", NOW, null).id()).isNotEqualTo(email);
		assertThat(Delivery.email(routed, "so-y-te", "n", "b@hanam.gov.vn", "{}", "t", NOW, null).id()).isNotEqualTo(email);
		assertThat(Delivery.webhook(routed, "so-y-te", "n", "a@hanam.gov.vn", "https://x", "{}", "t", NOW, null).id())
			.isNotEqualTo(email);
	}

	@Test
	void aNewWebhookDeliveryIsDueNowWithItsOwnWebhookId() {
		CaseRouted routed = RoutedCases.aHealthRumour();

		Delivery one = Delivery.webhook(routed, "so-y-te", "n", "ep_1", "https://x", "{}", "t", NOW, null);
		Delivery other = Delivery.webhook(routed, "so-y-te", "n", "ep_2", "https://y", "{}", "t", NOW, null);

		assertThat(one.webhookId()).startsWith("msg_").hasSize(28).isNotEqualTo(other.webhookId());
		assertThat(one.state()).isEqualTo(DeliveryState.PENDING);
		assertThat(one.nextAttemptAt()).isEqualTo(NOW);
		assertThat(one.attempts()).isEmpty();
		assertThat(Delivery.email(routed, "so-y-te", "n", "a@hanam.gov.vn", "{}", "t", NOW, null).webhookId()).isNull();
	}

}

package org.misinfodesk.notification;

import java.time.Duration;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.misinfodesk.notification.delivery.Attempt;
import org.misinfodesk.notification.delivery.CaseRouted;
import org.misinfodesk.notification.delivery.Channel;
import org.misinfodesk.notification.delivery.Deliveries;
import org.misinfodesk.notification.delivery.Delivery;
import org.misinfodesk.notification.delivery.DeliveryState;
import org.misinfodesk.notification.delivery.SchedulingDeliveries;
import org.misinfodesk.notification.webhook.RegisteringWebhook;
import org.misinfodesk.platform.test.EmbeddedMongo;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service stopped in the middle of a delivery's schedule and started again against the same
 * store: the new instance carries the schedule on, with nothing kept in memory in between. It runs
 * in a JVM of its own (a failsafe execution of its own in the pom), apart from the instance the
 * other ITs share: requests to that instance once went unanswered after this test had run.
 */
@EmbeddedKafka(topics = { "cases.routed", "cases.overdue", "agency.responses" }, partitions = 1)
class RestartIT {

	static final Duration PATIENCE = Duration.ofSeconds(60);

	static final int SMTP_PORT = RunningService.freePort();

	@RegisterExtension
	static final GreenMailExtension mail = new GreenMailExtension(
			new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	final WebhookReceiver receiver = WebhookReceiver.start();

	@Test
	void aRestartInTheMiddleOfTheScheduleStillCompletesItFromTheStore(EmbeddedKafkaBroker broker) {
		String url = this.receiver.newUrl();
		this.receiver.answer(url, 500);
		CaseRouted routed = RoutedCaseEvents.json.readValue(
				RoutedCaseEvents.routedTo(RoutedCaseEvents.newCaseId(), "so-y-te", "Sở Y tế tỉnh Hà Nam"),
				CaseRouted.class);

		try (ConfigurableApplicationContext first = start(broker)) {
			first.getBean(RegisteringWebhook.class).register("so-y-te", url, "restart").block(PATIENCE);
			first.getBean(SchedulingDeliveries.class).schedule(routed.validated(), null).block(PATIENCE);
			await().atMost(PATIENCE).until(() -> webhookDelivery(first, routed).attempts().size() == 1);
			Delivery waiting = webhookDelivery(first, routed);
			assertThat(waiting.state()).isEqualTo(DeliveryState.PENDING);
			assertThat(waiting.nextAttemptAt()).isAfter(waiting.attempts().get(0).at().plusSeconds(5));
		}
		assertThat(this.receiver.received(url)).hasSize(1);

		try (ConfigurableApplicationContext second = start(broker)) {
			await().atMost(PATIENCE)
				.until(() -> webhookDelivery(second, routed).state() == DeliveryState.DELIVERED);
			assertThat(webhookDelivery(second, routed).attempts()).extracting(Attempt::statusCode)
				.containsExactly(500, 200);
		}
		List<WebhookReceiver.Request> requests = this.receiver.received(url);
		assertThat(requests).hasSize(2);
		assertThat(requests.get(1).header("webhook-id")).isEqualTo(requests.get(0).header("webhook-id"));
		assertThat(Duration.between(requests.get(0).at(), requests.get(1).at())).isGreaterThan(Duration.ofSeconds(5));
	}

	private static Delivery webhookDelivery(ConfigurableApplicationContext context, CaseRouted routed) {
		return context.getBean(Deliveries.class)
			.findByCase(routed.caseId())
			.filter((delivery) -> delivery.channel() == Channel.WEBHOOK)
			.blockFirst(Duration.ofSeconds(10));
	}

	/**
	 * An instance of its own beside the tests' shared one in this JVM. It gets Reactor Netty event
	 * loops and connections of its own: with the global ones, closing it disposed those of the shared
	 * instance's server and test client too, and the next test class's requests hung.
	 */
	private static ConfigurableApplicationContext start(EmbeddedKafkaBroker broker) {
		return new SpringApplicationBuilder(NotificationServiceApplication.class)
			.initializers((context) -> ((GenericApplicationContext) context).registerBean(ReactorResourceFactory.class,
					() -> {
						ReactorResourceFactory own = new ReactorResourceFactory();
						own.setUseGlobalResources(false);
						return own;
					}))
			.run("--server.port=0",
				"--spring.mongodb.uri=" + EmbeddedMongo.uri("notification-restart"),
				"--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(), "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + SMTP_PORT, "--misinfodesk.public-base-url=http://restart.test",
				"--misinfodesk.deliveries.poll-interval=200ms", "--misinfodesk.deliveries.backoff=6s,6s",
				"--misinfodesk.deliveries.jitter=0");
	}

}

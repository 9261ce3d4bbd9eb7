package org.misinfodesk.platform.kafka;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.misinfodesk.platform.events.IncomingEvent;
import org.misinfodesk.platform.test.CloudEventRecords;
import org.misinfodesk.platform.test.EmbeddedMongo;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A record that keeps failing is parked in {@code <topic>.dlt}; an administrator lists it and, once
 * the cause is fixed, replays it to its topic, where it is processed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=dead-letters-test", "misinfodesk.kafka.topics=parcels.sent",
				"misinfodesk.kafka.retries=1", "misinfodesk.kafka.retry-backoff=100ms",
				"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
				"misinfodesk.security.users[0].username=admin", "misinfodesk.security.users[0].password={noop}s3cret-admin",
				"misinfodesk.security.users[0].roles=ADMIN", "misinfodesk.security.users[1].username=clerk",
				"misinfodesk.security.users[1].password={noop}s3cret-clerk", "misinfodesk.security.users[1].roles=ANALYST" })
@EmbeddedKafka(topics = { "parcels.sent", "parcels.sent.dlt" }, partitions = 1)
@AutoConfigureWebTestClient
class DeadLettersIT {

	static final AtomicBoolean fixed = new AtomicBoolean();

	static final List<String> processed = new CopyOnWriteArrayList<>();

	@Autowired
	WebTestClient web;

	@Autowired
	ReactiveUserDetailsService accounts;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri("dead-letters-test"));
	}

	@Test
	void poisonRecordIsParkedListedAndReplayedAfterTheFix() {
		this.kafka.send(CloudEventRecords.withId("poison-1", "parcels.sent", "org.example.parcel.sent.v1", "p-9",
				"{\"n\":9}")).join();

		var letters = await().atMost(Duration.ofSeconds(30)).until(() -> this.web.get()
			.uri("/api/v1/dead-letters?topic=parcels.sent")
			.headers((h) -> h.setBasicAuth("admin", "s3cret-admin"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Letters.class)
			.returnResult()
			.getResponseBody()
			.items(), (items) -> !items.isEmpty());
		DeadLetter letter = letters.get(0);
		assertThat(letter.eventId()).isEqualTo("poison-1");
		assertThat(letter.originalTopic()).isEqualTo("parcels.sent");
		assertThat(letter.error()).contains("not fixed yet");
		assertThat(processed).isEmpty();

		fixed.set(true);
		this.web.post()
			.uri("/api/v1/dead-letters/parcels.sent/{partition}/{offset}/replay", letter.partition(), letter.offset())
			.headers((h) -> h.setBasicAuth("admin", "s3cret-admin"))
			.exchange()
			.expectStatus()
			.isOk();

		await().atMost(Duration.ofSeconds(30)).until(() -> processed.contains("poison-1"));
	}

	@Test
	void onlyAdministratorsSeeDeadLetters() {
		this.web.get()
			.uri("/api/v1/dead-letters?topic=parcels.sent")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		this.web.get()
			.uri("/api/v1/dead-letters?topic=parcels.sent")
			.headers((h) -> h.setBasicAuth("clerk", "s3cret-clerk"))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void loggingInLeavesTheConfiguredPasswordAsItWasSoLaterRequestsCostNoBcrypt() {
		this.web.get()
			.uri("/api/v1/dead-letters?topic=parcels.sent")
			.headers((h) -> h.setBasicAuth("admin", "s3cret-admin"))
			.exchange()
			.expectStatus()
			.isOk();

		assertThat(this.accounts.findByUsername("admin").block().getPassword()).isEqualTo("{noop}s3cret-admin");
		assertThat(this.passwords.upgradeEncoding("{noop}s3cret-admin")).isFalse();
	}

	@Test
	void unknownTopicIsNotFoundAndBadOffsetIsInvalid() {
		this.web.get()
			.uri("/api/v1/dead-letters?topic=secrets")
			.headers((h) -> h.setBasicAuth("admin", "s3cret-admin"))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.web.post()
			.uri("/api/v1/dead-letters/parcels.sent/0/abc/replay")
			.headers((h) -> h.setBasicAuth("admin", "s3cret-admin"))
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void firewallRefusalIsProblemJsonToo() {
		this.web.get()
			.uri("/api/v1/dead-letters/%2e%2e/%2e%2e/etc")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	record Letters(List<DeadLetter> items) {
	}

	@SpringBootApplication
	static class DeadLettersTestApplication {

		@KafkaListener(topics = "parcels.sent")
		void on(ConsumerRecord<String, String> record) {
			IncomingEvent event = IncomingEvent.from(record);
			if (!fixed.get()) {
				throw new IllegalStateException("Handler not fixed yet for " + event.id());
			}
			processed.add(event.id());
		}

		@Bean
		SecurityWebFilterChain everythingElse(ServerHttpSecurity http) {
			return http.authorizeExchange((e) -> e.anyExchange().permitAll()).build();
		}

	}

}

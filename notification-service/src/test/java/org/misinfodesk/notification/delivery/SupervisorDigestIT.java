package org.misinfodesk.notification.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.misinfodesk.platform.test.CloudEventRecords;
import org.misinfodesk.platform.test.Contracts;
import org.misinfodesk.platform.test.EmbeddedMongo;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Supervisors' digest of overdue cases, in a service of its own whose clock the test moves: every
 * part of the service, digest job included, reads it, so a period ends when the test says, not
 * when a wall clock happens to cross an hour during the test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
		properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
				"misinfodesk.deliveries.poll-interval=200ms", "misinfodesk.outbox.poll-interval=200ms",
				"misinfodesk.digest.interval=1h", "misinfodesk.digest.check-every=200ms" })
@EmbeddedKafka(topics = { "cases.routed", "cases.overdue", "agency.responses" }, partitions = 1)
@Import(SupervisorDigestIT.MovableClock.class)
class SupervisorDigestIT {

	static final String OVERDUE = "org.misinfodesk.case.overdue.v1";

	static final String SUPERVISORS = "bandvh.hdnd@hanam.gov.vn";

	static final Duration PATIENCE = Duration.ofSeconds(30);

	static final Duration HOUR = Duration.ofHours(1);

	static final int SMTP_PORT = freePort();

	@RegisterExtension
	static final GreenMailExtension mail = new GreenMailExtension(
			new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withPerMethodLifecycle(false);

	static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	OverdueDigests digests;

	@Autowired
	MovableClock.Moving clock;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri("notification-digest-it"));
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@Test
	void threeOverdueCasesMakeOneDigestListingThemAndAPeriodWithNoneSendsNothing() throws Exception {
		Instant periodStart = this.clock.moveToNextPeriodOf(HOUR);
		List<String> cases = List.of(newCaseId(), newCaseId(), newCaseId());
		publish(cases.get(0), "so-y-te", "ACKNOWLEDGEMENT");
		publish(cases.get(1), "cong-an-tinh", "RESOLUTION");
		publish(cases.get(2), "so-tai-chinh", "ACKNOWLEDGEMENT");
		await().atMost(PATIENCE).until(() -> recorded(cases) == 3);
		await().atMost(PATIENCE).until(() -> reminders(cases) == 3);
		assertThat(emailsTo(SUPERVISORS)).as("nothing goes to supervisors before the period ends").isEmpty();

		this.clock.move(HOUR);

		await().atMost(PATIENCE).until(() -> emailsTo(SUPERVISORS).size() == 1);
		MimeMessage digest = emailsTo(SUPERVISORS).get(0);
		assertThat(digest.getSubject()).startsWith("[Misinfo Desk] Tổng hợp vụ việc quá hạn: 3 vụ việc");
		String text = partOf(digest, "text/plain");
		assertThat(text).contains(cases.get(0) + ": Sở Y tế tỉnh Hà Nam, quá hạn xác nhận tiếp nhận; thời hạn ")
			.contains(cases.get(1) + ": Công an tỉnh Hà Nam, quá hạn xử lý")
			.contains(cases.get(2) + ": Sở Tài chính tỉnh Hà Nam")
			.contains("trễ 3 ngày; mức độ Cao")
			.contains(cases.get(0) + ": Sở Y tế tỉnh Hà Nam, overdue for acknowledgement; due ")
			.contains("3 days late");
		assertThat(partOf(digest, "text/html")).contains("<li>" + cases.get(1) + ": Công an tỉnh Hà Nam, quá hạn xử lý");
		assertThat(recorded(cases)).as("listed entries leave the collection").isZero();

		this.clock.move(HOUR);

		String emptyPeriod = periodStart.plus(HOUR).toString();
		await().atMost(PATIENCE).until(() -> {
			DigestPeriod period = this.digests.findPeriod(emptyPeriod).block(PATIENCE);
			return period != null && period.doneAt() != null;
		});
		assertThat(this.digests.findPeriod(emptyPeriod).block(PATIENCE).cases()).isZero();
		await().during(Duration.ofSeconds(2)).atMost(PATIENCE).until(() -> emailsTo(SUPERVISORS).size() == 1);
	}

	@Test
	void onlyOneInstanceHoldsAPeriodUntilItsLeaseRunsOutAndNoneOnceItIsDone() {
		String period = "test-period-" + UUID.randomUUID();
		Instant now = Instant.parse("2026-11-27T00:00:00Z");
		Duration lease = Duration.ofMinutes(5);

		assertThat(this.digests.claim(period, "a", now, now.plus(lease)).block(PATIENCE)).isTrue();
		assertThat(this.digests.claim(period, "b", now.plusSeconds(1), now.plus(lease)).block(PATIENCE)).isFalse();
		Instant later = now.plus(lease).plusSeconds(1);
		assertThat(this.digests.claim(period, "b", later, later.plus(lease)).block(PATIENCE)).isTrue();
		assertThat(this.digests.done(period, "a", later, 2).block(PATIENCE)).as("a lost its lease").isFalse();
		assertThat(this.digests.done(period, "b", later, 2).block(PATIENCE)).isTrue();
		Instant muchLater = later.plus(Duration.ofHours(1));
		assertThat(this.digests.claim(period, "c", muchLater, muchLater.plus(lease)).block(PATIENCE)).isFalse();
	}

	private void publish(String caseId, String agencyId, String deadline) throws Exception {
		ObjectNode body = (ObjectNode) json.readTree(Contracts.example(OVERDUE));
		Instant dueAt = this.clock.instant().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
		body.put("caseId", caseId);
		body.put("agencyId", agencyId);
		body.put("deadline", deadline);
		body.put("dueAt", dueAt.toString());
		body.put("overdueAt", dueAt.plusSeconds(30).toString());
		String text = json.writeValueAsString(body);
		Contracts.assertValid(OVERDUE, text);
		this.kafka.send(CloudEventRecords.of("cases.overdue", OVERDUE, caseId, text)).get(10, TimeUnit.SECONDS);
	}

	private long recorded(List<String> cases) {
		return this.mongo
			.count(Query.query(Criteria.where("caseId").in(cases)), OverdueEntry.class)
			.block(PATIENCE);
	}

	private static long reminders(List<String> cases) {
		return Arrays.stream(mail.getReceivedMessages()).filter((message) -> {
			try {
				return cases.stream().anyMatch(message.getSubject()::contains);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).count();
	}

	private static List<MimeMessage> emailsTo(String address) {
		return Arrays.stream(mail.getReceivedMessages()).filter((message) -> {
			try {
				return Arrays.stream(message.getAllRecipients())
					.anyMatch((recipient) -> recipient.toString().equalsIgnoreCase(address));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private static String partOf(Part part, String type) throws Exception {
		if (part.isMimeType(type)) {
			return (String) part.getContent();
		}
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				String found = partOf(multipart.getBodyPart(i), type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	static String newCaseId() {
		return "c-" + UUID.randomUUID();
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The service's only clock: the system's, moved forward by the test for every thread at once. */
	@TestConfiguration(proxyBeanMethods = false)
	static class MovableClock {

		@Bean
		Moving movingClock() {
			return new Moving(Clock.systemUTC(), new AtomicReference<>(Duration.ZERO));
		}

		static final class Moving extends Clock {

			private final Clock system;

			private final AtomicReference<Duration> offset;

			Moving(Clock system, AtomicReference<Duration> offset) {
				this.system = system;
				this.offset = offset;
			}

			void move(Duration by) {
				this.offset.accumulateAndGet(by, Duration::plus);
			}

			/**
			 * Moves to one second into the next period of {@code length}, so a test has the whole
			 * period before the next one starts.
			 * @return the start of the period it is now in
			 */
			Instant moveToNextPeriodOf(Duration length) {
				long millis = length.toMillis();
				Instant now = instant();
				Instant next = Instant.ofEpochMilli((Math.floorDiv(now.toEpochMilli(), millis) + 1) * millis);
				move(Duration.between(now, next.plusSeconds(1)));
				return next;
			}

			@Override
			public Instant instant() {
				return this.system.instant().plus(this.offset.get());
			}

			@Override
			public ZoneId getZone() {
				return this.system.getZone();
			}

			@Override
			public Clock withZone(ZoneId zone) {
				return new Moving(this.system.withZone(zone), this.offset);
			}

		}

	}

}

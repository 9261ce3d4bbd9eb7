package org.misinfodesk.platform.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.misinfodesk.platform.events.IncomingEvent;
import org.misinfodesk.platform.test.EmbeddedMongo;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class InboxIT {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final MongoClient client = MongoClients.create(EmbeddedMongo.uri("inbox-test"));

	private final Inbox inbox = new Inbox(new ReactiveMongoTemplate(this.client, "inbox-test"), Clock.systemUTC());

	@AfterEach
	void close() {
		this.client.close();
	}

	@Test
	void aBatchSeesTheEventsItsHandlerRememberedOneByOneOrTogether() {
		IncomingEvent once = anEvent();
		IncomingEvent together = anEvent();
		IncomingEvent fresh = anEvent();
		this.inbox.once("open-case", once, Mono.empty()).block(WAIT);
		this.inbox.remember("open-case", List.of(together, together)).block(WAIT);

		assertThat(this.inbox.seen("open-case", List.of(once, together, fresh)).block(WAIT))
			.containsExactlyInAnyOrder(once.id(), together.id());
		assertThat(this.inbox.seen("another-handler", List.of(once, together, fresh)).block(WAIT)).isEmpty();
	}

	@Test
	void rememberingABatchAgainKeepsWhatWasRememberedAndAddsTheRest() {
		IncomingEvent earlier = anEvent();
		IncomingEvent later = anEvent();
		this.inbox.remember("open-case", List.of(earlier)).block(WAIT);

		this.inbox.remember("open-case", List.of(earlier, later)).block(WAIT);

		AtomicInteger ran = new AtomicInteger();
		this.inbox.once("open-case", later, Mono.fromRunnable(ran::incrementAndGet)).block(WAIT);
		assertThat(ran).hasValue(0);
		assertThat(this.inbox.seen("open-case", List.of(earlier, later)).block(WAIT)).hasSize(2);
	}

	private static IncomingEvent anEvent() {
		return new IncomingEvent(UUID.randomUUID().toString(), "org.misinfodesk.test.v1", "/test", Instant.now(),
				null, null, "{}");
	}

}

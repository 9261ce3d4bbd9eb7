package org.misinfodesk.platform;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.admin.NewTopic;
import org.misinfodesk.platform.events.TraceContext;
import org.misinfodesk.platform.inbox.Inbox;
import org.misinfodesk.platform.kafka.DeadLetters;
import org.misinfodesk.platform.kafka.KafkaSettings;
import org.misinfodesk.platform.observability.BrokerHealthIndicator;
import org.misinfodesk.platform.observability.StoreHealthIndicator;
import org.misinfodesk.platform.outbox.Outbox;
import org.misinfodesk.platform.outbox.OutboxMetrics;
import org.misinfodesk.platform.outbox.OutboxRelay;
import org.misinfodesk.platform.outbox.OutboxSettings;
import org.misinfodesk.platform.problem.LanguageResolver;
import org.misinfodesk.platform.problem.ProblemWebExceptionHandler;
import org.misinfodesk.platform.web.SecurityHeaders;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * Wires the chassis into every service: outbox and relay, inbox, dead letters, problem+json,
 * language resolution, honest health.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration",
		afterName = { "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
				"org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration",
				"org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration" })
@EnableConfigurationProperties({ OutboxSettings.class, KafkaSettings.class })
public class PlatformAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	OutboxRelay outboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, String> kafka,
			OutboxSettings settings, ObjectProvider<MeterRegistry> registry, Clock clock) {
		return new OutboxRelay(mongo, kafka, settings,
				new OutboxMetrics(registry.getIfAvailable(SimpleMeterRegistry::new), clock));
	}

	@Bean
	TraceContext traceContext(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		return new TraceContext(tracer.getIfAvailable(() -> Tracer.NOOP),
				propagator.getIfAvailable(() -> Propagator.NOOP));
	}

	@Bean
	Outbox outbox(@Value("${misinfodesk.events.source:/${spring.application.name}}") String source, JsonMapper json,
			Clock clock, OutboxRelay relay, TraceContext trace) {
		return new Outbox(source, json, clock, relay, trace);
	}

	@Bean
	Inbox inbox(ReactiveMongoTemplate mongo, Clock clock) {
		return new Inbox(mongo, clock);
	}

	@Bean
	CommonErrorHandler deadLetteringErrorHandler(KafkaTemplate<String, String> kafka, KafkaSettings settings) {
		return DeadLetters.errorHandler(kafka, settings);
	}

	@Bean
	@ConditionalOnProperty(name = "misinfodesk.kafka.create-topics", havingValue = "true")
	KafkaAdmin.NewTopics misinfodeskTopics(KafkaSettings settings) {
		List<NewTopic> topics = new ArrayList<>();
		for (String topic : settings.topics()) {
			topics.add(new NewTopic(topic, settings.partitions(), (short) 1));
			topics.add(new NewTopic(topic + KafkaSettings.DEAD_LETTER_SUFFIX, 1, (short) 1));
		}
		return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
	}

	@Bean
	ProblemWebExceptionHandler problemWebExceptionHandler(MessageSource messages, JsonMapper json) {
		return new ProblemWebExceptionHandler(messages, json);
	}

	/** Every call to the store has a deadline, so a stuck store shows as errors and DOWN, not as hung requests. */
	@Bean
	MongoClientSettingsBuilderCustomizer storeTimeouts() {
		return (settings) -> settings
			.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(10, TimeUnit.SECONDS))
			.applyToSocketSettings((socket) -> socket.connectTimeout(5, TimeUnit.SECONDS)
				.readTimeout(30, TimeUnit.SECONDS));
	}

	@Bean
	SecurityHeaders securityHeaders() {
		return new SecurityHeaders();
	}

	@Bean(name = "localeContextResolver")
	LocaleContextResolver localeContextResolver() {
		return new LanguageResolver();
	}

	@Bean(name = "storeHealthIndicator")
	StoreHealthIndicator storeHealthIndicator(ReactiveMongoTemplate mongo) {
		return new StoreHealthIndicator(mongo, Duration.ofSeconds(2));
	}

	@Bean(name = "brokerHealthIndicator")
	BrokerHealthIndicator brokerHealthIndicator(KafkaAdmin kafkaAdmin) {
		return new BrokerHealthIndicator(kafkaAdmin, Duration.ofSeconds(3));
	}

}

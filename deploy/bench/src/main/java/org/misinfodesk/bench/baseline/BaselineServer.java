package org.misinfodesk.bench.baseline;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The least a report intake can do on these dependencies: per {@code POST /api/v1/reports}, one insert
 * into the store (the driver's default write concern, acknowledged, as the services use) and one send to
 * the broker with the services' producer settings (String serializers, {@code acks=all}, idempotence,
 * {@code linger.ms=2}), waiting for both, then {@code 201}. Same Netty/Reactor stack as the services,
 * without Spring, validation, outbox or security.
 */
public final class BaselineServer implements AutoCloseable {

	/** The producer settings of the services (platform's misinfodesk-platform-defaults.properties). */
	static final Map<String, Object> SERVICE_PRODUCER = Map.of(ProducerConfig.ACKS_CONFIG, "all",
			ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 2,
			ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
			ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);

	public static final String COLLECTION = "reports";

	private final MongoClient mongo;

	private final MongoCollection<Document> reports;

	private final KafkaProducer<String, String> producer;

	private final String topic;

	private final DisposableServer server;

	public BaselineServer(int port, String mongoUri, String bootstrapServers, String topic) {
		this.mongo = MongoClients.create(mongoUri);
		String database = new com.mongodb.ConnectionString(mongoUri).getDatabase();
		this.reports = this.mongo.getDatabase((database != null) ? database : "bench").getCollection(COLLECTION);
		Properties properties = new Properties();
		properties.putAll(SERVICE_PRODUCER);
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
		properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
		this.producer = new KafkaProducer<>(properties);
		this.topic = topic;
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(port)
			.route((routes) -> routes.post("/api/v1/reports", (request, response) -> request.receive()
				.aggregate()
				.asString(StandardCharsets.UTF_8)
				.flatMap(this::accept)
				.flatMap((id) -> response.status(HttpResponseStatus.CREATED)
					.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
					.sendString(Mono.just("{\"id\":\"" + id + "\"}"))
					.then())
				.onErrorResume((ex) -> response.status(HttpResponseStatus.INTERNAL_SERVER_ERROR).send())))
			.bindNow(Duration.ofSeconds(30));
	}

	/** Stores the body as one document, sends it as one record, and gives the id once both are acknowledged. */
	Mono<String> accept(String body) {
		String id = UUID.randomUUID().toString();
		Document document = new Document("_id", id).append("body", body).append("receivedAt", Instant.now());
		return Mono.from(this.reports.insertOne(document)).then(send(id, body)).thenReturn(id);
	}

	private Mono<Void> send(String key, String value) {
		return Mono.create((sink) -> this.producer.send(new ProducerRecord<>(this.topic, key, value),
				(metadata, ex) -> {
					if (ex != null) {
						sink.error(ex);
					}
					else {
						sink.success();
					}
				}));
	}

	public int port() {
		return this.server.port();
	}

	@Override
	public void close() {
		this.server.disposeNow(Duration.ofSeconds(10));
		this.producer.close(Duration.ofSeconds(10));
		this.mongo.close();
	}

	/** {@code BaselineServer <port> <mongodb uri with database> <bootstrap servers> <topic>}; runs until killed. */
	public static void main(String[] args) throws InterruptedException {
		BaselineServer server = new BaselineServer(Integer.parseInt(args[0]), args[1], args[2], args[3]);
		Runtime.getRuntime().addShutdownHook(new Thread(server::close));
		System.out.println("Baseline listening on " + server.port());
		new CountDownLatch(1).await();
	}

}

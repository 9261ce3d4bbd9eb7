package org.misinfodesk.platform.observability;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Asks the broker cluster to describe itself; down while no broker answers, so readiness tells a
 * load balancer to stop sending work that could not be published.
 */
public class BrokerHealthIndicator extends AbstractReactiveHealthIndicator implements DisposableBean {

	private final KafkaAdmin kafkaAdmin;

	private final Duration timeout;

	private volatile Admin admin;

	public BrokerHealthIndicator(KafkaAdmin kafkaAdmin, Duration timeout) {
		super("Broker unreachable");
		this.kafkaAdmin = kafkaAdmin;
		this.timeout = timeout;
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		return Mono.fromCallable(() -> {
			int millis = (int) this.timeout.toMillis();
			var nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs(millis))
				.nodes()
				.get(millis, TimeUnit.MILLISECONDS);
			return builder.up().withDetail("brokers", nodes.size()).build();
		}).subscribeOn(Schedulers.boundedElastic());
	}

	private Admin admin() {
		Admin current = this.admin;
		if (current == null) {
			synchronized (this) {
				if (this.admin == null) {
					this.admin = Admin.create(this.kafkaAdmin.getConfigurationProperties());
				}
				current = this.admin;
			}
		}
		return current;
	}

	@Override
	public void destroy() {
		Admin current = this.admin;
		if (current != null) {
			current.close(Duration.ofSeconds(2));
		}
	}

}

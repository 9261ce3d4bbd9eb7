package org.misinfodesk.local;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.misinfodesk.local.fault.LocalStack;
import org.misinfodesk.local.scale.ScaleOutRun;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short scale-out run: 3 instances each of triage-service and notification-service on
 * 6-partition topics, 200 reports, one instance of each killed with -9 and started again meanwhile;
 * every report gets its case, every routed case its single webhook. The full run is
 * {@code deploy/local/scale-out-test.sh}.
 */
class ScaleOutIT {

	private LocalStack stack;

	@AfterEach
	void stop() {
		if (this.stack != null) {
			this.stack.stop();
		}
	}

	@Test
	void instancesKilledMidStreamLoseNoReportAndDuplicateNoWebhook() throws Exception {
		Path module = Path.of("").toAbsolutePath();
		Path jars = ScaleOutRun.snapshotJars(module.resolve("../.."), module.resolve("target/scale-out-it-jars"));
		this.stack = LocalStack.fresh(module.resolve("run.sh"), module.resolve("target/scale-out-it-data"),
				ScaleOutRun.environment(jars), ScaleOutRun.extraPorts());

		ScaleOutRun.Figures figures = new ScaleOutRun(this.stack, new ScaleOutRun.Settings(200, 5, Duration.ofMinutes(4)))
			.run();

		System.out.println(figures.table());
		assertThat(figures.accepted()).isGreaterThan(150);
		assertThat(figures.reportsWithoutCase()).isZero();
		assertThat(figures.routedCases()).isPositive();
		assertThat(figures.routedWithoutWebhook()).isZero();
		assertThat(figures.redeliveredNotByKill()).isZero();
		assertThat(figures.duplicatedAlerts()).isZero();
		assertThat(figures.kills()).hasSize(1);
	}

}

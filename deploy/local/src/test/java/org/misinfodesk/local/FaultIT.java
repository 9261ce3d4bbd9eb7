package org.misinfodesk.local;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.misinfodesk.local.fault.FaultRun;
import org.misinfodesk.local.fault.LocalStack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short fault run: a few hundred reports while each service and the broker are killed with -9
 * and restarted; nothing accepted is lost, every case is alerted exactly once.
 */
class FaultIT {

	private LocalStack stack;

	@AfterEach
	void stop() {
		if (this.stack != null) {
			this.stack.stop();
		}
	}

	@Test
	void killingEachProcessOnceLosesNothingAndDuplicatesNoAlert() throws Exception {
		Path module = Path.of("").toAbsolutePath();
		this.stack = LocalStack.fresh(module.resolve("run.sh"), module.resolve("target/fault-it-data"),
				LocalStack.LOAD_GENERATOR);

		FaultRun.Figures figures = new FaultRun(this.stack, new FaultRun.Settings(240, 4, Duration.ofMinutes(5)))
			.run();

		System.out.println(figures.table());
		assertThat(figures.accepted()).isGreaterThan(100);
		assertThat(figures.lost()).isZero();
		assertThat(figures.notForwarded()).isZero();
		assertThat(figures.missingAlerts()).isZero();
		assertThat(figures.duplicated()).isZero();
		assertThat(figures.kills()).containsExactly("report-service", "triage-service", "notification-service",
				"broker");
	}

}

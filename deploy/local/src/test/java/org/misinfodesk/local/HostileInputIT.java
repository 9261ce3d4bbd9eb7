package org.misinfodesk.local;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.misinfodesk.local.fault.LocalStack;
import org.misinfodesk.local.hostile.HostileCampaign;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short hostile campaign: every documented endpoint of the packaged services answers bad input
 * with a 4xx problem+json, never a 5xx, and stores no refused report.
 */
class HostileInputIT {

	private static LocalStack stack;

	@BeforeAll
	static void start() throws Exception {
		Path module = Path.of("").toAbsolutePath();
		stack = LocalStack.fresh(module.resolve("run.sh"), module.resolve("target/hostile-it-data"));
		stack.start();
	}

	@AfterAll
	static void stop() {
		stack.stop();
	}

	@Test
	void badInputNeverGetsA5xxNorAnythingButProblemJsonNorAPartialWrite() throws Exception {
		HostileCampaign.Result result = HostileCampaign.against(stack).run(1_500, 11);

		System.out.println(result.table());
		assertThat(result.violations()).isEmpty();
		assertThat(result.reportsStored()).isEqualTo(result.reportsAccepted());
		assertThat(result.statuses().keySet()).allMatch((status) -> status < 500);
	}

}

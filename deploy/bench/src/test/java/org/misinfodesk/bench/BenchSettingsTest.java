package org.misinfodesk.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BenchSettingsTest {

	private final Path root = Path.of("/repo");

	@Test
	void theFullRunSeedsAMillionCasesAndWritesTheDocs() {
		BenchSettings settings = BenchSettings.parse(new String[0], this.root);

		assertThat(settings.cases()).isEqualTo(1_000_000);
		assertThat(settings.endToEndRate()).isEqualTo(200);
		assertThat(settings.endToEndTime()).isEqualTo(Duration.ofSeconds(60));
		assertThat(settings.out()).isEqualTo(Path.of("/repo/docs"));
	}

	@Test
	void aQuickRunWritesUnderTargetAndFlagsOverrideIt() {
		BenchSettings settings = BenchSettings.parse(
				new String[] { "--quick", "--rates", "100,25", "--cases", "5000", "--e2e-rate", "50" }, this.root);

		assertThat(settings.quick()).isTrue();
		assertThat(settings.rates()).isEqualTo(List.of(25, 100));
		assertThat(settings.cases()).isEqualTo(5000);
		assertThat(settings.endToEndRate()).isEqualTo(50);
		assertThat(settings.out()).isEqualTo(Path.of("/repo/deploy/bench/target/quick"));
	}

	@Test
	void anUnknownFlagOrAMissingValueIsRefusedWithTheUsage() {
		assertThatIllegalArgumentException().isThrownBy(() -> BenchSettings.parse(new String[] { "--fast" }, this.root))
			.withMessageContaining("usage");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BenchSettings.parse(new String[] { "--rates" }, this.root));
	}

}

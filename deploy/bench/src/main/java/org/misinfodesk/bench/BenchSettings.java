package org.misinfodesk.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What a run does, from {@code bench.sh}'s flags.
 *
 * @param rates the ingest steps, requests per second, lowest first
 * @param step how long each ingest step lasts
 * @param endToEndRate the fixed rate of the end-to-end run
 * @param endToEndTime how long the end-to-end run offers reports
 * @param decideEvery every how many end-to-end reports one case is decided
 * @param history closed and resolved cases seeded into triage's store
 * @param open open cases seeded
 * @param seedBudget how long seeding may take before the rest of the history is left out (zero: no limit)
 * @param out where the Markdown page and the chart go
 * @param stopMillis the ingest p99 past which no higher rate is offered
 */
record BenchSettings(List<Integer> rates, Duration step, int endToEndRate, Duration endToEndTime, int decideEvery,
		int history, int open, Duration seedBudget, Path out, boolean quick, double stopMillis) {

	static final List<Integer> FULL_RATES = List.of(25, 50, 100, 150, 200, 300, 400, 600, 800, 1200, 1600, 3200);

	static final String USAGE = """
			usage: deploy/bench/bench.sh [--quick] [--rates 25,50,100] [--step-seconds 12] [--e2e-rate 200]
			                             [--e2e-seconds 60] [--decide-every 10] [--cases 1000000] [--open 3000]
			                             [--seed-minutes 1] [--stop-p99-ms 1000] [--out docs]
			  --quick  a short run for development: 4 steps of 5 s from 10/s, 15 s end to end at 100/s, 5,000 cases;
			           writes to deploy/bench/target/quick instead of docs/
			  --seed-minutes  seeding stops after this long and the queue is measured on what was written
			           (0: no limit; the embedded store writes a few hundred cases a second)
			  --stop-p99-ms  no higher ingest rate is offered once a step's p99 passes this (a step holds
			           its rate at p99 <= 100 ms)""";

	static BenchSettings parse(String[] args, Path root) {
		boolean quick = Arrays.asList(args).contains("--quick");
		BenchSettings s = quick
				? new BenchSettings(List.of(10, 25, 50, 100), Duration.ofSeconds(5), 100, Duration.ofSeconds(15), 10,
						4_500, 500, Duration.ZERO, root.resolve("deploy/bench/target/quick"), true, 1000)
				: new BenchSettings(FULL_RATES, Duration.ofSeconds(12), 200, Duration.ofSeconds(60), 10, 997_000, 3_000,
						Duration.ofMinutes(2), root.resolve("docs"), false, 1000);
		for (int i = 0; i < args.length; i++) {
			String flag = args[i];
			if ("--quick".equals(flag)) {
				continue;
			}
			if (i + 1 >= args.length) {
				throw new IllegalArgumentException("No value after " + flag + "\n" + USAGE);
			}
			String value = args[++i];
			s = switch (flag) {
				case "--rates" -> s.withRates(Arrays.stream(value.split(",")).map(String::strip).map(Integer::valueOf)
					.sorted().toList());
				case "--step-seconds" -> s.withStep(Duration.ofSeconds(positive(flag, value)));
				case "--e2e-rate" -> s.withEndToEnd(positive(flag, value), s.endToEndTime());
				case "--e2e-seconds" -> s.withEndToEnd(s.endToEndRate(), Duration.ofSeconds(positive(flag, value)));
				case "--decide-every" -> s.withDecideEvery(positive(flag, value));
				case "--cases" -> s.withCases(Math.max(0, positive(flag, value) - s.open()), s.open());
				case "--open" -> s.withCases(s.history(), positive(flag, value));
				case "--out" -> s.withOut(root.resolve(value));
				case "--seed-minutes" -> s.withSeedBudget(Duration.ofMinutes(Integer.parseInt(value)));
				case "--stop-p99-ms" -> s.withStopMillis(positive(flag, value));
				default -> throw new IllegalArgumentException("Unknown flag " + flag + "\n" + USAGE);
			};
		}
		return s;
	}

	private static int positive(String flag, String value) {
		int n = Integer.parseInt(value.replace("_", ""));
		if (n < 1) {
			throw new IllegalArgumentException(flag + " must be positive");
		}
		return n;
	}

	int cases() {
		return this.history + this.open;
	}

	BenchSettings withRates(List<Integer> rates) {
		return new BenchSettings(rates, this.step, this.endToEndRate, this.endToEndTime, this.decideEvery,
				this.history, this.open, this.seedBudget, this.out, this.quick, this.stopMillis);
	}

	BenchSettings withStep(Duration step) {
		return new BenchSettings(this.rates, step, this.endToEndRate, this.endToEndTime, this.decideEvery,
				this.history, this.open, this.seedBudget, this.out, this.quick, this.stopMillis);
	}

	BenchSettings withEndToEnd(int rate, Duration time) {
		return new BenchSettings(this.rates, this.step, rate, time, this.decideEvery, this.history, this.open,
				this.seedBudget, this.out, this.quick, this.stopMillis);
	}

	BenchSettings withDecideEvery(int every) {
		return new BenchSettings(this.rates, this.step, this.endToEndRate, this.endToEndTime, every, this.history,
				this.open, this.seedBudget, this.out, this.quick, this.stopMillis);
	}

	BenchSettings withCases(int history, int open) {
		return new BenchSettings(this.rates, this.step, this.endToEndRate, this.endToEndTime, this.decideEvery,
				history, open, this.seedBudget, this.out, this.quick, this.stopMillis);
	}

	BenchSettings withSeedBudget(Duration budget) {
		return new BenchSettings(this.rates, this.step, this.endToEndRate, this.endToEndTime, this.decideEvery,
				this.history, this.open, budget, this.out, this.quick, this.stopMillis);
	}

	BenchSettings withStopMillis(double stopMillis) {
		return new BenchSettings(this.rates, this.step, this.endToEndRate, this.endToEndTime, this.decideEvery,
				this.history, this.open, this.seedBudget, this.out, this.quick, stopMillis);
	}

	BenchSettings withOut(Path out) {
		return new BenchSettings(this.rates, this.step, this.endToEndRate, this.endToEndTime, this.decideEvery,
				this.history, this.open, this.seedBudget, out, this.quick, this.stopMillis);
	}

}

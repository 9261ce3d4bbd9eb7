package org.misinfodesk.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JFR recording of a running service (started and stopped through {@code jcmd}, so that the services
 * start without it and their startup figures are not the recorder's), summarised by where the CPU samples
 * fell: the top-of-stack methods, the libraries they belong to, and the share with our code on the stack.
 */
final class Profiling {

	private static final String NAME = "bench";

	private Profiling() {
	}

	static void start(long pid, Path file) throws IOException, InterruptedException {
		jcmd(pid, "JFR.start", "name=" + NAME, "settings=profile", "filename=" + file);
	}

	static void stop(long pid) throws IOException, InterruptedException {
		jcmd(pid, "JFR.stop", "name=" + NAME);
	}

	private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
		List<String> line = new ArrayList<>(List.of("jcmd", String.valueOf(pid)));
		line.addAll(List.of(command));
		Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IOException("jcmd " + String.join(" ", command) + " failed: " + output);
		}
	}

	/** What the recording says, as Markdown lines. */
	static String summary(String service, Path file) throws IOException {
		Map<String, Integer> leaves = new HashMap<>();
		Map<String, Integer> libraries = new HashMap<>();
		Map<String, Integer> ours = new HashMap<>();
		int samples = 0;
		int withOurs = 0;
		Duration gcPauses = Duration.ZERO;
		int gcs = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
			String type = event.getEventType().getName();
			if ("jdk.GarbageCollection".equals(type)) {
				gcs++;
				gcPauses = gcPauses.plus(event.getDuration("sumOfPauses"));
			}
			if (!"jdk.ExecutionSample".equals(type) || event.getStackTrace() == null
					|| event.getStackTrace().getFrames().isEmpty()) {
				continue;
			}
			samples++;
			List<RecordedFrame> frames = event.getStackTrace().getFrames();
			RecordedFrame top = frames.get(0);
			leaves.merge(method(top), 1, Integer::sum);
			libraries.merge(library(top.getMethod().getType().getName()), 1, Integer::sum);
			for (RecordedFrame frame : frames) {
				if (frame.getMethod().getType().getName().startsWith("org.misinfodesk")) {
					withOurs++;
					ours.merge(method(frame), 1, Integer::sum);
					break;
				}
			}
		}
		StringBuilder text = new StringBuilder();
		text.append(String.format(Locale.ROOT,
				"%s: %d CPU samples (jdk.ExecutionSample, JFR profile settings); %d garbage collections, %.1f s of pauses; "
						+ "%.0f %% of samples have our code (org.misinfodesk) on the stack.%n%n",
				service, samples, gcs, gcPauses.toMillis() / 1000.0, 100.0 * withOurs / Math.max(1, samples)));
		text.append("Top-of-stack libraries: ").append(top(libraries, samples, 8)).append("\n\n");
		text.append("Top-of-stack methods: ").append(top(leaves, samples, 8)).append("\n\n");
		text.append("Our innermost frames: ").append(top(ours, samples, 6)).append('\n');
		return text.toString();
	}

	private static String top(Map<String, Integer> counts, int total, int n) {
		return String.join("; ", counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.limit(n)
			.map((e) -> String.format(Locale.ROOT, "`%s` %.1f %%", e.getKey(), 100.0 * e.getValue() / Math.max(1, total)))
			.toList());
	}

	private static String method(RecordedFrame frame) {
		String type = frame.getMethod().getType().getName();
		return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
	}

	/** The library a class belongs to, by its package. */
	static String library(String className) {
		String[][] known = { { "org.misinfodesk", "ours" }, { "io.netty", "netty" }, { "reactor.", "reactor" },
				{ "com.mongodb", "mongodb driver" }, { "org.bson", "bson" }, { "org.apache.kafka", "kafka client" },
				{ "tools.jackson", "jackson" }, { "com.fasterxml", "jackson" }, { "org.springframework", "spring" },
				{ "io.micrometer", "micrometer" }, { "brave", "brave tracing" }, { "ch.qos.logback", "logback" },
				{ "org.slf4j", "slf4j" }, { "java.util.regex", "jdk regex" }, { "java.util.zip", "jdk zip" },
				{ "java.", "jdk" }, { "jdk.", "jdk" }, { "sun.", "jdk" }, { "javax.", "jdk" } };
		for (String[] entry : known) {
			if (className.startsWith(entry[0])) {
				return entry[1];
			}
		}
		int second = className.indexOf('.', className.indexOf('.') + 1);
		return (second > 0) ? className.substring(0, second) : className;
	}

}

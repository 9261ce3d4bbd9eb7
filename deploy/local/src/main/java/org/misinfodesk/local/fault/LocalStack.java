package org.misinfodesk.local.fault;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * The local stack as {@code deploy/local/run.sh} runs it, in its own data directory and at a port
 * offset where every port is free, so it never touches a developer's running stack.
 */
public final class LocalStack {

	private static final int[] PORTS = { 8081, 8082, 8083, 9092, 9093, 27017, 3025, 8025 };

	/**
	 * For a stack that a harness loads from this one machine: every report comes from one client, so
	 * report-service's per-client submission limit is lifted (the services inherit run.sh's environment).
	 */
	public static final Map<String, String> LOAD_GENERATOR = Map.of("MISINFODESK_ABUSE_SUBMISSIONS_PER_CLIENT",
			"1000000");

	private final Path runSh;

	private final Path data;

	private final int offset;

	private final Path log;

	private final Map<String, String> environment;

	private LocalStack(Path runSh, Path data, int offset, Map<String, String> environment) {
		this.runSh = runSh;
		this.data = data;
		this.offset = offset;
		this.log = data.resolveSibling(data.getFileName() + "-run-sh.log");
		this.environment = Map.copyOf(environment);
	}

	/** A stack with a fresh data directory; nothing runs until {@link #start()}. */
	public static LocalStack fresh(Path runSh, Path data) throws IOException {
		return fresh(runSh, data, Map.of(), new int[0]);
	}

	/**
	 * A stack with a fresh data directory that {@code run.sh} starts with {@code environment} added
	 * (e.g. {@code MISINFODESK_TRIAGE_INSTANCES}), at an offset where {@code extraPorts} are free too.
	 */
	public static LocalStack fresh(Path runSh, Path data, Map<String, String> environment, int... extraPorts)
			throws IOException {
		deleteRecursively(data);
		Files.createDirectories(data);
		return new LocalStack(runSh, data, freeOffset(extraPorts), environment);
	}

	/** Starts whatever is not running and returns once every service is ready. */
	public void start() {
		runSh("--detach");
	}

	public void stop() {
		runSh("stop");
	}

	/** Kills one process of the stack ({@code report-service}, {@code broker}, ...) with SIGKILL. */
	public void kill9(String name) throws IOException, InterruptedException {
		long pid = Long.parseLong(Files.readString(this.data.resolve("pids").resolve(name + ".pid")).trim());
		ProcessHandle.of(pid).ifPresent((process) -> {
			process.destroyForcibly();
			process.onExit().join();
		});
	}

	public int port(int documented) {
		return documented + this.offset;
	}

	public String url(int documentedPort) {
		return "http://127.0.0.1:" + port(documentedPort);
	}

	public Path data() {
		return this.data;
	}

	private void runSh(String argument) {
		try {
			ProcessBuilder builder = new ProcessBuilder("bash", this.runSh.toString(), argument).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()));
			builder.environment().put("MISINFODESK_DATA_DIR", this.data.toString());
			builder.environment().put("MISINFODESK_PORT_OFFSET", String.valueOf(this.offset));
			builder.environment().putAll(this.environment);
			Process process = builder.start();
			process.getOutputStream().close();
			if (!process.waitFor(6, TimeUnit.MINUTES) || process.exitValue() != 0) {
				process.destroyForcibly();
				throw new IllegalStateException("run.sh " + argument + " failed; last lines of " + this.log + ":\n"
						+ tail(this.log));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run " + this.runSh, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running run.sh " + argument, ex);
		}
	}

	private static String tail(Path file) throws IOException {
		var lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
	}

	private static int freeOffset(int... extraPorts) {
		return IntStream.iterate(21000, (o) -> o + 500)
			.limit(30)
			.filter((o) -> IntStream.concat(IntStream.of(PORTS), IntStream.of(extraPorts)).allMatch((p) -> isFree(p + o)))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No free port offset for a local stack"));
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void deleteRecursively(Path dir) throws IOException {
		if (Files.exists(dir)) {
			try (var paths = Files.walk(dir)) {
				paths.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
			}
		}
	}

}

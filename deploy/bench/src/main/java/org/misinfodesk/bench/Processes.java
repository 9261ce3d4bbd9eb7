package org.misinfodesk.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** What Linux says about a process of the stack: its pid (from run.sh's pid files), start, memory and CPU. */
final class Processes {

	/** Linux's USER_HZ: the unit of the CPU times in /proc/[pid]/stat. */
	private static final double TICKS_PER_SECOND = 100.0;

	private Processes() {
	}

	static long pid(Path data, String name) throws IOException {
		return Long.parseLong(Files.readString(data.resolve("pids").resolve(name + ".pid")).trim());
	}

	static Optional<Instant> startedAt(long pid) {
		return ProcessHandle.of(pid).flatMap((p) -> p.info().startInstant());
	}

	/** Resident set size in MB, from VmRSS in /proc/[pid]/status; NaN if the process is gone. */
	static double rssMegabytes(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
				}
			}
		}
		catch (IOException ex) {
			return Double.NaN;
		}
		return Double.NaN;
	}

	/** User plus system CPU seconds the process used so far, from /proc/[pid]/stat. */
	static double cpuSeconds(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// fields after the command name start at field 3 (state); utime is field 14, stime field 15
			return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
		}
		catch (IOException | RuntimeException ex) {
			return Double.NaN;
		}
	}

	/** CPU seconds this JVM (the load generator) used so far. */
	static double ownCpuSeconds() {
		var os = ManagementFactory.getOperatingSystemMXBean();
		if (os instanceof com.sun.management.OperatingSystemMXBean bean) {
			return bean.getProcessCpuTime() / 1e9;
		}
		return Double.NaN;
	}

}

package org.misinfodesk.checks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every metric of ours that an alert rule or a Grafana panel names is one that a service registers:
 * an alert on a metric nobody exports never fires, and a renamed metric would silence it.
 */
class MonitoringDriftTest {

	private static final Path REPOSITORY = DeploymentDriftTest.REPOSITORY;

	private static final Pattern OURS = Pattern.compile("misinfodesk_[a-z_]+");

	private static final Pattern REGISTERED = Pattern.compile("\"(misinfodesk(?:\\.[a-z]+)+)\"");

	@Test
	void alertsAndDashboardsNameOnlyMetricsTheServicesRegister() throws IOException {
		Set<String> registered = registeredMetrics();
		Set<String> named = new TreeSet<>();
		named.addAll(metricsIn(REPOSITORY.resolve("deploy/compose/prometheus/alerts.yml")));
		try (Stream<Path> dashboards = Files.list(REPOSITORY.resolve("deploy/compose/grafana/dashboards"))) {
			for (Path dashboard : dashboards.toList()) {
				named.addAll(metricsIn(dashboard));
			}
		}

		assertThat(named).as("our metrics named by alerts and dashboards").isNotEmpty();
		assertThat(named).allSatisfy((metric) -> assertThat(registered)
			.as("%s is named in monitoring; the services register %s", metric, registered)
			.contains(meterName(metric)));
	}

	@Test
	void prometheusLoadsTheAlertRulesComposeMounts() {
		String prometheus = ServiceConfiguration.read(REPOSITORY.resolve("deploy/compose/prometheus/prometheus.yml"));
		String compose = ServiceConfiguration.read(REPOSITORY.resolve("deploy/compose/compose.yaml"));
		assertThat(prometheus).contains("/etc/prometheus/alerts.yml");
		assertThat(compose).contains("./prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro");
	}

	@Test
	void everyServiceLogsJsonOutsideTheLocalProfile() {
		for (String module : DeploymentDriftTest.MODULES) {
			String application = ServiceConfiguration
				.read(REPOSITORY.resolve(module).resolve("src/main/resources/application.yaml"));
			String outsideLocal = application.substring(Math.max(0, application.lastIndexOf("on-profile: \"!local\"")));
			assertThat(outsideLocal).as(module).startsWith("on-profile: \"!local\"")
				.contains("logging.structured.format.console: ecs");
		}
	}

	/** The Micrometer name behind a Prometheus series name. */
	static String meterName(String series) {
		String base = series.replaceAll("_(bucket|count|sum|max)$", "").replaceAll("_(total|seconds)$", "");
		return base.replace('_', '.');
	}

	private static Set<String> metricsIn(Path file) {
		Set<String> found = new TreeSet<>();
		Matcher matcher = OURS.matcher(ServiceConfiguration.read(file));
		while (matcher.find()) {
			found.add(matcher.group());
		}
		return found;
	}

	private static Set<String> registeredMetrics() throws IOException {
		Set<String> names = new TreeSet<>();
		for (String module : Stream.concat(DeploymentDriftTest.MODULES.stream(), Stream.of("platform")).toList()) {
			try (Stream<Path> sources = Files.walk(REPOSITORY.resolve(module).resolve("src/main/java"))) {
				for (Path source : sources.filter((path) -> path.toString().endsWith(".java")).toList()) {
					Matcher matcher = REGISTERED.matcher(ServiceConfiguration.read(source));
					while (matcher.find()) {
						names.add(matcher.group(1));
					}
				}
			}
		}
		return names;
	}

}

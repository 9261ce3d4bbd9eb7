package org.misinfodesk.checks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parses every deployment file (the services' Dockerfiles, {@code deploy/compose/compose.yaml}, every
 * YAML file of {@code deploy/k8s} through its overlays) and fails on what can drift from the
 * services' own configuration and {@code contracts/asyncapi.yaml}: image names, ports, probe paths,
 * environment variables nobody reads (the rule is in {@link ServiceConfiguration}), Secret and
 * ConfigMap keys that do not exist, and topic names.
 */
class DeploymentDriftTest {

	static final List<String> MODULES = List.of("report-service", "triage-service", "notification-service");

	static final Path REPOSITORY = Path.of("").toAbsolutePath().resolve("../..").normalize();

	static final Path COMPOSE = REPOSITORY.resolve("deploy/compose");

	static final Path K8S = REPOSITORY.resolve("deploy/k8s");

	private static final Pattern COMPOSITION = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

	private static Map<String, ServiceConfiguration> services;

	private static Map<String, Object> compose;

	private static List<Overlay> overlays;

	@BeforeAll
	@SuppressWarnings("unchecked")
	static void readEverything() throws IOException {
		services = new LinkedHashMap<>();
		MODULES.forEach((module) -> services.put(module, new ServiceConfiguration(REPOSITORY, module)));
		compose = (Map<String, Object>) Yaml.load(COMPOSE.resolve("compose.yaml")).get(0);
		try (Stream<Path> dirs = Files.list(K8S.resolve("overlays"))) {
			overlays = dirs.filter(Files::isDirectory).sorted().map(Overlay::new).toList();
		}
		try (Stream<Path> files = Files.walk(K8S)) {
			files.filter((f) -> f.toString().endsWith(".yaml")).forEach(Yaml::load);
		}
	}

	@Test
	void thereIsAComposeFileAndADevAndAProdOverlay() {
		assertThat(overlays).extracting((o) -> o.name).contains("dev", "prod");
		assertThat(composeServices().keySet()).containsAll(MODULES);
	}

	@Test
	void imagesAreNamedAfterTheModulesTheyAreBuiltFrom() {
		List<String> drift = new ArrayList<>();
		for (String module : MODULES) {
			String dockerfile = ServiceConfiguration.read(REPOSITORY.resolve(module).resolve("Dockerfile"));
			check(drift, dockerfile.contains("COPY target/" + module + "-*.jar"), module + "/Dockerfile copies another module's jar");
			Object service = composeServices().get(module);
			check(drift, image(Yaml.text(service, "image")).equals("misinfodesk/" + module),
					"compose " + module + " runs image " + Yaml.text(service, "image"));
			check(drift, REPOSITORY.resolve(module).equals(COMPOSE.resolve(Yaml.text(service, "build")).normalize()),
					"compose " + module + " builds from " + Yaml.text(service, "build"));
		}
		for (Overlay overlay : overlays) {
			for (String module : MODULES) {
				Map<String, Object> deployment = overlay.named("Deployment", module);
				check(drift, deployment != null, overlay.name + ": no Deployment " + module);
				if (deployment != null) {
					String image = Yaml.text(Overlay.containers(deployment).get(0), "image");
					check(drift, image(image).equals("misinfodesk/" + module),
							overlay.name + ": Deployment " + module + " runs image " + image);
				}
			}
			for (Map<String, Object> deployment : overlay.ofKind("Deployment")) {
				for (Object container : Overlay.containers(deployment)) {
					String image = image(Yaml.text(container, "image"));
					if (image.startsWith("misinfodesk/")) {
						check(drift, MODULES.contains(image.substring("misinfodesk/".length()))
								&& image.endsWith("/" + Yaml.text(deployment, "metadata", "name")),
								overlay.name + ": Deployment " + Yaml.text(deployment, "metadata", "name") + " runs " + image);
					}
				}
			}
		}
		assertThat(drift).as("image drift").isEmpty();
	}

	@Test
	void portsAndProbePathsMatchEachServicesConfiguration() {
		List<String> drift = new ArrayList<>();
		for (ServiceConfiguration service : services.values()) {
			String port = String.valueOf(service.serverPort());
			String readiness = service.actuatorPath("health/readiness");
			String liveness = service.actuatorPath("health/liveness");
			String dockerfile = ServiceConfiguration.read(service.root.resolve("Dockerfile"));
			check(drift, dockerfile.contains("\nEXPOSE " + port + "\n"), service.module + "/Dockerfile exposes another port than " + port);
			check(drift, dockerfile.contains("SERVER_PORT=" + port), service.module + "/Dockerfile sets another SERVER_PORT than " + port);
			check(drift, Pattern.compile("HEALTHCHECK[^\n]*\\\\\n[^\n]*" + Pattern.quote(readiness)).matcher(dockerfile).find(),
					service.module + "/Dockerfile's HEALTHCHECK is not on " + readiness);
			check(drift, dockerfile.contains("\nUSER 10001"), service.module + "/Dockerfile does not run as the unprivileged user");

			Object composed = composeServices().get(service.module);
			check(drift, Yaml.list(composed, "expose").stream().map(String::valueOf).toList().equals(List.of(port)),
					"compose " + service.module + " exposes " + Yaml.list(composed, "expose"));
			check(drift, port.equals(Yaml.text(Yaml.map(composed, "environment"), "SERVER_PORT")),
					"compose " + service.module + " sets SERVER_PORT " + Yaml.text(Yaml.map(composed, "environment"), "SERVER_PORT"));

			for (Overlay overlay : overlays) {
				String where = overlay.name + ": " + service.module;
				Map<String, Object> deployment = overlay.named("Deployment", service.module);
				Object container = Overlay.containers(deployment).get(0);
				Map<String, String> ports = new LinkedHashMap<>();
				Yaml.list(container, "ports").forEach((p) -> ports.put(Yaml.text(p, "name"), Yaml.text(p, "containerPort")));
				check(drift, ports.equals(Map.of("http", port)), where + " container ports " + ports + ", configured " + port);
				probe(drift, where + " readinessProbe", Yaml.map(container, "readinessProbe"), readiness, port);
				probe(drift, where + " livenessProbe", Yaml.map(container, "livenessProbe"), liveness, port);
				probe(drift, where + " startupProbe", Yaml.map(container, "startupProbe"), liveness, port);
				Map<String, Object> kubeService = overlay.named("Service", service.module);
				check(drift, kubeService != null, where + " has no Service");
				if (kubeService != null) {
					Object servicePort = Yaml.list(kubeService, "spec", "ports").get(0);
					check(drift, port.equals(Yaml.text(servicePort, "port"))
							&& List.of("http", port).contains(Yaml.text(servicePort, "targetPort")),
							where + " Service port " + servicePort);
				}
			}
			assertThat(Yaml.text(Yaml.load(REPOSITORY.resolve("deploy/compose/prometheus/prometheus.yml")).get(0)))
				.isNotNull();
		}
		String prometheus = ServiceConfiguration.read(COMPOSE.resolve("prometheus/prometheus.yml"));
		for (ServiceConfiguration service : services.values()) {
			check(drift, prometheus.contains("names: [" + service.module + "], type: A, port: " + service.serverPort()),
					"prometheus does not scrape " + service.module + " on " + service.serverPort());
		}
		check(drift, prometheus.contains("metrics_path: " + services.get(MODULES.get(0)).actuatorPath("prometheus")),
				"prometheus scrapes another path than the actuator's");
		assertThat(drift).as("port and probe drift").isEmpty();
	}

	@Test
	void everyEnvironmentVariableAManifestSetsIsOneItsServiceReads() {
		List<String> drift = new ArrayList<>();
		for (ServiceConfiguration service : services.values()) {
			Map<String, Object> environment = Yaml.map(composeServices().get(service.module), "environment");
			for (String name : environment.keySet()) {
				check(drift, service.reads(name), "compose " + service.module + " sets " + name + ", which it does not read");
			}
			for (Overlay overlay : overlays) {
				Object container = Overlay.containers(overlay.named("Deployment", service.module)).get(0);
				for (String name : environmentOf(overlay, container)) {
					check(drift, service.reads(name),
							overlay.name + ": " + service.module + " gets " + name + ", which it does not read");
				}
			}
		}
		assertThat(drift).as("environment variables no service reads").isEmpty();
	}

	@Test
	void everySecretAndConfigMapAManifestReferencesExistsInItsOverlay() {
		List<String> drift = new ArrayList<>();
		for (Overlay overlay : overlays) {
			for (String kind : List.of("Deployment", "StatefulSet", "Job")) {
				for (Map<String, Object> workload : overlay.ofKind(kind)) {
					String where = overlay.name + ": " + kind + " " + Yaml.text(workload, "metadata", "name");
					for (Object container : Overlay.containers(workload)) {
						for (Object env : Yaml.list(container, "env")) {
							reference(drift, where, overlay.secrets, "Secret",
									Yaml.map(env, "valueFrom", "secretKeyRef"));
							reference(drift, where, overlay.configMaps, "ConfigMap",
									Yaml.map(env, "valueFrom", "configMapKeyRef"));
						}
						for (Object from : Yaml.list(container, "envFrom")) {
							String configMap = Yaml.text(from, "configMapRef", "name");
							String secret = Yaml.text(from, "secretRef", "name");
							check(drift, configMap == null || overlay.configMaps.containsKey(configMap),
									where + " envFrom ConfigMap " + configMap + " does not exist");
							check(drift, secret == null || overlay.secrets.containsKey(secret),
									where + " envFrom Secret " + secret + " does not exist");
						}
					}
					for (Object volume : Yaml.list(Yaml.map(workload, "spec", "template", "spec"), "volumes")) {
						volumeReference(drift, where, overlay.secrets, "Secret", Yaml.map(volume, "secret"), "secretName");
						volumeReference(drift, where, overlay.configMaps, "ConfigMap", Yaml.map(volume, "configMap"), "name");
					}
				}
			}
		}
		assertThat(drift).as("Secret and ConfigMap references that point nowhere").isEmpty();
	}

	@Test
	void topicsAreThoseOfTheContractsEachWithItsDeadLetterTopic() {
		Set<String> contracted = new TreeSet<>();
		Yaml.map(Yaml.load(REPOSITORY.resolve("contracts/asyncapi.yaml")).get(0), "channels")
			.values()
			.forEach((channel) -> contracted.add(Yaml.text(channel, "address")));
		Set<String> withDeadLetters = new TreeSet<>(contracted);
		contracted.forEach((topic) -> withDeadLetters.add(topic + ".dlt"));
		assertThat(contracted).hasSize(5);

		services.values().forEach((service) -> assertThat(service.topics())
			.as("%s's misinfodesk.kafka.topics", service.module)
			.isNotEmpty()
			.isSubsetOf(contracted));

		Map<String, Object> init = Yaml.map(compose, "services", "kafka-init", "environment");
		assertThat(new TreeSet<>(List.of(Yaml.text(init, "TOPICS").split("\\s+")))).as("compose kafka-init TOPICS")
			.isEqualTo(contracted);
		assertThat(ServiceConfiguration.read(COMPOSE.resolve("kafka/create-topics.sh"))).contains("--topic \"$topic.dlt\"",
				"--replication-factor 3", "min.insync.replicas=2");

		for (Overlay overlay : overlays) {
			Set<String> topics = new TreeSet<>();
			for (Map<String, Object> topic : overlay.ofKind("KafkaTopic")) {
				topics.add(Yaml.text(topic, "spec", "topicName"));
				assertThat(Yaml.text(topic, "spec", "replicas")).as("replicas of %s", topic).isEqualTo("3");
				assertThat(Yaml.text(topic, "spec", "config", "min.insync.replicas")).isEqualTo("2");
				assertThat(Yaml.text(topic, "spec", "config", "retention.ms")).isNotNull();
			}
			assertThat(topics).as("%s: KafkaTopic names", overlay.name).isEqualTo(withDeadLetters);
			for (Map<String, Object> user : overlay.ofKind("KafkaUser")) {
				for (Object acl : Yaml.list(user, "spec", "authorization", "acls")) {
					if ("topic".equals(Yaml.text(acl, "resource", "type"))) {
						assertThat(withDeadLetters).as("%s: ACL of %s", overlay.name, Yaml.text(user, "metadata", "name"))
							.contains(Yaml.text(acl, "resource", "name"));
					}
				}
			}
		}
	}

	@Test
	void everyServiceHasADisruptionBudgetAnAutoscalerAndOnlyIngressRoutesToServicesThatExist() {
		List<String> drift = new ArrayList<>();
		for (Overlay overlay : overlays) {
			for (String module : MODULES) {
				check(drift, overlay.named("PodDisruptionBudget", module) != null, overlay.name + ": no PDB for " + module);
				Map<String, Object> hpa = overlay.named("HorizontalPodAutoscaler", module);
				check(drift, hpa != null && module.equals(Yaml.text(hpa, "spec", "scaleTargetRef", "name")),
						overlay.name + ": no HPA for " + module);
			}
			for (Map<String, Object> ingress : overlay.ofKind("Ingress")) {
				for (Object rule : Yaml.list(ingress, "spec", "rules")) {
					for (Object path : Yaml.list(rule, "http", "paths")) {
						String backend = Yaml.text(path, "backend", "service", "name");
						check(drift, MODULES.contains(backend), overlay.name + ": Ingress routes to " + backend);
						check(drift, !Yaml.text(path, "path").startsWith("/actuator"),
								overlay.name + ": Ingress exposes " + Yaml.text(path, "path"));
					}
				}
			}
		}
		assertThat(drift).isEmpty();
	}

	@Test
	void agenciesAndRoutingAreTheSameInComposeAndKubernetesAndInBothServices() {
		for (String module : MODULES) {
			assertThat(Yaml.load(K8S.resolve("base/config/" + module + ".yaml")))
				.as("deploy/k8s/base/config/%s.yaml equals deploy/compose/config/%s.yaml", module, module)
				.isEqualTo(Yaml.load(COMPOSE.resolve("config/" + module + ".yaml")));
		}
		Object triage = Yaml.load(COMPOSE.resolve("config/triage-service.yaml")).get(0);
		Object notification = Yaml.load(COMPOSE.resolve("config/notification-service.yaml")).get(0);
		Set<String> routed = new LinkedHashSet<>();
		Yaml.list(triage, "misinfodesk", "routing", "agencies").forEach((a) -> routed.add(Yaml.text(a, "id")));
		Set<String> alerted = new LinkedHashSet<>();
		Yaml.list(notification, "misinfodesk", "agencies").forEach((a) -> alerted.add(Yaml.text(a, "id")));
		assertThat(routed).isNotEmpty().isEqualTo(alerted);
	}

	/** What a container's environment ends up with: its env names and the keys of the ConfigMaps it takes whole. */
	private static Set<String> environmentOf(Overlay overlay, Object container) {
		Set<String> names = new LinkedHashSet<>();
		Set<String> composedOnly = new LinkedHashSet<>();
		for (Object env : Yaml.list(container, "env")) {
			names.add(Yaml.text(env, "name"));
			Matcher m = COMPOSITION.matcher(String.valueOf(Yaml.text(env, "value")));
			while (m.find()) {
				composedOnly.add(m.group(1));
			}
		}
		for (Object from : Yaml.list(container, "envFrom")) {
			names.addAll(overlay.configMaps.getOrDefault(Yaml.text(from, "configMapRef", "name"), Set.of()));
		}
		// A variable only used to build another ($(NAME) in its value) is consumed by the kubelet, not the service.
		names.removeAll(composedOnly);
		return names;
	}

	private static void probe(List<String> drift, String where, Map<String, Object> probe, String path, String port) {
		String actualPath = Yaml.text(probe, "httpGet", "path");
		String actualPort = Yaml.text(probe, "httpGet", "port");
		check(drift, path.equals(actualPath) && List.of("http", port).contains(actualPort),
				where + " is " + actualPath + " on " + actualPort + ", configured " + path + " on " + port);
	}

	private static void reference(List<String> drift, String where, Map<String, Set<String>> existing, String kind,
			Map<String, Object> ref) {
		if (ref.isEmpty()) {
			return;
		}
		String name = Yaml.text(ref, "name");
		String key = Yaml.text(ref, "key");
		check(drift, existing.getOrDefault(name, Set.of()).contains(key),
				where + " refers to " + kind + " " + name + " key " + key + ", which the overlay does not have");
	}

	private static void volumeReference(List<String> drift, String where, Map<String, Set<String>> existing,
			String kind, Map<String, Object> source, String nameField) {
		if (source.isEmpty()) {
			return;
		}
		String name = Yaml.text(source, nameField);
		check(drift, existing.containsKey(name), where + " mounts " + kind + " " + name + ", which the overlay does not have");
		for (Object item : Yaml.list(source, "items")) {
			check(drift, existing.getOrDefault(name, Set.of()).contains(Yaml.text(item, "key")),
					where + " mounts key " + Yaml.text(item, "key") + " of " + kind + " " + name + ", which it does not have");
		}
	}

	private static Map<String, Object> composeServices() {
		return Yaml.map(compose, "services");
	}

	/** {@code misinfodesk/x:${TAG:-1}} as {@code misinfodesk/x}. */
	private static String image(String reference) {
		return reference == null ? "" : reference.replaceAll(":[^/]*$", "");
	}

	private static void check(List<String> drift, boolean fine, String problem) {
		if (!fine) {
			drift.add(problem);
		}
	}

}

package org.misinfodesk.checks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One Kustomize overlay as the cluster would get it, as far as the checks need: the resources of the
 * overlay and its base with the overlay's strategic-merge patches applied to ConfigMap data and
 * container environments, and the Secrets with their keys: the overlay's generated Secret, and the
 * ones operators write (Strimzi: {@code <user>} for a SCRAM KafkaUser, {@code <cluster>-cluster-ca-cert}
 * for a Kafka; cert-manager: a Certificate's {@code secretName}).
 */
final class Overlay {

	final String name;

	final List<Map<String, Object>> resources = new ArrayList<>();

	final Map<String, Set<String>> configMaps = new LinkedHashMap<>();

	final Map<String, Set<String>> secrets = new LinkedHashMap<>();

	Overlay(Path overlay) {
		this.name = overlay.getFileName().toString();
		load(overlay);
		for (Map<String, Object> resource : this.resources) {
			String kind = Yaml.text(resource, "kind");
			String name = Yaml.text(resource, "metadata", "name");
			switch (kind) {
				case "ConfigMap" -> this.configMaps.computeIfAbsent(name, (k) -> new LinkedHashSet<>())
					.addAll(Yaml.map(resource, "data").keySet());
				case "KafkaUser" -> this.secrets.put(name, Set.of("password", "sasl.jaas.config"));
				case "Kafka" -> this.secrets.put(name + "-cluster-ca-cert", Set.of("ca.crt", "ca.p12", "ca.password"));
				case "Certificate" -> this.secrets.put(Yaml.text(resource, "spec", "secretName"),
						Set.of("tls.crt", "tls.key", "ca.crt"));
				default -> {
				}
			}
		}
	}

	List<Map<String, Object>> ofKind(String kind) {
		return this.resources.stream().filter((r) -> kind.equals(Yaml.text(r, "kind"))).toList();
	}

	Map<String, Object> named(String kind, String name) {
		return ofKind(kind).stream()
			.filter((r) -> name.equals(Yaml.text(r, "metadata", "name")))
			.findFirst()
			.orElse(null);
	}

	@SuppressWarnings("unchecked")
	private void load(Path dir) {
		Map<String, Object> kustomization = (Map<String, Object>) Yaml.load(dir.resolve("kustomization.yaml")).get(0);
		for (Object entry : Yaml.list(kustomization, "resources")) {
			Path resource = dir.resolve(entry.toString()).normalize();
			if (Files.isDirectory(resource)) {
				load(resource);
			}
			else {
				Yaml.load(resource).forEach((document) -> this.resources.add((Map<String, Object>) document));
			}
		}
		for (Object generator : Yaml.list(kustomization, "configMapGenerator")) {
			Set<String> keys = this.configMaps.computeIfAbsent(Yaml.text(generator, "name"), (k) -> new LinkedHashSet<>());
			for (Object file : Yaml.list(generator, "files")) {
				keys.add(Path.of(file.toString()).getFileName().toString());
			}
		}
		for (Object generator : Yaml.list(kustomization, "secretGenerator")) {
			Set<String> keys = this.secrets.computeIfAbsent(Yaml.text(generator, "name"), (k) -> new LinkedHashSet<>());
			for (Object literal : Yaml.list(generator, "literals")) {
				keys.add(literal.toString().substring(0, literal.toString().indexOf('=')));
			}
			for (Object env : Yaml.list(generator, "envs")) {
				Path file = dir.resolve(env.toString());
				if (!Files.exists(file)) {
					file = dir.resolve(env + ".example");
				}
				for (String line : ServiceConfiguration.read(file).split("\n")) {
					if (!line.isBlank() && !line.startsWith("#")) {
						keys.add(line.substring(0, line.indexOf('=')).trim());
					}
				}
			}
		}
		for (Object patch : Yaml.list(kustomization, "patches")) {
			String path = Yaml.text(patch, "path");
			if (path != null) {
				Yaml.load(dir.resolve(path)).forEach((document) -> apply((Map<String, Object>) document));
			}
		}
	}

	/** The parts of a strategic-merge patch the checks look at: ConfigMap data, containers' env and envFrom. */
	@SuppressWarnings("unchecked")
	private void apply(Map<String, Object> patch) {
		Map<String, Object> target = named(Yaml.text(patch, "kind"), Yaml.text(patch, "metadata", "name"));
		if (target == null) {
			throw new IllegalStateException("Patch of a resource the overlay does not have: " + patch.get("kind") + " "
					+ Yaml.text(patch, "metadata", "name"));
		}
		if ("ConfigMap".equals(patch.get("kind"))) {
			((Map<String, Object>) target.computeIfAbsent("data", (k) -> new LinkedHashMap<>()))
				.putAll(Yaml.map(patch, "data"));
			return;
		}
		for (Object patched : Yaml.list(Yaml.map(patch, "spec", "template", "spec"), "containers")) {
			for (Object container : containers(target)) {
				if (Yaml.text(container, "name").equals(Yaml.text(patched, "name"))) {
					for (String field : List.of("env", "envFrom", "volumeMounts")) {
						List<Object> merged = new ArrayList<>(Yaml.list(container, field));
						merged.addAll(Yaml.list(patched, field));
						((Map<String, Object>) container).put(field, merged);
					}
				}
			}
		}
		Map<String, Object> podSpec = Yaml.map(target, "spec", "template", "spec");
		List<Object> volumes = new ArrayList<>(Yaml.list(podSpec, "volumes"));
		volumes.addAll(Yaml.list(Yaml.map(patch, "spec", "template", "spec"), "volumes"));
		if (!volumes.isEmpty()) {
			podSpec.put("volumes", volumes);
		}
	}

	/** Containers and init containers of a workload (Deployment, StatefulSet, Job). */
	static List<Object> containers(Map<String, Object> workload) {
		Map<String, Object> podSpec = Yaml.map(workload, "spec", "template", "spec");
		List<Object> all = new ArrayList<>(Yaml.list(podSpec, "containers"));
		all.addAll(Yaml.list(podSpec, "initContainers"));
		return all;
	}

}

package org.misinfodesk.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * What one service module declares about its configuration, read from its sources: its
 * {@code application*.yaml}, the platform's defaults and local staff file, and the prefixes of the
 * {@code @ConfigurationProperties} records of the module and the platform.
 *
 * <p>An environment variable is one the service reads when one of these holds:
 * <ol>
 * <li>it is the name of a placeholder {@code ${NAME}} or {@code ${NAME:default}} in one of the
 * service's {@code application*.yaml} files (or the platform defaults);</li>
 * <li>Spring Boot's relaxed binding maps it onto a property key declared in those files, list
 * indices included: {@code misinfodesk.security.users[0].username} (platform local staff file)
 * accepts {@code MISINFODESK_SECURITY_USERS_3_USERNAME}. The decision is Boot's own: the variable is
 * put into a {@link SystemEnvironmentPropertySource} and the declared name looked up through
 * {@link ConfigurationPropertySource#from}, so the dash-free form ({@code ..._CONTACTKEY}) and the
 * legacy underscore form ({@code ..._CONTACT_KEY}) are both accepted, as Boot accepts both;</li>
 * <li>it maps onto a property at or under the prefix of a component of a
 * {@code @ConfigurationProperties} record ({@code @ConfigurationProperties("misinfodesk.abuse")}
 * with component {@code trustedProxies} accepts {@code MISINFODESK_ABUSE_TRUSTED_PROXIES} and
 * {@code MISINFODESK_ABUSE_TRUSTEDPROXIES_0});</li>
 * <li>it maps onto one of the few Spring Boot properties named in {@link #BOOT_PROPERTIES}: what
 * a deployment sets that the services leave to Boot (profile, extra config file, Kafka and
 * MongoDB TLS/SASL);</li>
 * <li>the image reads it: a {@code $NAME} in the Dockerfile's {@code ENTRYPOINT} or
 * {@code HEALTHCHECK}, or {@code JAVA_TOOL_OPTIONS}, which the JVM itself reads.</li>
 * </ol>
 * Anything else (a typo, a renamed placeholder, a property the service no longer has) is drift.
 */
final class ServiceConfiguration {

	/** Spring Boot properties a deployment may set although the services' files do not mention them. */
	static final List<String> BOOT_PROPERTIES = List.of("spring.profiles.active", "spring.config.additional-location",
			"spring.kafka.security.protocol", "spring.kafka.ssl.trust-store-type",
			"spring.kafka.ssl.trust-store-location", "spring.kafka.properties.sasl.mechanism",
			"spring.kafka.properties.sasl.jaas.config", "spring.mongodb.ssl.enabled", "spring.mongodb.ssl.bundle",
			"spring.ssl.bundle.pem.mongodb.truststore.certificate");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:|})");

	private static final Pattern PROPERTIES_PREFIX = Pattern
		.compile("@ConfigurationProperties\\(\\s*(?:prefix\\s*=\\s*)?\"([^\"]+)\"\\s*\\)\\s*(?:public\\s+)?record\\s+\\w+\\s*\\(");

	private static final Pattern COMPONENT = Pattern.compile("(?:@\\w+(?:\\([^)]*\\))?\\s+)*[\\w.<>, ?\\[\\]]+?\\s+(\\w+)\\s*$");

	private static final Pattern SHELL_VARIABLE = Pattern.compile("\\$\\{?([A-Z_][A-Z0-9_]*)");

	final String module;

	final Path root;

	/** The merged keys of application.yaml (profile files add keys but do not change the port). */
	final Map<String, Object> application;

	final Set<String> placeholders = new LinkedHashSet<>();

	final Set<String> declaredKeys = new LinkedHashSet<>();

	final Set<String> recordPrefixes = new LinkedHashSet<>();

	final Set<String> imageVariables = new LinkedHashSet<>();

	ServiceConfiguration(Path repository, String module) {
		this.module = module;
		this.root = repository.resolve(module);
		Path resources = this.root.resolve("src/main/resources");
		Path platform = repository.resolve("platform/src/main");
		this.application = Yaml.flatten(Yaml.load(resources.resolve("application.yaml")).get(0));
		for (Path file : list(resources, "application", ".yaml")) {
			String text = read(file);
			collectPlaceholders(text);
			for (Object document : Yaml.load(file)) {
				this.declaredKeys.addAll(Yaml.flatten(document).keySet());
			}
		}
		this.declaredKeys.addAll(Yaml.flatten(Yaml.load(platform.resolve("resources/misinfodesk-local-staff.yaml")).get(0))
			.keySet());
		Properties defaults = new Properties();
		try (var in = Files.newInputStream(platform.resolve("resources/misinfodesk-platform-defaults.properties"))) {
			defaults.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		defaults.stringPropertyNames().forEach(this.declaredKeys::add);
		defaults.values().forEach((value) -> collectPlaceholders(value.toString()));
		for (Path source : javaSources(this.root.resolve("src/main/java"), platform.resolve("java"))) {
			collectRecordPrefixes(read(source));
		}
		String dockerfile = read(this.root.resolve("Dockerfile"));
		for (String line : dockerfile.split("\n")) {
			if (line.startsWith("ENTRYPOINT") || line.contains("CMD [")) {
				Matcher m = SHELL_VARIABLE.matcher(line);
				while (m.find()) {
					this.imageVariables.add(m.group(1));
				}
			}
		}
		this.imageVariables.add("JAVA_TOOL_OPTIONS");
	}

	int serverPort() {
		return Integer.parseInt(String.valueOf(this.application.get("server.port")));
	}

	/** The actuator's base path ({@code management.endpoints.web.base-path}, else Boot's default). */
	String actuatorPath(String endpoint) {
		Object base = this.application.getOrDefault("management.endpoints.web.base-path", "/actuator");
		return base + "/" + endpoint;
	}

	List<String> topics() {
		List<String> topics = new ArrayList<>();
		this.application.forEach((key, value) -> {
			if (key.startsWith("misinfodesk.kafka.topics") && !(value instanceof List<?>)) {
				for (String topic : String.valueOf(value).split(",")) {
					topics.add(topic.trim());
				}
			}
		});
		return topics;
	}

	/** Whether the service reads environment variable {@code name}: see the class comment. */
	boolean reads(String name) {
		if (this.placeholders.contains(name) || this.imageVariables.contains(name)) {
			return true;
		}
		ConfigurationPropertySource source = ConfigurationPropertySource
			.from(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(name, "value")));
		Stream<String> exact = Stream.concat(this.declaredKeys.stream(), BOOT_PROPERTIES.stream());
		if (exact.flatMap(ServiceConfiguration::withIndices).anyMatch((key) -> found(source, key))) {
			return true;
		}
		return this.recordPrefixes.stream().map(ConfigurationPropertyName::ofIfValid).anyMatch((prefix) -> prefix != null
				&& (source.getConfigurationProperty(prefix) != null
						|| source.containsDescendantOf(prefix) == ConfigurationPropertyState.PRESENT));
	}

	private static boolean found(ConfigurationPropertySource source, String key) {
		ConfigurationPropertyName name = ConfigurationPropertyName.ofIfValid(key);
		return name != null && source.getConfigurationProperty(name) != null;
	}

	/** {@code a[0].b[0]} as itself and with every index 0..9 in each position; the key without its last index too. */
	private static Stream<String> withIndices(String key) {
		if (!key.matches(".*\\[\\d+].*")) {
			return Stream.of(key);
		}
		List<String> variants = new ArrayList<>(List.of(key.replaceAll("\\[\\d+]$", "")));
		expand(key, variants);
		return variants.stream();
	}

	private static void expand(String key, List<String> into) {
		Matcher m = Pattern.compile("\\[\\d+]").matcher(key);
		if (!m.find()) {
			into.add(key);
			return;
		}
		for (int i = 0; i < 10; i++) {
			String head = key.substring(0, m.start()) + "{" + i + "}";
			List<String> tails = new ArrayList<>();
			expand(key.substring(m.end()), tails);
			for (String tail : tails) {
				into.add((head + tail).replace("{", "[").replace("}", "]"));
			}
		}
	}

	private void collectPlaceholders(String text) {
		Matcher m = PLACEHOLDER.matcher(text);
		while (m.find()) {
			this.placeholders.add(m.group(1));
		}
	}

	private void collectRecordPrefixes(String source) {
		Matcher m = PROPERTIES_PREFIX.matcher(source);
		while (m.find()) {
			String prefix = m.group(1);
			int depth = 1;
			int i = m.end();
			StringBuilder components = new StringBuilder();
			while (i < source.length() && depth > 0) {
				char c = source.charAt(i++);
				depth += (c == '(' || c == '<') ? 1 : (c == ')' || c == '>') ? -1 : 0;
				components.append(depth == 1 && c == ',' ? '\u0000' : c);
			}
			for (String component : components.substring(0, components.length() - 1).split("\u0000")) {
				Matcher name = COMPONENT.matcher(component.trim());
				if (name.find()) {
					this.recordPrefixes.add(prefix + "." + kebab(name.group(1)));
				}
			}
		}
	}

	private static String kebab(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
	}

	static List<Path> list(Path dir, String prefix, String suffix) {
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter((f) -> f.getFileName().toString().startsWith(prefix)
					&& f.getFileName().toString().endsWith(suffix))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<Path> javaSources(Path... dirs) {
		List<Path> sources = new ArrayList<>();
		for (Path dir : dirs) {
			try (Stream<Path> files = Files.walk(dir)) {
				files.filter((f) -> f.toString().endsWith(".java")).forEach(sources::add);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return sources;
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

package org.misinfodesk.checks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.yaml.snakeyaml.LoaderOptions;

/** YAML files as plain maps and lists (merge keys resolved), and their keys flattened the way Spring names them. */
final class Yaml {

	private Yaml() {
	}

	/** Every document of {@code file}, empty ones left out. */
	static List<Object> load(Path file) {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		List<Object> documents = new ArrayList<>();
		new org.yaml.snakeyaml.Yaml(options).loadAll(ServiceConfiguration.read(file)).forEach((document) -> {
			if (document != null) {
				documents.add(document);
			}
		});
		return documents;
	}

	/** {@code {a: {b: [x, {c: 1}]}}} as {@code a.b=[x, {c=1}]}, {@code a.b[0]=x}, {@code a.b[1].c=1}. */
	static Map<String, Object> flatten(Object document) {
		Map<String, Object> flat = new LinkedHashMap<>();
		flatten("", document, flat);
		return flat;
	}

	private static void flatten(String prefix, Object value, Map<String, Object> into) {
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, child) -> {
				String name = String.valueOf(key);
				String element = name.startsWith("[") ? name : (prefix.isEmpty() ? name : "." + name);
				flatten(prefix + element, child, into);
			});
		}
		else if (value instanceof List<?> list) {
			into.put(prefix, list);
			for (int i = 0; i < list.size(); i++) {
				flatten(prefix + "[" + i + "]", list.get(i), into);
			}
		}
		else {
			into.put(prefix, Objects.toString(value, ""));
		}
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object value, String... path) {
		Object current = value;
		for (String step : path) {
			current = (current instanceof Map<?, ?> m) ? m.get(step) : null;
		}
		return (current instanceof Map<?, ?>) ? (Map<String, Object>) current : Map.of();
	}

	@SuppressWarnings("unchecked")
	static List<Object> list(Object value, String... path) {
		Object current = value;
		for (String step : path) {
			current = (current instanceof Map<?, ?> m) ? m.get(step) : null;
		}
		return (current instanceof List<?>) ? (List<Object>) current : List.of();
	}

	static String text(Object value, String... path) {
		Object current = value;
		for (String step : path) {
			current = (current instanceof Map<?, ?> m) ? m.get(step) : null;
		}
		return current == null ? null : String.valueOf(current);
	}

}

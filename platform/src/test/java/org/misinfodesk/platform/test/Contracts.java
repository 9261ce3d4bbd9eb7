package org.misinfodesk.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event contracts in {@code contracts/}: producers validate what they emit against the schema,
 * consumers parse the example.
 */
public final class Contracts {

	private static final SchemaRegistry registry = SchemaRegistry
		.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	private Contracts() {
	}

	/** Fails the test when {@code json} does not satisfy the schema of {@code type}. */
	public static void assertValid(String type, String json) {
		Schema schema = registry.getSchema(read(dir().resolve("schemas").resolve(type + ".json")));
		List<Error> errors = schema.validate(json, InputFormat.JSON);
		assertThat(errors).as("%s against the schema of %s", json, type).isEmpty();
	}

	/** The example body of {@code type}, as producers publish it. */
	public static String example(String type) {
		return read(dir().resolve("examples").resolve(type + ".json"));
	}

	/** The {@code contracts/} directory, found by walking up from the module being tested. */
	public static Path dir() {
		for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
			Path candidate = at.resolve("contracts");
			if (Files.isDirectory(candidate.resolve("schemas"))) {
				return candidate;
			}
		}
		throw new IllegalStateException("No contracts/ directory above " + Path.of("").toAbsolutePath());
	}

	private static String read(Path path) {
		try {
			return Files.readString(path, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

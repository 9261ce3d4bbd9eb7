package org.misinfodesk.report.locality;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The two-tier structure in force since 1 July 2025: provinces and, directly under them, communes
 * ({@code xã}), wards ({@code phường}) and special zones ({@code đặc khu}); no districts. Read from a
 * JSON resource so that a change of boundaries is a data change.
 */
@Component
public class AdministrativeUnits {

	private final List<Province> provinces;

	private final Map<String, String> namesByCode;

	AdministrativeUnits(Settings settings, JsonMapper json) {
		Resource resource = new DefaultResourceLoader().getResource(settings.resource());
		try (InputStream in = resource.getInputStream()) {
			this.provinces = List.of(json.readValue(in, Province[].class));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read administrative units from " + settings.resource(), ex);
		}
		this.namesByCode = this.provinces.stream()
			.flatMap((province) -> Stream.concat(Stream.of(new Unit(province.code(), province.name())),
					province.units().stream()))
			.collect(Collectors.toUnmodifiableMap(Unit::code, Unit::name, (a, b) -> {
				throw new IllegalStateException("Two administrative units share a code: " + a + ", " + b);
			}));
	}

	public List<Province> provinces() {
		return this.provinces;
	}

	public boolean isKnown(String code) {
		return this.namesByCode.containsKey(code);
	}

	public Function<String, String> names() {
		return this.namesByCode::get;
	}

	/** A province and the communes, wards and special zones directly under it. */
	public record Province(String code, String name, List<Unit> units) {

		public Province {
			units = units == null ? List.of() : List.copyOf(units);
		}

	}

	/** @param name with its kind, as written in the decision that created it, e.g. "Phường Phủ Lý" */
	public record Unit(String code, String name) {
	}

	/** @param resource where the units are, {@code classpath:} or {@code file:} */
	@ConfigurationProperties("misinfodesk.localities")
	record Settings(@DefaultValue("classpath:administrative-units.json") String resource) {
	}

}

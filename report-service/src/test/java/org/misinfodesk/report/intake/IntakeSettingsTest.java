package org.misinfodesk.report.intake;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IntakeSettingsTest {

	@Test
	void defaultsAreWhatAServiceWithoutConfigurationGets() {
		IntakeSettings bound = new Binder(new MapConfigurationPropertySource()).bindOrCreate("misinfodesk.intake",
				IntakeSettings.class);

		assertThat(bound).isEqualTo(IntakeSettings.defaults());
		assertThat(bound.maxContentLength()).isEqualTo(10000);
		assertThat(bound.maxUrlLength()).isEqualTo(2048);
		assertThat(bound.maxLocalityLength()).isEqualTo(64);
		assertThat(bound.maxNameLength()).isEqualTo(200);
	}

	@Test
	void refusesAContentLimitBeyondWhatTheSubmittedEventAllows() {
		var source = new MapConfigurationPropertySource(Map.of("misinfodesk.intake.max-content-length", "20000"));

		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> new Binder(source).bindOrCreate("misinfodesk.intake", IntakeSettings.class))
			.havingRootCause()
			.withMessageContaining("10000");
	}

}

package org.misinfodesk.report;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Citizens' reports: the form and public API that take them in, and the tracking status that
 * follows them through triage.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ReportServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(ReportServiceApplication.class, args);
	}

}

package org.misinfodesk.triage;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of {@code /api/**}; every operation needs HTTP Basic staff credentials.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static final String BASIC = "basicAuth";

	@Bean
	OpenAPI triageApi() {
		return new OpenAPI()
			.info(new Info().title("Misinfo Desk triage-service")
				.version("v1")
				.description("Cases made of citizens' reports: the queue, claims, decisions and routing to agencies. "
						+ "Errors are application/problem+json (RFC 9457) in the request's language "
						+ "(Vietnamese by default, ?lang=en or Accept-Language for English)."))
			.components(new Components().addSecuritySchemes(BASIC,
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
			.addSecurityItem(new SecurityRequirement().addList(BASIC));
	}

}

package org.misinfodesk.notification;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's OpenAPI description at {@code /v3/api-docs}, with the Swagger UI beside it.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static final String STAFF = "staff";

	/** The same name as on the agency API's operations. */
	static final String AGENCY_KEY = "agency-key";

	@Bean
	OpenAPI notificationApi() {
		return new OpenAPI()
			.info(new Info().title("Misinfo Desk notification-service")
				.version("v1")
				.description("Agencies' contact points (emails, signed webhook endpoints), deliveries of routed "
						+ "cases with their attempts, and agencies' acknowledgements. Staff use HTTP Basic; agencies' "
						+ "own systems call /api/v1/agency/** with 'Authorization: Bearer mdk_...', a key an "
						+ "administrator created for the agency. Errors are application/problem+json (RFC 9457)."))
			.components(new Components()
				.addSecuritySchemes(STAFF, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
				.addSecuritySchemes(AGENCY_KEY, new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("bearer")
					.bearerFormat("mdk_ API key")
					.description("An agency's API key, created by an administrator")))
			.addSecurityItem(new SecurityRequirement().addList(STAFF));
	}

}

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

	@Bean
	OpenAPI notificationApi() {
		return new OpenAPI()
			.info(new Info().title("Misinfo Desk notification-service")
				.version("v1")
				.description("Agencies' contact points (emails, signed webhook endpoints), deliveries of routed "
						+ "cases with their attempts, and agencies' acknowledgements. Errors are "
						+ "application/problem+json (RFC 9457)."))
			.components(new Components().addSecuritySchemes(STAFF,
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
			.addSecurityItem(new SecurityRequirement().addList(STAFF));
	}

}

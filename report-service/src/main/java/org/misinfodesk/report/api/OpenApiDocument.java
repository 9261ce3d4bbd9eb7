package org.misinfodesk.report.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Names the public API in its OpenAPI document ({@code /v3/api-docs}, browsable at
 * {@code /swagger-ui.html}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {

	@Bean
	OpenAPI reportServiceApi() {
		return new OpenAPI()
			.components(new Components().addSecuritySchemes("staff",
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("basic")
						.description("Staff accounts with role ANALYST or SUPERVISOR; only for evidence files")))
			.info(new Info().title("Misinfo Desk report-service")
			.version("v1")
			.description("""
					Citizens report false or distorted information and follow what happens to it. \
					No login, except for evidence files (staff only). Reports may carry up to 5 evidence files 					(multipart). Each client may send a limited number of reports per period (429 with 					Retry-After beyond it). Errors are always application/problem+json (RFC 9457) in the request's \
					language: Vietnamese by default, English with ?lang=en or Accept-Language: en."""));
	}

}

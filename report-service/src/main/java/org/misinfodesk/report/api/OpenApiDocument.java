package org.misinfodesk.report.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

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
		return new OpenAPI().info(new Info().title("Misinfo Desk report-service")
			.version("v1")
			.description("""
					Citizens report false or distorted information and follow what happens to it. \
					No login. Errors are always application/problem+json (RFC 9457) in the request's \
					language: Vietnamese by default, English with ?lang=en or Accept-Language: en."""));
	}

}

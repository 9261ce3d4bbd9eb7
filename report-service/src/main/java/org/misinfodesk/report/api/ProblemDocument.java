package org.misinfodesk.report.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The shape of every error body (RFC 9457), as the platform's handler writes it; here only so that
 * the OpenAPI document can describe it.
 */
@Schema(name = "Problem", description = "An error, as application/problem+json (RFC 9457), in the request's language.")
public record ProblemDocument(
		@Schema(description = "Stable identifier of the kind of problem",
				example = "https://misinfodesk.org/problems/validation") String type,
		@Schema(example = "Dữ liệu chưa hợp lệ") String title, @Schema(example = "400") int status,
		@Schema(example = "Vui lòng sửa các trường được nêu bên dưới rồi gửi lại.") String detail,
		@Schema(example = "/api/v1/reports") String instance,
		@Schema(description = "What is wrong with each field, when the request had invalid fields") List<FieldError> errors) {

	@Schema(name = "FieldError")
	public record FieldError(@Schema(example = "content") String field, @Schema(example = "required") String code,
			@Schema(example = "Trường này là bắt buộc.") String message) {
	}

}

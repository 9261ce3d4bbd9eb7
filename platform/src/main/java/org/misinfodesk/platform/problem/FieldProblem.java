package org.misinfodesk.platform.problem;

import java.util.List;

/**
 * What is wrong with one field; {@code code} names a message ({@code field.<code>}) that the error
 * handler renders in the request's language with {@code args}.
 */
public record FieldProblem(String field, String code, List<Object> args) {

	public static FieldProblem of(String field, String code, Object... args) {
		return new FieldProblem(field, code, List.of(args));
	}

}

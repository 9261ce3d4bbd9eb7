package org.misinfodesk.platform.problem;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * An error the client can act on. {@code slug} is the stable part of the problem {@code type} URI
 * and of the message keys {@code problem.<slug>.title} and {@code problem.<slug>.detail}.
 */
public class ProblemException extends RuntimeException {

	private final HttpStatus status;

	private final String slug;

	private final List<Object> args;

	private final List<FieldProblem> fieldProblems;

	public ProblemException(HttpStatus status, String slug, List<Object> args, List<FieldProblem> fieldProblems) {
		super(slug + " " + args + " " + fieldProblems);
		this.status = status;
		this.slug = slug;
		this.args = List.copyOf(args);
		this.fieldProblems = List.copyOf(fieldProblems);
	}

	public static ProblemException invalid(List<FieldProblem> fieldProblems) {
		return new ProblemException(HttpStatus.BAD_REQUEST, "validation", List.of(), fieldProblems);
	}

	public static ProblemException notFound(String what, Object id) {
		return new ProblemException(HttpStatus.NOT_FOUND, "not-found", List.of(what, id), List.of());
	}

	public static ProblemException conflict(String slug, Object... args) {
		return new ProblemException(HttpStatus.CONFLICT, slug, List.of(args), List.of());
	}

	public static ProblemException of(HttpStatus status, String slug, Object... args) {
		return new ProblemException(status, slug, List.of(args), List.of());
	}

	public HttpStatus status() {
		return this.status;
	}

	public String slug() {
		return this.slug;
	}

	public List<Object> args() {
		return this.args;
	}

	public List<FieldProblem> fieldProblems() {
		return this.fieldProblems;
	}

}

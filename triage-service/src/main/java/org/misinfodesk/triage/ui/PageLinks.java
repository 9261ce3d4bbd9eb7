package org.misinfodesk.triage.ui;

import java.nio.charset.StandardCharsets;

import org.springframework.web.util.UriUtils;

/**
 * The pages' own addresses, keeping an explicit {@code ?lang=} choice from page to page. Its methods
 * are public because the templates call them.
 *
 * @param lang the language asked for with {@code ?lang=}, or {@code null}
 */
record PageLinks(String lang) {

	public String queue() {
		return "/" + suffix();
	}

	public String caseUrl(String caseId) {
		return "/cases/" + UriUtils.encodePathSegment(caseId, StandardCharsets.UTF_8) + suffix();
	}

	public String action(String caseId, String verb) {
		return "/cases/" + UriUtils.encodePathSegment(caseId, StandardCharsets.UTF_8) + "/" + verb + suffix();
	}

	public String dashboard() {
		return "/dashboard" + suffix();
	}

	public String login() {
		return "/login" + suffix();
	}

	public String suffix() {
		return (this.lang != null) ? "?lang=" + this.lang : "";
	}

}

package org.misinfodesk.notification.delivery;

import java.util.List;

import org.springframework.web.util.HtmlUtils;

/**
 * Builds one email twice, as plain text and as its HTML alternative, from the same lines, so the
 * two never say different things. Every value is escaped in the HTML.
 */
final class EmailContent {

	private final StringBuilder text = new StringBuilder();

	private final StringBuilder html = new StringBuilder();

	private final String language;

	EmailContent(String language) {
		this.language = language;
	}

	EmailContent line(String line) {
		this.text.append(line).append('\n');
		this.html.append("<p style=\"margin:0 0 .3em\">").append(escape(line)).append("</p>\n");
		return this;
	}

	EmailContent blank() {
		this.text.append('\n');
		this.html.append("<div style=\"height:.8em\"></div>\n");
		return this;
	}

	/** A passage quoted whole, such as the rumour's summary. */
	EmailContent quote(String passage) {
		this.text.append(passage).append('\n');
		this.html.append("<blockquote style=\"margin:.4em 0;padding:.6em 1em;background:#f4f4f4;"
				+ "border-left:4px solid #b00020;white-space:pre-wrap\">")
			.append(escape(passage))
			.append("</blockquote>\n");
		return this;
	}

	EmailContent items(List<String> items) {
		this.html.append("<ul style=\"margin:.2em 0\">\n");
		for (String item : items) {
			this.text.append("- ").append(item).append('\n');
			this.html.append("<li>").append(escape(item)).append("</li>\n");
		}
		this.html.append("</ul>\n");
		return this;
	}

	/** The link on a line of its own in the text, a button-like anchor in the HTML. */
	EmailContent link(String url, String label) {
		this.text.append(url).append('\n');
		this.html.append("<p><a href=\"")
			.append(escape(url))
			.append("\" style=\"display:inline-block;padding:.5em 1em;background:#1a4f8b;color:#fff;"
					+ "text-decoration:none;border-radius:4px\">")
			.append(escape(label))
			.append("</a><br><span style=\"font-size:.85em;color:#555\">")
			.append(escape(url))
			.append("</span></p>\n");
		return this;
	}

	Message build(String subject) {
		String page = "<!DOCTYPE html>\n<html lang=\"" + escape(this.language) + "\"><head><meta charset=\"UTF-8\">"
				+ "<title>" + escape(subject) + "</title></head>\n"
				+ "<body style=\"font-family:Arial,Helvetica,sans-serif;line-height:1.5;color:#1b1b1b\">\n" + this.html
				+ "</body></html>\n";
		return new Message(subject, this.text.toString(), page);
	}

	private static String escape(String value) {
		return HtmlUtils.htmlEscape(value == null ? "" : value, "UTF-8");
	}

	/** One email: its subject, plain text and HTML alternative. */
	record Message(String subject, String text, String html) {
	}

}

package org.misinfodesk.platform.events;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Header names of the CloudEvents Kafka protocol binding, binary content mode.
 */
public final class CloudEventHeaders {

	public static final String ID = "ce_id";
	public static final String TYPE = "ce_type";
	public static final String SOURCE = "ce_source";
	public static final String TIME = "ce_time";
	public static final String SPEC_VERSION = "ce_specversion";
	public static final String SUBJECT = "ce_subject";
	public static final String CONTENT_TYPE = "content-type";
	public static final String TRACEPARENT = "traceparent";

	public static final String SPEC_VERSION_1_0 = "1.0";
	public static final String JSON = "application/json";

	private CloudEventHeaders() {
	}

	static void put(Headers headers, String name, String value) {
		if (value != null) {
			headers.remove(name);
			headers.add(name, value.getBytes(StandardCharsets.UTF_8));
		}
	}

	public static String get(Headers headers, String name) {
		Header header = headers.lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

}

package org.misinfodesk.platform.problem;

import java.util.Map;

/**
 * A problem that needs response headers too, such as {@code Retry-After} on {@code 429}.
 */
public interface ProblemHeaders {

	Map<String, String> headers();

}

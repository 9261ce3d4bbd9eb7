/** RFC 9457 problem+json for every error, with details in the request's language. */
package org.misinfodesk.platform.problem;

/** The OpenAPI description of the public API: the document's identity and the shape of its errors. */
package org.misinfodesk.report.api;

/** The hostile input campaign: every public endpoint, discovered from the services' OpenAPI documents, fed malformed and malicious input. */
package org.misinfodesk.local.hostile;

/** Health and readiness that tell the truth about the store and the broker. */
package org.misinfodesk.platform.observability;

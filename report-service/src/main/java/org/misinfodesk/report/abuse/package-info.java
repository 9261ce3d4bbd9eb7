/** Defences against floods and abuse of the public intake: per-client rate limits and the banned-contact list. */
package org.misinfodesk.report.abuse;

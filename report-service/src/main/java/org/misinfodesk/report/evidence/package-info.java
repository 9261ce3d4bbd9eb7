/** Evidence files attached to reports: recognised by content, stripped of metadata, stored in chunks with their digest. */
package org.misinfodesk.report.evidence;

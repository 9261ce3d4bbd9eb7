/** Evidence files and their thumbnails over HTTP, for analysts only. */
package org.misinfodesk.report.evidence.web;

package org.misinfodesk.report.intake.web;

/**
 * One error shown on the form: beside its field, and in the summary as a link to it.
 *
 * @param id the id of the field's element
 */
record FieldMessage(String id, String message) {
}

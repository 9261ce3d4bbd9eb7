/** Who may do what: HTTP Basic and problem+json on the API, form login on the analyst pages, CSRF on forms. */
package org.misinfodesk.triage.security;

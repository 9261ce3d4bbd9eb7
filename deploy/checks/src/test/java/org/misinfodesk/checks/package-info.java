/** Drift checks: the deployment files against the services' configuration and the event contracts. */
package org.misinfodesk.checks;

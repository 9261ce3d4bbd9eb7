/** The dashboard's figures as JSON. */
package org.misinfodesk.triage.dashboard.web;

/** The administrators' page: agencies, their webhook endpoints with enable and disable, and failed deliveries to send again. */
package org.misinfodesk.notification.admin.web;

/** The administrators' page and its login: agencies, their email contact points and webhook endpoints to manage, and failed deliveries to send again. */
package org.misinfodesk.notification.admin.web;

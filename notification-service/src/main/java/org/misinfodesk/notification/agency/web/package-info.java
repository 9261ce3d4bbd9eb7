/** HTTP API listing the agencies for staff, and letting administrators manage their email contact points. */
package org.misinfodesk.notification.agency.web;

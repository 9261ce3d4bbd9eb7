/** HTTP API listing the agencies and their contact points for staff. */
package org.misinfodesk.notification.agency.web;

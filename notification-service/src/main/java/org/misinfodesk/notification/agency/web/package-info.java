/** The administrators' API for agencies, their email contact points and their API keys. */
package org.misinfodesk.notification.agency.web;

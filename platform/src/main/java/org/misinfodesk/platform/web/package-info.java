/** Web defaults every service shares: security headers on every response. */
package org.misinfodesk.platform.web;

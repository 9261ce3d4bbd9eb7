/** Staff accounts from configuration, the guard against well-known passwords, and problem+json for 401 and 403. */
package org.misinfodesk.platform.security;

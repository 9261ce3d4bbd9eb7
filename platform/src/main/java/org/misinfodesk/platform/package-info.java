/** The chassis every Misinfo Desk service shares, wired in by {@link org.misinfodesk.platform.PlatformAutoConfiguration}. */
package org.misinfodesk.platform;

/** Test support the services share through the platform's test-jar: embedded store, contracts, CloudEvents records. */
package org.misinfodesk.platform.test;

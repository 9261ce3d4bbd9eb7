/** What every service's MongoDB adapters need the same way: reading the outcome of bulk writes. */
package org.misinfodesk.platform.store;

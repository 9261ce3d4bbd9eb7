/** The fault harness: drives the local stack with reports while killing its processes, then counts what was lost or duplicated. */
package org.misinfodesk.local.fault;

/** The scale-out harness: several instances of each consumer service share six partitions while instances are killed, and nothing is lost or alerted twice. */
package org.misinfodesk.local.scale;

/** CloudEvents 1.0 in Kafka binary mode: {@code ce_*} headers around a JSON body. */
package org.misinfodesk.platform.events;

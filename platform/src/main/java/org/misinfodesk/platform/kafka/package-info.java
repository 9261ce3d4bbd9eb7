/** Kafka plumbing every service needs the same way: topics in the local profile, retries and dead letters. */
package org.misinfodesk.platform.kafka;

#!/usr/bin/env bash
# Creates every topic of contracts/asyncapi.yaml ($TOPICS) with $PARTITIONS partitions, replication 3 and
# min.insync.replicas 2, and beside each its dead-letter topic <topic>.dlt (one partition is plenty: the
# platform publishes dead letters to any partition). Idempotent: existing topics are left as they are;
# raise partitions later with kafka-topics.sh --alter (docs/operations.md, "Scaling by partitions").
set -euo pipefail
topics=/opt/kafka/bin/kafka-topics.sh
for topic in $TOPICS; do
  $topics --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic "$topic" \
    --partitions "$PARTITIONS" --replication-factor 3 \
    --config min.insync.replicas=2 --config retention.ms="$RETENTION_MS"
  $topics --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic "$topic.dlt" \
    --partitions 1 --replication-factor 3 \
    --config min.insync.replicas=2 --config retention.ms="$DLT_RETENTION_MS"
done
$topics --bootstrap-server "$BOOTSTRAP" --describe | grep -E '^Topic:' || true

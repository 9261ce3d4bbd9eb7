#!/usr/bin/env bash
# The full scale-out run (docs/operations.md): a fresh local stack with 6-partition topics and 3 instances
# each of triage-service and notification-service; N reports at a steady rate while one instance of each
# is killed with -9 and started again; prints what was lost or duplicated and the rebalance pauses.
#   deploy/local/scale-out-test.sh [reports=2000] [per-second=20]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
if ! ls "$here"/target/local-stack-*.jar >/dev/null 2>&1 || [ ! -d "$here/target/lib" ]; then
  (cd "$root" && ./mvnw -B -q -DskipTests package)
fi
exec java -Dmisinfodesk.local.dir="$here" -cp "$here/target/classes:$here/target/lib/*" \
  org.misinfodesk.local.scale.ScaleOutRun "${1:-2000}" "${2:-20}"

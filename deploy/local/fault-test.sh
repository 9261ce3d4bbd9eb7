#!/usr/bin/env bash
# The full fault run (docs/reliability.md): N reports at a steady rate into a fresh local stack, each
# service and the broker killed with -9 once and restarted meanwhile; prints what was lost or duplicated.
#   deploy/local/fault-test.sh [reports=10000] [per-second=50]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
if ! ls "$here"/target/local-stack-*.jar >/dev/null 2>&1 || [ ! -d "$here/target/lib" ]; then
  (cd "$root" && ./mvnw -B -q -DskipTests package)
fi
exec java -Dmisinfodesk.local.dir="$here" -cp "$here/target/classes:$here/target/lib/*" \
  org.misinfodesk.local.fault.FaultRun "${1:-10000}" "${2:-50}"

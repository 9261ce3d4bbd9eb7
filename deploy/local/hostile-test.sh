#!/usr/bin/env bash
# The hostile input campaign (docs/reliability.md): malformed and malicious input at every documented
# endpoint of a fresh local stack; prints the status histogram and every 5xx or non-problem 4xx.
#   deploy/local/hostile-test.sh [inputs=12000]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
if ! ls "$here"/target/local-stack-*.jar >/dev/null 2>&1 || [ ! -d "$here/target/lib" ]; then
  (cd "$root" && ./mvnw -B -q -DskipTests package)
fi
exec java -Dmisinfodesk.local.dir="$here" -cp "$here/target/classes:$here/target/lib/*" \
  org.misinfodesk.local.hostile.HostileCampaign "${1:-12000}"

#!/usr/bin/env bash
# The benchmark harness (issue 7; results in docs/benchmarks.md): a fresh local stack through deploy/local/run.sh,
# open-loop ingest stepped up until p99 passes 100 ms, the same against a bare-dependency baseline, end-to-end
# latencies at 200 reports/s, the queue at 1,000,000 cases, and each service's startup and memory.
#
#   deploy/bench/bench.sh            the full run (about 14 minutes, a million cases); writes docs/benchmarks.md and docs/benchmarks.png
#   deploy/bench/bench.sh --quick    a short run for development; writes deploy/bench/target/quick/
#   deploy/bench/bench.sh --help     every flag
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
if [ "${1:-}" = "--help" ] || [ "${1:-}" = "-h" ]; then
  sed -n '2,8p' "$0"; exec java -cp "$here/target/classes:$here/target/lib/*" org.misinfodesk.bench.BenchRun --help 2>&1 || true
fi
jar_missing=0
for s in report-service triage-service notification-service; do
  ls "$root/$s/target/$s"-*.jar >/dev/null 2>&1 || jar_missing=1
done
if [ $jar_missing = 1 ] || [ ! -d "$here/target/lib" ] || [ ! -d "$root/deploy/local/target/lib" ]; then
  echo "Building the system and the harness (first run only)..."
  (cd "$root" && ./mvnw -B -q -DskipTests package)
fi
exec java -Xmx1g -Dmisinfodesk.root="$root" -Dlogback.configurationFile="$here/target/classes/logback.xml" -cp "$here/target/classes:$here/target/lib/*" \
  org.misinfodesk.bench.BenchRun "$@"

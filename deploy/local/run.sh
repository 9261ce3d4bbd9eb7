#!/usr/bin/env bash
# Runs the whole Misinfo Desk system on this machine, no Docker needed:
# a single-node Kafka broker (KRaft), a durable MongoDB-wire store, a mail catcher and the three services.
#
#   deploy/local/run.sh            start in the foreground; Ctrl-C stops everything
#   deploy/local/run.sh --detach   start, return once all three services are ready
#   deploy/local/run.sh stop       stop a detached stack
#   deploy/local/run.sh status     show what runs
#
# Environment: MISINFODESK_DATA_DIR (default deploy/local/.data), MISINFODESK_PORT_OFFSET (added to every
# port, default 0), MISINFODESK_JAVA_OPTS (JVM flags of the services), MISINFODESK_STORE_JAVA_OPTS (JVM flags of
# the store, default -Xmx1g; a history of a million cases wants -Xmx3g), MISINFODESK_READY_TIMEOUT (seconds).
# Scale-out (deploy/local/scale-out-test.sh): MISINFODESK_TRIAGE_INSTANCES, MISINFODESK_NOTIFICATION_INSTANCES
# (default 1; instance i > 1 is named e.g. triage-service-2 and listens on the service's port + 100 * (i - 1)),
# MISINFODESK_PARTITIONS (partitions of the topics the services create; default 3). MISINFODESK_JAR_DIR: run the
# service jars found there instead of the modules' target/ (a harness's snapshot, safe from rebuilds mid-run).
#
# Class data sharing (Spring Boot's "Class Data Sharing"; it more than halves the CPU a service needs to start):
# the first start of a service jar, and the first after the jar or MISINFODESK_JAVA_OPTS changed, extracts the jar
# (java -Djarmode=tools -jar <jar> extract) and makes a training run of it (-XX:ArchiveClassesAtExit with
# -Dspring.context.exit=onRefresh: the context starts against the store and the broker, then exits before anything
# listens or consumes) before the services are launched; that start takes longer, as each training run costs about
# what a plain start costs, plus writing the archive. Every later start, extra instances included, runs the
# extracted jar with -XX:SharedArchiveFile. The archives live in deploy/local/target/cds/<service>-<key>/, keyed by
# the jar's checksum, the JVM and MISINFODESK_JAVA_OPTS, and are shared by stacks with other data directories and
# by jar snapshots (MISINFODESK_JAR_DIR); each service's two most recently used archives are kept. Whatever fails
# on the way, the service runs its plain jar: a training run that fails is tried again at the next start (its log:
# <data>/logs/<service>-training.log); a jar that does not extract, or an archive that does not map, is remembered
# (training.log in its directory; delete the directory to try again). MISINFODESK_CDS=off runs the plain jars and
# prepares nothing.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
data=${MISINFODESK_DATA_DIR:-$here/.data}
mkdir -p "$data"
data=$(cd "$data" && pwd)
offset=${MISINFODESK_PORT_OFFSET:-0}
java_opts=${MISINFODESK_JAVA_OPTS:--XX:+UseSerialGC -Xms64m -Xmx384m -XX:MaxNewSize=48m -XX:TieredStopAtLevel=1}
ready_timeout=${MISINFODESK_READY_TIMEOUT:-180}
triage_instances=${MISINFODESK_TRIAGE_INSTANCES:-1}
notification_instances=${MISINFODESK_NOTIFICATION_INSTANCES:-1}
partitions=${MISINFODESK_PARTITIONS:-}
cds=${MISINFODESK_CDS:-on}

report_port=$((8081 + offset))
triage_port=$((8082 + offset))
notification_port=$((8083 + offset))
kafka_port=$((9092 + offset))
controller_port=$((9093 + offset))
store_port=$((27017 + offset))
smtp_port=$((3025 + offset))
mail_api_port=$((8025 + offset))

services=(report-service triage-service notification-service)
logs=$data/logs
pids=$data/pids
lib=$here/target/lib
cds_cache=$here/target/cds
phase=launch # start_all first walks the services with phase=prepare (class data sharing), then launches them

say() { printf '%s\n' "$*"; }

jar_of() { # the packaged Spring Boot jar of a service module (or its copy in MISINFODESK_JAR_DIR)
  ls "${MISINFODESK_JAR_DIR:-$root/$1/target}/$1"-*.jar 2>/dev/null | grep -v -- '-plain\|sources\|javadoc' | head -n 1
}

build_if_missing() {
  local missing=0
  for s in "${services[@]}"; do [ -n "$(jar_of "$s")" ] || missing=1; done
  [ -d "$lib" ] && [ -f "$here/target/greenmail/greenmail-standalone.jar" ] || missing=1
  ls "$here"/target/local-stack-*.jar >/dev/null 2>&1 || missing=1
  if [ $missing = 1 ]; then
    say "Building the system (first run only)..."
    (cd "$root" && ./mvnw -B -q -DskipTests package)
  fi
}

pid_alive() { [ -f "$pids/$1.pid" ] && kill -0 "$(cat "$pids/$1.pid")" 2>/dev/null; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for() { # name, seconds, command...
  local name=$1 seconds=$2; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@"; do
    if ! pid_alive "$name"; then
      say "$name stopped while starting; last lines of $logs/$name.log:"; tail -n 30 "$logs/$name.log" >&2; return 1
    fi
    if [ $SECONDS -ge $deadline ]; then
      say "$name not ready after ${seconds}s; see $logs/$name.log"; return 1
    fi
    sleep 0.5
  done
}

ready() { curl -fs -o /dev/null "http://127.0.0.1:$1/actuator/health/readiness"; }

launch() { # name, command...
  local name=$1; shift
  if pid_alive "$name"; then say "$name already runs (pid $(cat "$pids/$name.pid"))"; return; fi
  setsid nohup "$@" >>"$logs/$name.log" 2>&1 </dev/null &
  echo $! >"$pids/$name.pid"
}

start_store() {
  # shellcheck disable=SC2086
  launch store java ${MISINFODESK_STORE_JAVA_OPTS:--Xmx1g} -cp "$here/target/classes:$lib/*" org.misinfodesk.local.EmbeddedStore \
    127.0.0.1 "$store_port" "$data/store/misinfodesk.mv"
}

start_broker() {
  local dir=$data/kafka
  mkdir -p "$dir"
  cat >"$dir/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$kafka_port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$kafka_port
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$dir/logs
num.partitions=${partitions:-3}
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
EOF
  if [ ! -f "$dir/logs/meta.properties" ]; then
    local cluster
    cluster=$(java -cp "$lib/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)
    java -cp "$lib/*" kafka.tools.StorageTool format -t "$cluster" -c "$dir/server.properties" >>"$logs/broker.log" 2>&1
  fi
  launch broker java -Xmx512m -cp "$here/target/classes:$lib/*" kafka.Kafka "$dir/server.properties"
}

start_mail() {
  launch mail java -Xmx256m -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$smtp_port" \
    -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$mail_api_port" -Dgreenmail.auth.disabled \
    -jar "$here/target/greenmail/greenmail-standalone.jar"
}

start_service() { # name, port, database, extra args...
  local name=$1; shift
  start_instance "$name" "$name" "$@"
}

start_instance() { # name, module, port, database, extra args...
  local name=$1 module=$2 port=$3 db=$4; shift 4
  if pid_alive "$name"; then
    if [ "$phase" = launch ]; then say "$name already runs (pid $(cat "$pids/$name.pid"))"; fi
    return 0
  fi
  if [ -n "$partitions" ]; then set -- "$@" --misinfodesk.kafka.partitions="$partitions"; fi
  # one consumer thread per partition this instance can expect, so that its writes share the store's commits
  local instances=1
  case $module in
    triage-service) instances=$triage_instances ;;
    notification-service) instances=$notification_instances ;;
  esac
  set -- --server.port="$port" --spring.mongodb.uri="mongodb://127.0.0.1:$store_port/$db" \
    --spring.kafka.bootstrap-servers="127.0.0.1:$kafka_port" "$@" \
    --spring.kafka.listener.concurrency="$(( (${partitions:-3} + instances - 1) / instances ))"
  if [ "$phase" = prepare ]; then
    start_training "$module" "$@"
    return 0
  fi
  local jar dir
  jar=$(jar_of "$module")
  dir=$(cds_dir "$module")
  if [ -n "$dir" ] && [ -f "$dir/app.jsa" ]; then
    touch "$dir"
    # shellcheck disable=SC2086
    launch "$name" java $java_opts -XX:SharedArchiveFile="$dir/app.jsa" -jar "$dir/app/$(basename "$jar")" "$@"
  else
    # shellcheck disable=SC2086
    launch "$name" java $java_opts -jar "$jar" "$@"
  fi
}

# Class data sharing (see the header) --------------------------------------------------------------------

cds_var() { printf 'cds_key_%s' "${1//-/_}"; } # the variable holding a module's cache key during this run

cds_dir() { # module: its cache directory, once start_training has named it (nothing when CDS is off)
  local var; var=$(cds_var "$1")
  if [ -n "${!var:-}" ]; then printf '%s\n' "$cds_cache/${!var}"; fi
}

cds_key() { # module: the jar's checksum, the JVM and its flags, in 16 hex digits
  local jar sum
  jar=$(jar_of "$1")
  sum=$(sha256sum "$jar") || return 1
  printf '%s\n' "${sum%% *}" "$java_opts" "$cds_jvm" | sha256sum | cut -c1-16
}

start_training() { # module, the service's arguments: begins preparing the module's archive unless it is ready
  local module=$1; shift
  [ "$cds" != off ] && command -v sha256sum >/dev/null && command -v timeout >/dev/null || return 0
  local var key dir
  var=$(cds_var "$module")
  [ -z "${!var:-}" ] || return 0 # this module's other instance has seen to it
  if [ -z "${cds_jvm:-}" ]; then cds_jvm="$(command -v java) $(java -version 2>&1)" || return 0; fi
  key=$(cds_key "$module") || return 0
  printf -v "$var" '%s' "$module-$key"
  dir=$cds_cache/$module-$key
  [ ! -f "$dir/app.jsa" ] || return 0
  if [ -f "$dir/failed" ]; then
    say "$module: no class data sharing for this jar (see $dir/training.log); it runs its plain jar"
    return 0
  fi
  say "Preparing class data sharing for $module (once per build of its jar; log in $dir/training.log)..."
  train "$module" "$dir" "$@" </dev/null &
  trainings="$trainings $!"
}

train() { # module, cache directory, the service's arguments: extract, training run, check; in the background
  local module=$1 dir=$2; shift 2
  local jar name rc=0
  jar=$(jar_of "$module")
  name=$(basename "$jar")
  mkdir -p "$cds_cache" || return 1
  exec 9>"$dir.lock"
  if command -v flock >/dev/null; then flock -w 900 9 || return 1; fi # another stack may be training this key
  if [ -f "$dir/app.jsa" ]; then say "$module: class data sharing ready"; return 0; fi # another stack trained it
  if [ -f "$dir/failed" ]; then
    say "$module: training run failed (see $dir/training.log); it runs its plain jar"; return 1
  fi
  rm -rf "$dir" && mkdir -p "$dir" || return 1
  say "$(date -u +%FT%TZ) extracting $jar" >"$dir/training.log"
  if ! java -Djarmode=tools -jar "$jar" extract --destination "$dir/app" >>"$dir/training.log" 2>&1; then
    say "$module: extracting its jar failed (see $dir/training.log); it runs its plain jar"
    rm -rf "$dir/app"; touch "$dir/failed"; return 1
  fi
  # the training run: the same JVM flags and arguments as the service; the context starts (beans, indexes,
  # topics), then Spring exits before anything listens or consumes, and the JVM writes the archive
  say "$(date -u +%FT%TZ) training run" >>"$dir/training.log"
  # shellcheck disable=SC2086
  timeout "$ready_timeout" java $java_opts -XX:ArchiveClassesAtExit="$dir/app.jsa.new" \
    -Dspring.context.exit=onRefresh -jar "$dir/app/$name" "$@" >>"$dir/training.log" 2>&1 </dev/null 9>&- &
  echo $! >"$pids/$module-cds.pid"
  wait $! || rc=$?
  rm -f "$pids/$module-cds.pid"
  say "$(date -u +%FT%TZ) training run exited ($rc)" >>"$dir/training.log"
  case $rc in
    130 | 137 | 143) # stopped (run.sh stop, Ctrl-C): not the jar's fault; the next start tries again
      say "$module: training run stopped"
      rm -rf "$dir"; return 2 ;;
    0) ;;
    *) # timed out, or the context did not start (a store too slow, a bad setting): the next start tries again
      cp "$dir/training.log" "$logs/$module-training.log" 2>/dev/null || true
      say "$module: training run failed (exit $rc; see $logs/$module-training.log); it runs its plain jar"
      rm -rf "$dir"; return 1 ;;
  esac
  # the archive must map with these flags and this class path (-Xshare:on fails where the default would ignore it);
  # when it does not, it never will for this key: remembered, so that later starts do not train again
  # shellcheck disable=SC2086
  if [ -s "$dir/app.jsa.new" ] &&
    java $java_opts -Xshare:on -XX:SharedArchiveFile="$dir/app.jsa.new" -cp "$dir/app/$name" -version \
      >>"$dir/training.log" 2>&1; then
    mv "$dir/app.jsa.new" "$dir/app.jsa"
    say "$module: class data sharing ready"
  else
    say "$module: the training run left no usable archive (see $dir/training.log); it runs its plain jar"
    rm -rf "$dir/app" "$dir/app.jsa.new"; touch "$dir/failed"; return 1
  fi
}

prune_archives() { # per module: the two most recently used archives and the two latest failures stay
  local module dir archives failures
  for module in "${services[@]}"; do
    archives=0 failures=0
    while read -r dir; do
      if [ -f "$dir/app.jsa" ]; then
        archives=$((archives + 1)); [ $archives -gt 2 ] || continue
      elif [ -f "$dir/failed" ]; then
        failures=$((failures + 1)); [ $failures -gt 2 ] || continue
      fi
      # the rest goes, unless a process runs from it or a training run of another stack holds it
      if grep -qsF -- "$dir/" /proc/[0-9]*/cmdline; then continue; fi
      if command -v flock >/dev/null && ! flock -n "$dir.lock" true; then continue; fi
      rm -rf "$dir" "$dir.lock"
    done < <(ls -dt "$cds_cache/$module"-*/ 2>/dev/null | sed 's:/$::')
  done
}

prepare_archives() { # walks the instances with phase=prepare, then waits for the training runs
  trainings=""
  phase=prepare
  start_services
  phase=launch
  if [ -n "$trainings" ]; then
    local pid rc stopped=0
    for pid in $trainings; do
      rc=0; wait "$pid" || rc=$?
      if [ $rc -eq 2 ]; then stopped=1; fi
    done
    prune_archives
    if [ $stopped = 1 ] || ! pid_alive store || ! pid_alive broker; then # `run.sh stop` came meanwhile
      say "Stopped while preparing class data sharing; not starting the services."
      return 1
    fi
  fi
}

training_pid_names() { # the training runs with a pid file
  local f
  for f in "$pids"/*-cds.pid; do if [ -e "$f" ]; then basename "$f" .pid; fi; done
}

extra_instances() { # prints "name module port" of every instance beyond the first
  local i
  for ((i = 2; i <= triage_instances; i++)); do echo "triage-service-$i triage-service $((triage_port + 100 * (i - 1)))"; done
  for ((i = 2; i <= notification_instances; i++)); do
    echo "notification-service-$i notification-service $((notification_port + 100 * (i - 1)))"
  done
}

start_extra_instances() {
  local name module port
  while read -r name module port; do
    case $module in
      triage-service) start_instance "$name" triage-service "$port" triage \
        --misinfodesk.evidence.base-url="http://127.0.0.1:$report_port" ;;
      notification-service) start_instance "$name" notification-service "$port" notification \
        --spring.mail.host=127.0.0.1 --spring.mail.port="$smtp_port" \
        --misinfodesk.public-base-url="http://127.0.0.1:$notification_port" ;;
    esac
  done < <(extra_instances)
}

wait_for_extra_instances() {
  local name module port
  while read -r name module port; do
    wait_for "$name" "$ready_timeout" ready "$port" || return 1
  done < <(extra_instances)
}

extra_pid_names() { # every extra instance with a pid file, whatever the environment says now
  local f
  for f in "$pids"/*-service-[0-9]*.pid; do if [ -e "$f" ]; then basename "$f" .pid; fi; done
}

stop_one() { # name, seconds to wait before SIGKILL
  local name=$1 seconds=$2
  pid_alive "$name" || { rm -f "$pids/$name.pid"; return 0; }
  local pid; pid=$(cat "$pids/$name.pid")
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + seconds))
  while kill -0 "$pid" 2>/dev/null; do
    if [ $SECONDS -ge $deadline ]; then kill -KILL "$pid" 2>/dev/null || true; break; fi
    sleep 0.2
  done
  rm -f "$pids/$name.pid"
}

stop_all() {
  say "Stopping Misinfo Desk..."
  local s pid stopping=""
  # a training run is only thrown away: killed at once with its timeout (one process group), not left dumping
  for s in $(training_pid_names); do
    pid=$(cat "$pids/$s.pid" 2>/dev/null) || continue # its run ended meanwhile
    if grep -qsF -- -XX:ArchiveClassesAtExit "/proc/$pid/cmdline"; then kill -KILL -- "-$pid" 2>/dev/null || true; fi
    rm -f "$pids/$s.pid"
  done
  for s in "${services[@]}" $(extra_pid_names); do stop_one "$s" 30 & stopping="$stopping $!"; done
  # only these: a bare wait would also wait for what this very run.sh launched (Ctrl-C, a failed start)
  for s in $stopping; do wait "$s" || true; done
  stop_one broker 30
  stop_one mail 10
  stop_one store 15
  say "Stopped."
}

status() {
  for name in store broker mail "${services[@]}" $(extra_pid_names); do
    if pid_alive "$name"; then say "$name: running (pid $(cat "$pids/$name.pid"))"; else say "$name: stopped"; fi
  done
}

start_services() { # every instance, as configured (launched, or with phase=prepare only trained)
  start_service report-service "$report_port" reports \
    --spring.mail.host=127.0.0.1 --spring.mail.port="$smtp_port"
  start_service triage-service "$triage_port" triage \
    --misinfodesk.evidence.base-url="http://127.0.0.1:$report_port"
  start_service notification-service "$notification_port" notification \
    --spring.mail.host=127.0.0.1 --spring.mail.port="$smtp_port" \
    --misinfodesk.public-base-url="http://127.0.0.1:$notification_port"
  start_extra_instances
}

start_all() {
  build_if_missing
  mkdir -p "$logs" "$pids"
  say "Starting the store, the broker and the mail catcher (data in $data)..."
  start_store
  start_broker
  start_mail
  # start_all runs on the left of ||, where set -e does not apply: a failed step returns explicitly
  wait_for store 60 port_open "$store_port" || return 1
  wait_for broker 90 port_open "$kafka_port" || return 1
  wait_for mail 60 port_open "$smtp_port" || return 1
  prepare_archives || return 1
  say "Starting the services..."
  start_services
  wait_for report-service "$ready_timeout" ready "$report_port" || return 1
  wait_for triage-service "$ready_timeout" ready "$triage_port" || return 1
  wait_for notification-service "$ready_timeout" ready "$notification_port" || return 1
  wait_for_extra_instances || return 1
  cat <<EOF

Misinfo Desk is ready.
  Citizen form          http://127.0.0.1:$report_port/
  Analyst UI            http://127.0.0.1:$triage_port/        (analyst/analyst, supervisor/supervisor)
  Notification API      http://127.0.0.1:$notification_port/  (admin/admin; admin page at /admin)
  Mail catcher API      http://127.0.0.1:$mail_api_port/api/user (SMTP 127.0.0.1:$smtp_port)
  Kafka                 127.0.0.1:$kafka_port
  MongoDB wire protocol mongodb://127.0.0.1:$store_port
  Logs                  $logs
EOF
  local name module port
  while read -r name module port; do
    say "  $(printf '%-21s' "$name") http://127.0.0.1:$port/"
  done < <(extra_instances)
}

case "${1:-}" in
  stop) stop_all ;;
  status) status ;;
  --detach|-d)
    start_all || { stop_all; exit 1; }
    say "Detached; stop with: deploy/local/run.sh stop" ;;
  "")
    trap 'stop_all; exit 0' INT TERM
    start_all || { stop_all; exit 1; }
    say "Press Ctrl-C to stop."
    while true; do sleep 3600 & wait $!; done ;;
  *) say "usage: $0 [--detach|stop|status]"; exit 2 ;;
esac

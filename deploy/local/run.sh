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
# port, default 0), MISINFODESK_JAVA_OPTS (JVM flags of the services), MISINFODESK_READY_TIMEOUT (seconds).
# Scale-out (deploy/local/scale-out-test.sh): MISINFODESK_TRIAGE_INSTANCES, MISINFODESK_NOTIFICATION_INSTANCES
# (default 1; instance i > 1 is named e.g. triage-service-2 and listens on the service's port + 100 * (i - 1)),
# MISINFODESK_PARTITIONS (partitions of the topics the services create; default 3). MISINFODESK_JAR_DIR: run the
# service jars found there instead of the modules' target/ (a harness's snapshot, safe from rebuilds mid-run).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
data=${MISINFODESK_DATA_DIR:-$here/.data}
mkdir -p "$data"
data=$(cd "$data" && pwd)
offset=${MISINFODESK_PORT_OFFSET:-0}
java_opts=${MISINFODESK_JAVA_OPTS:--XX:+UseSerialGC -Xms64m -Xmx512m -XX:TieredStopAtLevel=1}
ready_timeout=${MISINFODESK_READY_TIMEOUT:-180}
triage_instances=${MISINFODESK_TRIAGE_INSTANCES:-1}
notification_instances=${MISINFODESK_NOTIFICATION_INSTANCES:-1}
partitions=${MISINFODESK_PARTITIONS:-}

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
  launch store java -Xmx1g -cp "$here/target/classes:$lib/*" org.misinfodesk.local.EmbeddedStore \
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
  if [ -n "$partitions" ]; then set -- "$@" --misinfodesk.kafka.partitions="$partitions"; fi
  # one consumer thread per partition this instance can expect, so that its writes share the store's commits
  local instances=1
  case $module in
    triage-service) instances=$triage_instances ;;
    notification-service) instances=$notification_instances ;;
  esac
  set -- "$@" --spring.kafka.listener.concurrency="$(( (${partitions:-3} + instances - 1) / instances ))"
  # shellcheck disable=SC2086
  launch "$name" java $java_opts -jar "$(jar_of "$module")" --server.port="$port" \
    --spring.mongodb.uri="mongodb://127.0.0.1:$store_port/$db" \
    --spring.kafka.bootstrap-servers="127.0.0.1:$kafka_port" "$@"
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
  for s in "${services[@]}" $(extra_pid_names); do stop_one "$s" 30 & done
  wait
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

start_all() {
  build_if_missing
  mkdir -p "$logs" "$pids"
  say "Starting the store, the broker and the mail catcher (data in $data)..."
  start_store
  start_broker
  start_mail
  wait_for store 60 port_open "$store_port"
  wait_for broker 90 port_open "$kafka_port"
  wait_for mail 60 port_open "$smtp_port"
  say "Starting the services..."
  start_service report-service "$report_port" reports \
    --spring.mail.host=127.0.0.1 --spring.mail.port="$smtp_port"
  start_service triage-service "$triage_port" triage \
    --misinfodesk.evidence.base-url="http://127.0.0.1:$report_port"
  start_service notification-service "$notification_port" notification \
    --spring.mail.host=127.0.0.1 --spring.mail.port="$smtp_port" \
    --misinfodesk.public-base-url="http://127.0.0.1:$notification_port"
  start_extra_instances
  wait_for report-service "$ready_timeout" ready "$report_port"
  wait_for triage-service "$ready_timeout" ready "$triage_port"
  wait_for notification-service "$ready_timeout" ready "$notification_port"
  wait_for_extra_instances
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

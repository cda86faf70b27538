#!/usr/bin/env bash
# Fault trials of issue #13, as an operator would run them, against the packaged server:
#   - PostgreSQL stopped, then started again (no server restart)
#   - PostgreSQL frozen (SIGSTOP of the postmaster and its backends), then thawed
#   - 250 concurrent authenticated GETs (wrk) during an outage, with the liveness probe timed
#   - 200 connections from one address sending headers, then a body one byte a second
#   - kill -9 of the server right after acknowledged sign-ups and revocations, on H2 and on
#     PostgreSQL, 3 rounds each, then restart and look for every one of them
#   - start-up against a database that refuses connections, and one that never answers
# and prints one table. Loopback only (127.0.0.1); every loop and wait is bounded; every process
# started here is stopped by its PID (the EXIT trap too).
#
#   latchkey-benchmarks/scripts/faults.sh          # builds the jar unless SKIP_BUILD=1 and it exists
#   PORT=18113 PG_PORT=15413 FREEZE_SECONDS=15 OUT=/tmp/faults ./faults.sh
#   TRIALS="kill" ./faults.sh                      # only some groups: outage, kill, startup
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PORT="${PORT:-18113}"; LK_PORT="$PORT"; LK_URL="http://$LK_HOST:$LK_PORT"
PG_PORT="${PG_PORT:-15413}"
FREEZE_SECONDS="${FREEZE_SECONDS:-15}"
SLOW_SECONDS="${SLOW_SECONDS:-30}"
OUT="${OUT:-$(mktemp -d /tmp/latchkey-faults.XXXXXX)}"
mkdir -p "$OUT"
JVM=(-Xmx192m -XX:+UseSerialGC)
PG_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/latchkey"
PG_ARGS=(--spring.datasource.url="$PG_URL" --spring.datasource.username=latchkey --spring.datasource.password=)
ROWS=()
HELPER_PIDS=()

row() { ROWS+=("$(printf '| %-34s | %-44s | %-22s | %s |' "$1" "$2" "$3" "$4")"); log "$1: $2 -> $3"; }

cleanup() {
  local pid
  for pid in "${HELPER_PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  [[ -n "${PG_PM:-}" ]] && thaw_postgres
  stop_server
  [[ -n "${PG_DIR:-}" ]] && stop_postgres
}
trap cleanup EXIT

# ---------------------------------------------------------------- PostgreSQL (Debian's server)
pg_run() { if [[ $(id -u) -eq 0 ]]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }

start_postgres() {
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [[ -z "$PG_BIN" ]]; then need initdb postgresql >/dev/null 2>&1 || true; PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1); fi
  PG_DIR=$(mktemp -d /tmp/latchkey-faults-pg.XXXXXX)
  [[ $(id -u) -eq 0 ]] && chown postgres: "$PG_DIR"
  pg_run "'$PG_BIN/initdb' -D '$PG_DIR/data' -U latchkey --auth=trust -E UTF8 --no-locale" >"$OUT/pg-initdb.log" 2>&1
  pg_start
  pg_run "'$PG_BIN/createdb' -h 127.0.0.1 -p $PG_PORT -U latchkey latchkey"
  log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"
}
pg_start() {
  pg_run "'$PG_BIN/pg_ctl' -D '$PG_DIR/data' -l '$PG_DIR/server.log' -w -t 60 \
      -o \"-c listen_addresses=127.0.0.1 -p $PG_PORT -k '$PG_DIR' -c max_connections=50\" start" >>"$OUT/pg-ctl.log" 2>&1
}
pg_stop() { pg_run "'$PG_BIN/pg_ctl' -D '$PG_DIR/data' -m fast -w -t 30 stop" >>"$OUT/pg-ctl.log" 2>&1; }
stop_postgres() { pg_stop; rm -rf "$PG_DIR"; PG_DIR=; }

# The postmaster (from its pid file) and its children, by PID: all of them, or a backend would answer.
freeze_postgres() {
  PG_PM=$(head -1 "$PG_DIR/data/postmaster.pid")
  PG_FROZEN="$PG_PM $(ps -o pid= --ppid "$PG_PM" | tr '\n' ' ')"
  kill -STOP $PG_FROZEN
}
thaw_postgres() { kill -CONT $PG_FROZEN 2>/dev/null; PG_PM=; }

# ---------------------------------------------------------------- HTTP helpers
# call <method> <path> [json] [access] -> "status seconds" (curl gives up after 60 s: status 000)
call() {
  local method="$1" path="$2" data="${3:-}" access="${4:-}"
  local -a args=(-s -o "$OUT/last-body" -w '%{http_code} %{time_total}' --max-time 60 -X "$method" "$LK_URL$path")
  [[ -n "$data" ]] && args+=(-H 'Content-Type: application/json' -d "$data")
  [[ -n "$access" ]] && args+=(-H "Authorization: Bearer $access")
  curl "${args[@]}" 2>/dev/null || true
}
# login_status <username>: 200 or 401 as the password check says; a 503 (hashing busy) or 429 is
# asked again, up to 5 times, since neither says anything about the user.
login_status() {
  local i status
  for i in 1 2 3 4 5; do
    status=$(code "$(call POST /api/token/ "$(creds "$1")")")
    [[ "$status" == 503 || "$status" == 429 ]] || break
    sleep 1
  done
  echo "$status"
}
creds() { printf '{"username":"%s","password":"%s"}' "$1" "$LK_PASSWORD"; }
secs() { awk '{printf "%.2f s", $2}' <<<"$1"; }
code() { cut -d' ' -f1 <<<"$1"; }

# until_status <path> <status> <limit seconds> -> seconds until the probe answered <status>, or "never"
until_status() {
  local path="$1" want="$2" limit="$3" t0 i
  t0=$(now_ns)
  for ((i = 0; i < limit * 10; i++)); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$LK_URL$path")" == "$want" ]] && {
      awk -v ns=$(( $(now_ns) - t0 )) 'BEGIN {printf "%.2f s", ns / 1e9}'; return; }
    (( $(now_ns) - t0 > limit * 1000000000 )) && break
    sleep 0.1
  done
  echo never
}

# probe_max <path> <seconds> <file>: time the probe every 0.5 s for <seconds> in the background
probe_max() {
  local path="$1" seconds="$2" file="$3"
  ( end=$(( $(date +%s) + seconds )); while (( $(date +%s) < end )); do
      curl -s -o /dev/null -w '%{http_code} %{time_total}\n' --max-time 10 "$LK_URL$path" >>"$file" || echo "000 10" >>"$file"
      sleep 0.5; done ) &
  HELPER_PIDS+=($!)
}
probe_summary() { awk '{ if ($2 > m) m = $2; if ($1 != 200) bad++ } END {printf "max %.2f s, %d not 200 of %d", m, bad, NR}' "$1"; }

signup_and_login() {   # -> sets USER ACCESS REFRESH, and ACKED=1 when the sign-up was acknowledged (201)
  USER="u$(date +%s%N | tail -c 9)"
  local status; status=$(signup_user "$USER")
  ACKED=0; [[ "$status" == 201 ]] && ACKED=1 || log "sign-up of $USER answered $status"
  local pair; pair=$(login_pair "$USER")
  ACCESS=$(json_field access <<<"$pair"); REFRESH=$(json_field refresh <<<"$pair")
}

# ---------------------------------------------------------------- trials
trial_stop() {
  signup_and_login
  call GET /api/auth/user/ "" "$ACCESS" >/dev/null
  pg_stop
  local down; down=$(until_status /actuator/health/readiness 503 30)
  local login get signup live
  login=$(call POST /api/token/ "$(creds "$USER")")
  signup=$(call POST /api/auth/signup/ "$(creds "x$USER")")
  get=$(call GET /api/auth/user/ "" "$ACCESS")
  live=$(call GET /actuator/health/liveness)
  row "DB stopped" "login" "$(code "$login") in $(secs "$login")" "503 within 2 s (was 500 after 30.2 s)"
  row "DB stopped" "sign-up" "$(code "$signup") in $(secs "$signup")" "503 within 2 s"
  row "DB stopped" "GET /api/auth/user/, recent user" "$(code "$get") in $(secs "$get")" "200"
  row "DB stopped" "readiness DOWN after stop" "$down" "within 2 s (was never)"
  row "DB stopped" "liveness" "$(code "$live") in $(secs "$live")" "200 within 1 s"

  # 250 concurrent authenticated GETs while the database is down, liveness timed meanwhile.
  : >"$OUT/live-250.txt"
  probe_max /actuator/health/liveness 12 "$OUT/live-250.txt"
  wrk -t2 -c250 -d10s --timeout 10s --latency -H "Authorization: Bearer $ACCESS" \
      "$LK_URL/api/auth/user/" >"$OUT/wrk-250.txt" 2>&1
  wait "${HELPER_PIDS[-1]}" 2>/dev/null
  local total non2xx timeouts p99
  total=$(awk '/requests in/ {print $1}' "$OUT/wrk-250.txt")
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$OUT/wrk-250.txt"); non2xx=${non2xx:-0}
  timeouts=$(sed -nE 's/.*timeout ([0-9]+).*/\1/p' "$OUT/wrk-250.txt"); timeouts=${timeouts:-0}
  p99=$(awk '$1 == "99%" {print $2}' "$OUT/wrk-250.txt")
  row "250 concurrent GETs, DB down" "wrk -c250 10 s: answers, non-2xx, timeouts" "$total, $non2xx, $timeouts (p99 $p99)" "all answered (was 50 unanswered)"
  row "250 concurrent GETs, DB down" "liveness every 0.5 s meanwhile" "$(probe_summary "$OUT/live-250.txt")" "within 1 s (was up to 32 s)"

  pg_start
  local up; up=$(until_status /actuator/health/readiness 200 60)
  login=$(call POST /api/token/ "$(creds "$USER")")
  row "DB started again" "readiness UP after start" "$up" "UP again, no restart"
  row "DB started again" "login" "$(code "$login") in $(secs "$login")" "200"
}

trial_freeze() {
  signup_and_login
  call GET /api/auth/user/ "" "$ACCESS" >/dev/null
  freeze_postgres
  local frozen_at; frozen_at=$(date +%s)
  local down login get ready
  down=$(until_status /actuator/health/readiness 503 30)
  login=$(call POST /api/token/ "$(creds "$USER")")
  get=$(call GET /api/auth/user/ "" "$ACCESS")
  ready=$(call GET /actuator/health/readiness)
  row "DB frozen (SIGSTOP) ${FREEZE_SECONDS} s" "login" "$(code "$login") in $(secs "$login")" "503 within 2 s (was 45 s hang)"
  row "DB frozen (SIGSTOP) ${FREEZE_SECONDS} s" "GET /api/auth/user/, recent user" "$(code "$get") in $(secs "$get")" "200"
  row "DB frozen (SIGSTOP) ${FREEZE_SECONDS} s" "readiness DOWN after freeze" "$down" "within 2 s"
  row "DB frozen (SIGSTOP) ${FREEZE_SECONDS} s" "readiness answered" "$(code "$ready") in $(secs "$ready")" "within 1 s"
  local left=$(( FREEZE_SECONDS - ($(date +%s) - frozen_at) )); (( left > 0 )) && sleep "$left"
  thaw_postgres
  local up; up=$(until_status /actuator/health/readiness 200 60)
  login=$(call POST /api/token/ "$(creds "$USER")")
  row "DB thawed" "readiness UP after thaw; login" "$up; $(code "$login")" "UP, 200"
}

trial_slow_bodies() {
  : >"$OUT/ready-slow.txt"
  python3 - "$LK_HOST" "$LK_PORT" 200 "$SLOW_SECONDS" >"$OUT/slow.txt" 2>&1 <<'PY' &
import socket, sys, time, collections
host, port, count, seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
body = b'{"username": "slow", "password": "Str0ng-Passw0rd!"}'
socks, end = [], time.time() + seconds
for _ in range(count):
    try:
        s = socket.create_connection((host, port), timeout=5)
        s.sendall(b"POST /api/token/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(body))
        s.setblocking(False); socks.append([s, 0, b""])
    except OSError:
        pass
while time.time() < end and any(e[1] < len(body) or not e[2] for e in socks):
    for e in socks:
        s = e[0]
        try:
            e[2] += s.recv(4096)
        except (BlockingIOError, OSError):
            pass
        if e[1] < len(body) and not e[2]:
            try:
                s.send(body[e[1]:e[1] + 1]); e[1] += 1
            except OSError:
                e[1] = len(body)
    time.sleep(1)
statuses = collections.Counter((e[2].split(b" ")[1].decode() if e[2] else "none") for e in socks)
print(" ".join(f"{k}:{v}" for k, v in sorted(statuses.items())))
for e in socks:
    e[0].close()
PY
  local slow_pid=$!; HELPER_PIDS+=("$slow_pid")
  sleep 2
  probe_max /actuator/health/readiness 20 "$OUT/ready-slow.txt"
  local i login worst=0 codes=""
  for i in 1 2 3 4 5; do
    login=$(call POST /api/token/ "$(creds nobody)")
    codes+="$(code "$login") "
    worst=$(awk -v a="$worst" -v b="$(cut -d' ' -f2 <<<"$login")" 'BEGIN {print (b > a) ? b : a}')
    sleep 3
  done
  wait "$slow_pid" 2>/dev/null
  row "200 slow bodies, one address" "slow requests' answers (status:count)" "$(cat "$OUT/slow.txt")" "refused or cut off"
  row "200 slow bodies, one address" "5 logins meanwhile (status, slowest)" "${codes% } ($(printf '%.2f' "$worst") s)" "answered (was none in 30 s)"
  row "200 slow bodies, one address" "readiness every 0.5 s meanwhile" "$(probe_summary "$OUT/ready-slow.txt")" "within 1 s"
}

# kill_rounds <label> <workdir prefix> [server args...]: 3 rounds of write, kill -9, restart, check
kill_rounds() {
  local label="$1" prefix="$2"; shift 2
  local ok=0 round lost=""
  for round in 1 2 3; do
    local dir="$prefix-$round"
    start_server "$dir" "$OUT/kill-$label-$round-a.log" "${JVM[@]}" -- "$@" || { lost+="start failed; "; continue; }
    local users=() u
    # Only acknowledged sign-ups are looked for: under overload a sign-up may get 503 (hashing busy).
    for u in 1 2 3; do signup_and_login; (( ACKED )) && users+=("$USER"); done
    local revoked_refresh="$REFRESH" revoked_access="$ACCESS"
    call POST /api/auth/logout/ "{\"refresh\":\"$revoked_refresh\"}" >/dev/null
    signup_and_login; (( ACKED )) && users+=("$USER")
    local last; last=$(signup_user "z$USER"); [[ "$last" == 201 ]] && users+=("z$USER")
    kill -9 "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null; SERVER_PID=
    [[ "$last" == 201 ]] || lost+="last sign-up not acknowledged; "
    start_server "$dir" "$OUT/kill-$label-$round-b.log" "${JVM[@]}" -- "$@" || { lost+="restart failed; "; continue; }
    local good=1
    for u in "${users[@]}"; do
      [[ "$(login_status "$u")" == 200 ]] || { good=0; lost+="sign-up $u; "; }
    done
    [[ "$(code "$(call POST /api/token/refresh/ "{\"refresh\":\"$revoked_refresh\"}")")" == 401 ]] || { good=0; lost+="revoked refresh works; "; }
    sleep 1
    [[ "$(code "$(call GET /api/auth/user/ "" "$revoked_access")")" == 401 ]] || { good=0; lost+="revoked access works; "; }
    (( good )) && ok=$((ok + 1))
    stop_server
  done
  row "kill -9 after acked writes, $label" "rounds with every sign-up and revocation" "$ok of 3 ${lost:+($lost)}" "3 of 3 (was lost in 2 runs)"
}

startup_failure() {   # startup_failure <label> <url>
  local label="$1" url="$2" t0 rc
  t0=$(now_ns)
  (cd "$OUT" && timeout 90 "$JAVA" "${JVM[@]}" -jar "$LK_JAR" --server.address="$LK_HOST" --server.port="$LK_PORT" \
      --latchkey.jwt.signing-key="$LK_SIGNING_KEY" --spring.datasource.url="$url" --spring.datasource.username=latchkey \
      >"$OUT/startup-$label.log" 2>&1)
  rc=$?
  local took; took=$(awk -v ns=$(( $(now_ns) - t0 )) 'BEGIN {printf "%.1f s", ns / 1e9}')
  local frames; frames=$(grep -c $'^\tat ' "$OUT/startup-$label.log")
  local cause; cause=$(grep -m1 'Latchkey cannot' "$OUT/startup-$label.log" | cut -c1-60)
  row "start-up, database $label" "exit code, time, stack frames" "$rc, $took, $frames" "exits within 30 s, no stack trace"
  row "start-up, database $label" "cause" "${cause:-none}..." "one line"
}

# ---------------------------------------------------------------- run
need wrk wrk || exit 1
command -v python3 >/dev/null || { log "python3 is needed for the slow-body trial"; exit 1; }
if [[ "${SKIP_BUILD:-0}" != 1 || ! -f "$LK_JAR" ]]; then
  log "building the server jar (mvn -q -B -pl latchkey-server -am -DskipTests package)"
  (cd "$LK_ROOT" && mvn -q -B -pl latchkey-server -am -DskipTests package) || exit 1
fi
start_postgres || exit 1

TRIALS="${TRIALS:-outage kill startup}"   # a subset runs only those groups
if [[ " $TRIALS " == *" outage "* ]]; then
  log "trials on PostgreSQL"
  start_server "$OUT/pg-server" "$OUT/pg-server.log" "${JVM[@]}" -- "${PG_ARGS[@]}" || exit 1
  trial_stop
  trial_freeze
  trial_slow_bodies
  stop_server
fi
if [[ " $TRIALS " == *" kill "* ]]; then
  log "kill -9 trials"
  kill_rounds H2 "$OUT/h2"
  kill_rounds PostgreSQL "$OUT/pg" "${PG_ARGS[@]}"
fi
if [[ " $TRIALS " == *" startup "* ]]; then
log "start-up trials"
startup_failure refusing "jdbc:postgresql://127.0.0.1:1/latchkey"
python3 -c "import socket, time; s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen(64); print(s.getsockname()[1], flush=True); time.sleep(120)" >"$OUT/silent.port" &
HELPER_PIDS+=($!)
for ((i = 0; i < 100; i++)); do [[ -s "$OUT/silent.port" ]] && break; sleep 0.1; done
startup_failure silent "jdbc:postgresql://127.0.0.1:$(head -1 "$OUT/silent.port")/latchkey"
kill "${HELPER_PIDS[-1]}" 2>/dev/null
fi

printf '\n| %-34s | %-44s | %-22s | %s |\n' trial measure result "required (issue #13: before)"
printf '|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..36})" "$(printf -- '-%.0s' {1..46})" "$(printf -- '-%.0s' {1..24})" "$(printf -- '-%.0s' {1..30})"
printf '%s\n' "${ROWS[@]}"
echo
log "logs in $OUT"

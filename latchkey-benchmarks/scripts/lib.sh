# Functions shared by the benchmark scripts (sourced, not run; the private PostgreSQL is in pg.sh).
# Loopback only; every loop is bounded; every process started here is stopped by its PID.

LK_HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"   # latchkey-benchmarks/
LK_ROOT="$(cd "$LK_HERE/.." && pwd)"                          # the repository
LK_LUA="$LK_HERE/scripts/wrk/latchkey.lua"
LK_JAR="${LK_JAR:-$LK_ROOT/latchkey-server/target/latchkey-server.jar}"
LK_HOST=127.0.0.1
LK_PORT="${PORT:-18000}"
LK_URL="http://$LK_HOST:$LK_PORT"
LK_SIGNING_KEY="${SIGNING_KEY:-load-test-signing-key-0123456789abcdef0123456789}"
LK_PASSWORD='Str0ng-Passw0rd!'
JAVA="${JAVA:-java}"

log() { printf '[%(%H:%M:%S)T] %s\n' -1 "$*" >&2; }

# Install a Debian package when its command is missing (root only; never downloads anything else).
need() {
  local command="$1" package="$2"
  command -v "$command" >/dev/null 2>&1 && return 0
  if [[ $(id -u) -ne 0 ]]; then
    log "missing $command: install the Debian package $package"; return 1
  fi
  log "installing $package"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package"; } >/dev/null 2>&1
  command -v "$command" >/dev/null 2>&1
}

build() {
  if [[ "${SKIP_BUILD:-0}" == 1 && -f "$LK_JAR" && -f "$LK_HERE/target/benchmark.classpath" ]]; then
    return 0
  fi
  log "building (mvn -q -DskipTests package)"
  (cd "$LK_ROOT" && mvn -q -B -DskipTests package)
}

now_ns() { date +%s%N; }

# start_server <workdir> <logfile> [java options...] -- [server arguments...]
# Starts the packaged jar with its working directory in <workdir> (so ./data is there), waits for the
# first answered request and sets SERVER_PID and STARTUP_MS (process start -> first 200 answer).
start_server() {
  local workdir="$1" logfile="$2"; shift 2
  local -a jvm=() app=()
  while [[ $# -gt 0 && "$1" != "--" ]]; do jvm+=("$1"); shift; done
  [[ $# -gt 0 ]] && shift
  app=("$@")
  local launch=(-jar "$LK_JAR")
  if [[ -n "${LK_LAUNCH:-}" ]]; then read -r -a launch <<<"$LK_LAUNCH"; fi
  mkdir -p "$workdir"
  local t0; t0=$(now_ns)
  (cd "$workdir" && exec "$JAVA" "${jvm[@]}" "${launch[@]}" --server.address="$LK_HOST" --server.port="$LK_PORT" \
      --latchkey.jwt.signing-key="$LK_SIGNING_KEY" "${app[@]}" ${SERVER_ARGS:-}) >"$logfile" 2>&1 &
  SERVER_PID=$!
  local i
  for ((i = 0; i < 3000; i++)); do   # at most ~60 s
    if [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$LK_URL/actuator/health" 2>/dev/null)" == 200 ]]; then
      STARTUP_MS=$(( ($(now_ns) - t0) / 1000000 ))
      return 0
    fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      log "server exited during start-up; see $logfile"; tail -20 "$logfile" >&2; SERVER_PID=; return 1
    fi
    sleep 0.02
  done
  log "server did not answer within 60 s; see $logfile"; return 1
}

stop_server() {
  [[ -n "${SERVER_PID:-}" ]] || return 0
  if kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    local i
    for ((i = 0; i < 300; i++)); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$SERVER_PID" 2>/dev/null && kill -9 "$SERVER_PID" 2>/dev/null
  fi
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=
}

# Resident set of the server now and its peak so far (KiB): VmRSS and VmHWM, the counters ps's RSS
# and /usr/bin/time -v's "Maximum resident set size" report.
rss_kib() { awk '/^VmRSS/ {print $2}' "/proc/$SERVER_PID/status" 2>/dev/null || echo 0; }
hwm_kib() { awk '/^VmHWM/ {print $2}' "/proc/$SERVER_PID/status" 2>/dev/null || echo 0; }

json_field() { sed -nE "s/.*\"$1\":\"([^\"]+)\".*/\1/p"; }

signup_user() {   # signup_user <username> -> HTTP status
  curl -s -o /dev/null -w '%{http_code}' -X POST "$LK_URL/api/auth/signup/" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$LK_PASSWORD\",\"name\":\"Load Test\"}"
}

login_pair() {    # login_pair <username> -> the JSON body {"refresh":..., "access":...}
  curl -s -X POST "$LK_URL/api/token/" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$LK_PASSWORD\"}"
}

# mint_refresh_pool <username | random:N> <count> <file>: logins, two at a time, until <count> refresh
# tokens are in <file> (one per line), the access tokens of the same logins in <file>.access; at most 3
# rounds. random:N logs in a random user<k>, k in 1..N, per login (the users data-growth.sh generates).
# Failed logins are counted in <file>.failures (one line per round), their answers kept in <file>.failed.
mint_refresh_pool() {
  local user="$1" count="$2" file="$3" round have
  : >"$file"; : >"$file.access"
  for round in 1 2 3; do
    have=$(wc -l <"$file")
    (( have >= count )) && break
    # Each answer is printed by one write (the two logins at a time would otherwise interleave their
    # bodies and lose tokens): body, then " HTTP <status>", one line per login.
    pool_usernames "$user" $((count - have)) | xargs -P 2 -I{} sh -c 'a=$(curl -s --max-time 30 -X POST "$1" \
        -H "Content-Type: application/json" -d "{\"username\":\"$2\",\"password\":\"$3\"}" -w " HTTP %{http_code}")
        printf "%s\n" "$a"' sh "$LK_URL/api/token/" {} "$LK_PASSWORD" >"$file.raw" || true
    json_field refresh <"$file.raw" >>"$file"
    json_field access <"$file.raw" >>"$file.access"
    grep -vc '"refresh"' "$file.raw" >>"$file.failures" || true
    grep -v '"refresh"' "$file.raw" | cut -c1-300 >>"$file.failed" || true
  done
  rm -f "$file.raw"
  have=$(wc -l <"$file")
  (( have >= count )) || { log "could mint only $have of $count refresh tokens (see $file.failures)"; return 1; }
}

pool_usernames() {   # pool_usernames <username | random:N> <count>: <count> lines, one username each
  if [[ "$1" =~ ^random:([0-9]+)$ ]]; then
    awk -v n="${BASH_REMATCH[1]}" -v c="$2" -v seed="$RANDOM$RANDOM" 'BEGIN { srand(seed); for (i = 0; i < c; i++) printf "user%d\n", 1 + int(rand() * n) }'
  else
    awk -v u="$1" -v c="$2" 'BEGIN { for (i = 0; i < c; i++) print u }'
  fi
}

# run_wrk <mode> <seconds> <connections> <path> [lua args...] -> the RESULT line
run_wrk() {
  local mode="$1" seconds="$2" connections="$3" path="$4"; shift 4
  local threads="${THREADS:-2}"
  (( connections < threads )) && threads=$connections
  LK_MODE="$mode" LK_RUN="r$(now_ns)" wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s --latency -s "$LK_LUA" \
      "$LK_URL$path" -- "$@" | grep '^RESULT' || echo "RESULT mode=$mode requests=0 rps=0 p50_ms=0 p99_ms=0 non2xx=0 socket_errors=0 failed=1"
}

field() { sed -nE "s/.* $1=([^ ]+).*/\1/p" <<<"$2"; }   # field <name> <RESULT line>

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

# run_header: the lines every results file starts with (when, on what, which code).
run_header() {
  echo "date $(date -u +%FT%TZ)"
  echo "cpu $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  echo "java $("$JAVA" -version 2>&1 | head -1)"
  echo "git $(git -C "$LK_ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$LK_ROOT" diff --quiet 2>/dev/null || echo '+dirty')"
}

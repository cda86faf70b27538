#!/usr/bin/env bash
# HTTP load test of the packaged server with wrk, on H2 and on PostgreSQL, every phase measured
# side by side in one run so the results are ratios (see BENCHMARKS.md).
#
#   latchkey-benchmarks/scripts/load.sh
#
# Environment (all optional):
#   DURATION=15 WARMUP=5      seconds measured per phase / of warm-up (the read phases warm up twice)
#   THREADS=2 CONNECTIONS=32  wrk threads and connections (login and sign-up use LOGIN_CONNECTIONS=8)
#   DATABASES="h2 postgres"   which databases to run; PostgreSQL is skipped with a message if absent
#   REFRESH_POOL=300          refresh tokens pre-minted by logins, per pool (one pool for warm-up, one measured)
#   JAVA_OPTS="..."           JVM options of the server (default: none, the README launcher)
#   SERVER_ARGS="..."         extra --property=value arguments for the server
#   ROUNDS=3                  the read phases (ceiling, user, verify) are measured in ROUNDS interleaved
#                             slices of DURATION/ROUNDS seconds each, so drift hits them alike
#   READ_PHASES="ceiling user verify" WRITE_PHASES="refresh login signup"   what to run
#   EXTRA_PHASES=1            also measure GET of a static JSON file and GET /actuator/health
#   PROFILE=1                 also record JFR profiles (into the output folder): the read phases in an
#                             extra DURATION run each after their measurement, the others while measured;
#                             summarise them with scripts/jfr-summary.sh
#   SKIP_BUILD=1              reuse the jars in target/; OUT=dir keeps the output there
#   PORT=18000 PG_PORT=55432  loopback ports
# Only 127.0.0.1 is ever contacted; every loop is bounded; the server and PostgreSQL started here are
# stopped by PID / pg_ctl on exit.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

DURATION="${DURATION:-15}"
WARMUP="${WARMUP:-5}"
CONNECTIONS="${CONNECTIONS:-32}"
LOGIN_CONNECTIONS="${LOGIN_CONNECTIONS:-8}"
DATABASES="${DATABASES:-h2 postgres}"
REFRESH_POOL="${REFRESH_POOL:-300}"
ROUNDS="${ROUNDS:-3}"
READ_PHASES="${READ_PHASES:-ceiling user verify}"
WRITE_PHASES="${WRITE_PHASES-refresh login signup}"   # WRITE_PHASES= (empty) runs none
[[ "${EXTRA_PHASES:-0}" == 1 ]] && READ_PHASES="$READ_PHASES static health"
PG_PORT="${PG_PORT:-55432}"
read -r -a JVM_OPTS <<<"${JAVA_OPTS:-}"
OUT="${OUT:-$(mktemp -d /tmp/latchkey-load.XXXXXX)}"
mkdir -p "$OUT"
RESULTS="$OUT/results.txt"
PG_DIR=

cleanup() {
  stop_server
  if [[ -n "$PG_DIR" ]]; then stop_postgres; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

need wrk wrk
need curl curl

# ---------------------------------------------------------------- PostgreSQL (Debian's server)
pg_run() {   # run a command as the postgres user when root (initdb refuses root), else as ourselves
  if [[ $(id -u) -eq 0 ]]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi
}

start_postgres() {
  local bindir
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [[ -z "$bindir" ]]; then
    need initdb postgresql >/dev/null 2>&1 || true
    bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  fi
  if [[ -z "$bindir" ]] || { [[ $(id -u) -eq 0 ]] && ! id postgres >/dev/null 2>&1; }; then
    log "SKIPPING PostgreSQL: no Debian postgresql server could be installed (apt-get install postgresql)"
    return 1
  fi
  PG_DIR=$(mktemp -d /tmp/latchkey-pg.XXXXXX)
  [[ $(id -u) -eq 0 ]] && chown postgres: "$PG_DIR"
  PG_BIN="$bindir"
  pg_run "'$bindir/initdb' -D '$PG_DIR/data' -U latchkey --auth=trust -E UTF8 --no-locale" >"$OUT/pg-initdb.log" 2>&1
  pg_run "'$bindir/pg_ctl' -D '$PG_DIR/data' -l '$PG_DIR/server.log' -w -t 60 \
      -o \"-c listen_addresses=127.0.0.1 -p $PG_PORT -k '$PG_DIR' -c max_connections=50\" start" >"$OUT/pg-start.log" 2>&1
  pg_run "'$bindir/createdb' -h 127.0.0.1 -p $PG_PORT -U latchkey latchkey"
  log "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT ($PG_DIR)"
}

stop_postgres() {
  pg_run "'$PG_BIN/pg_ctl' -D '$PG_DIR/data' -m fast -w stop" >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  PG_DIR=
}

# ---------------------------------------------------------------- one phase
declare -A R   # R[db.phase] = RESULT line
phase() {   # phase <db> <name> <mode> <connections> <path> [lua args...]
  local db="$1" name="$2" mode="$3" conns="$4" path="$5"; shift 5
  run_wrk "$mode" "$WARMUP" "$conns" "$path" "$@" >/dev/null
  if [[ "${PROFILE:-0}" == 1 ]]; then jcmd "$SERVER_PID" JFR.start name="$name" settings=profile >/dev/null; fi
  local line
  line=$(run_wrk "$mode" "$DURATION" "$conns" "$path" "$@")
  if [[ "${PROFILE:-0}" == 1 ]]; then jcmd "$SERVER_PID" JFR.stop name="$name" filename="$OUT/$db-$name.jfr" >/dev/null; fi
  line="$line rss_kib=$(rss_kib) hwm_kib=$(hwm_kib) load=$(cut -d' ' -f1 /proc/loadavg)"
  R[$db.$name]="$line"
  echo "$db $name $line" >>"$RESULTS"
  log "$db $name: $(field rps "$line") req/s, p50 $(field p50_ms "$line") ms, p99 $(field p99_ms "$line") ms, non-2xx $(field non2xx "$line"), RSS $(( $(field rss_kib "$line") / 1024 )) MiB"
}

# a refresh phase needs its own pool of never-used tokens (warm-up and measurement each have one)
refresh_phase() {
  local db="$1" user="$2"
  mint_refresh_pool "$user" "$REFRESH_POOL" "$OUT/$db-refresh-warmup.txt"
  mint_refresh_pool "$user" "$REFRESH_POOL" "$OUT/$db-refresh-measured.txt"
  run_wrk refresh "$WARMUP" "$CONNECTIONS" /api/token/refresh/ "$OUT/$db-refresh-warmup.txt" "${THREADS:-2}" >/dev/null
  if [[ "${PROFILE:-0}" == 1 ]]; then jcmd "$SERVER_PID" JFR.start name=refresh settings=profile >/dev/null; fi
  local line
  line=$(run_wrk refresh "$DURATION" "$CONNECTIONS" /api/token/refresh/ "$OUT/$db-refresh-measured.txt" "${THREADS:-2}")
  if [[ "${PROFILE:-0}" == 1 ]]; then jcmd "$SERVER_PID" JFR.stop name=refresh filename="$OUT/$db-refresh.jfr" >/dev/null; fi
  line="$line rss_kib=$(rss_kib) hwm_kib=$(hwm_kib) load=$(cut -d' ' -f1 /proc/loadavg)"
  R[$db.refresh]="$line"
  echo "$db refresh $line" >>"$RESULTS"
  log "$db refresh: $(field rps "$line") req/s, p50 $(field p50_ms "$line") ms, p99 $(field p99_ms "$line") ms, non-2xx $(field non2xx "$line"), pool ran dry $(field exhausted "$line")x"
}

declare -A SLICES
read_phase_run() {   # read_phase_run <phase> <seconds> -> RESULT line
  case $1 in
    ceiling) run_wrk get "$2" "$CONNECTIONS" "$CEILING" ;;
    static) run_wrk get "$2" "$CONNECTIONS" /static/ping.json ;;
    health) run_wrk get "$2" "$CONNECTIONS" /actuator/health ;;
    user) run_wrk get "$2" "$CONNECTIONS" /api/auth/user/ "$access" ;;
    verify) run_wrk verify "$2" "$CONNECTIONS" /api/token/verify/ "$access" ;;
  esac
}

# merge_slices <RESULT lines>: requests and errors summed, rps = requests / seconds, latency
# percentiles = the median over the slices (wrk's histograms cannot be merged from its output).
merge_slices() {
  awk '
    function med(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
                                     return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
    /^RESULT/ { n++
      for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
      req += v["requests"]; sec += v["seconds"]; bad += v["non2xx"]; sock += v["socket_errors"]
      p50[n] = v["p50_ms"]; p99[n] = v["p99_ms"]; mode = v["mode"] }
    END { printf "RESULT mode=%s requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p99_ms=%.2f non2xx=%d socket_errors=%d exhausted=0 slices=%d\n",
            mode, req, sec, (sec > 0 ? req / sec : 0), med(p50, n), med(p99, n), bad, sock, n }' <<<"$1"
}

# round_ratios <slices of a phase> <slices of the ceiling>: the ratio of each round's slices (measured
# back to back), then their median, which a machine drifting between rounds disturbs least.
round_ratios() {
  paste -d' ' <(grep -oE 'rps=[0-9.]+' <<<"$1" | cut -d= -f2) <(grep -oE 'rps=[0-9.]+' <<<"$2" | cut -d= -f2) \
    | awk '$2 > 0 { r[++n] = $1 / $2 } END {
        for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (r[j] < r[i]) { t = r[i]; r[i] = r[j]; r[j] = t }
        for (i = 1; i <= n; i++) printf "%.2f ", r[i]
        if (n) printf "-> median %.2f", (n % 2) ? r[(n + 1) / 2] : (r[n / 2] + r[n / 2 + 1]) / 2 }'
}

run_database() {
  local db="$1"
  local -a args=()
  local work="$OUT/$db-server"
  if [[ "$db" == postgres ]]; then
    start_postgres || return 0
    args+=(--spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/latchkey" --spring.datasource.username=latchkey
           --spring.datasource.password=)
  fi
  # The ceiling: GET /api/ping if the server has one, else GET /bench/ping from latchkey-benchmarks'
  # PingAutoConfiguration, put on the class path by PropertiesLauncher (the server jar is unchanged).
  # A static file is measured too when EXTRA_PHASES=1 (Spring's resource handler is no cheap ceiling).
  mkdir -p "$work/static/static"
  printf '{"status":"ok"}' >"$work/static/static/ping.json"
  # All load comes from 127.0.0.1: lift the per-address sign-up limit (a property older servers ignore).
  args+=(--latchkey.throttle.sign-ups-per-window=1000000000)
  # ... and every login is one user's, 600 of them for the refresh pools: lift the per-user session limit.
  args+=(--latchkey.sessions.maximum-per-user=0)
  args+=(--spring.web.resources.static-locations="file:$work/static/" --latchkey.bench.ping=true
         --latchkey.web.permit-all=/bench/ping,/api/ping,/static/**,/actuator/health,/actuator/health/**)
  start_server "$work" "$OUT/$db-server.log" "${JVM_OPTS[@]}" -- "${args[@]}"
  local startup=$STARTUP_MS rss_start; rss_start=$(rss_kib)
  echo "$db startup_ms=$STARTUP_MS rss_after_start_kib=$rss_start" >>"$RESULTS"
  log "$db: server PID $SERVER_PID answered $STARTUP_MS ms after start; RSS $((rss_start / 1024)) MiB"

  local user="bench_$db" ceiling_path=/bench/ping access
  [[ "$(signup_user "$user")" == 201 ]] || { log "sign-up of $user failed"; return 1; }
  if [[ "$(curl -s -o /dev/null -w '%{http_code}' "$LK_URL/api/ping")" == 200 ]]; then ceiling_path=/api/ping; fi
  [[ "$(curl -s -o /dev/null -w '%{http_code}' "$LK_URL$ceiling_path")" == 200 ]] || { log "no ceiling endpoint"; return 1; }
  CEILING_PATH[$db]=$ceiling_path
  CEILING=$ceiling_path

  local access p r i slice
  access=$(login_pair "$user" | json_field access)
  # Read phases: measured in ROUNDS interleaved slices so that the machine's drift hits the ceiling and
  # the others alike.
  # The order rotates each round (c u v, u v c, v c u): a machine getting busier or quieter, or a JIT
  # still warming up, then favours no phase. Warm-up: two round-robin passes of WARMUP seconds each.
  slice=$(( DURATION / ROUNDS )); (( slice < 1 )) && slice=1
  local -a order=($READ_PHASES)
  for r in 1 2; do for p in $READ_PHASES; do read_phase_run "$p" "$WARMUP" >/dev/null; done; done
  # A fresh access token for the measured rounds: one from before a long warm-up may expire (5 minutes)
  # during them, and its 401s would be counted as the endpoint's answers.
  access=$(login_pair "$user" | json_field access)
  for ((r = 1; r <= ROUNDS; r++)); do
    for ((i = 0; i < ${#order[@]}; i++)); do
      p=${order[$(( (i + r - 1) % ${#order[@]} ))]}
      SLICES[$db.$p]="${SLICES[$db.$p]:-}"$'\n'"$(read_phase_run "$p" "$slice")"
    done
  done
  if [[ "${PROFILE:-0}" == 1 ]]; then   # profiled separately, after the measurement, so it is not disturbed
    for p in $READ_PHASES; do
      jcmd "$SERVER_PID" JFR.start name="$p" settings=profile >/dev/null
      read_phase_run "$p" "$DURATION" >/dev/null
      jcmd "$SERVER_PID" JFR.stop name="$p" filename="$OUT/$db-$p.jfr" >/dev/null
    done
  fi
  for p in $READ_PHASES; do
    R[$db.$p]="$(merge_slices "${SLICES[$db.$p]}") rss_kib=$(rss_kib) hwm_kib=$(hwm_kib) load=$(cut -d' ' -f1 /proc/loadavg)"
    echo "$db $p ${R[$db.$p]}" >>"$RESULTS"
    log "$db $p: $(field rps "${R[$db.$p]}") req/s (slices: $(grep -oE 'rps=[0-9.]+' <<<"${SLICES[$db.$p]}" | cut -d= -f2 | xargs)), p50 $(field p50_ms "${R[$db.$p]}") ms, p99 $(field p99_ms "${R[$db.$p]}") ms, non-2xx $(field non2xx "${R[$db.$p]}")"
  done
  for p in $WRITE_PHASES; do
    case $p in
      refresh) refresh_phase "$db" "$user" ;;
      login) phase "$db" login login "$LOGIN_CONNECTIONS" /api/token/ "$user" "$LK_PASSWORD" ;;
      signup) phase "$db" signup signup "$LOGIN_CONNECTIONS" /api/auth/signup/ "load_$db" "$LK_PASSWORD" ;;
      *) log "unknown phase $p" ;;
    esac
  done

  R[$db.startup]=$startup
  R[$db.rss_start]=$rss_start
  R[$db.hwm]=$(hwm_kib)
  stop_server
  if [[ "$db" == postgres ]]; then stop_postgres; fi
  return 0
}

# ---------------------------------------------------------------- main
build
log "output in $OUT"
{
  run_header
  echo "settings duration=$DURATION warmup=$WARMUP threads=${THREADS:-2} connections=$CONNECTIONS login_connections=$LOGIN_CONNECTIONS java_opts='${JAVA_OPTS:-}'"
} >"$RESULTS"

# The single-hash time the login ceiling is computed from, measured now (before the server starts):
# CPU time of one Argon2id hash at the defaults on one thread (HashTimer; wall time is printed too).
log "timing one Argon2id hash (HashTimer)"
"$JAVA" -cp "$LK_HERE/target/classes:$(cat "$LK_HERE/target/benchmark.classpath")" dev.latchkey.benchmarks.HashTimer \
    argon2id 5 20 >"$OUT/hash.txt"
HASH_MS=$(sed -nE 's/.*cpu_ms_median=([0-9.]+).*/\1/p' "$OUT/hash.txt")
HASH_WALL_MS=$(sed -nE 's/.*wall_ms_median=([0-9.]+).*/\1/p' "$OUT/hash.txt")
CORES=$(nproc)
echo "argon2id_hash_cpu_ms $HASH_MS wall_ms $HASH_WALL_MS cores $CORES" >>"$RESULTS"
log "one Argon2id hash: $HASH_MS ms CPU ($HASH_WALL_MS ms wall) on one thread; $CORES cores"

# The ceiling endpoint's jar (see run_database) and the launcher that adds it to the server's class path.
JAR_TOOL="$(dirname "$(readlink -f "$(command -v "$JAVA")")")/jar"
CEILING_JAR="$OUT/latchkey-bench-ceiling.jar"
"$JAR_TOOL" cf "$CEILING_JAR" -C "$LK_HERE/target/classes" dev/latchkey/benchmarks/ceiling \
    -C "$LK_HERE/target/classes" META-INF/spring
LK_LAUNCH="-cp $LK_JAR -Dloader.path=$CEILING_JAR org.springframework.boot.loader.launch.PropertiesLauncher"

declare -A CEILING_PATH
for db in $DATABASES; do run_database "$db"; done

# ---------------------------------------------------------------- report
{
  echo
  echo "| db | phase | req/s | p50 ms | p99 ms | non-2xx | ratio | RSS after (MiB) | load avg |"
  echo "|---|---|---:|---:|---:|---:|---|---:|---:|"
  for db in $DATABASES; do
    [[ -n "${R[$db.ceiling]:-}" ]] || continue   # the ratios need the ceiling phase
    ceiling=$(field rps "${R[$db.ceiling]}")
    login_max=$(awk -v c="$CORES" -v ms="$HASH_MS" 'BEGIN { printf "%.1f", c * 1000 / ms }')
    for p in ceiling static health user verify refresh login signup; do
      line="${R[$db.$p]:-}"; [[ -n "$line" ]] || continue
      rps=$(field rps "$line")
      case $p in
        ceiling) r="1.00 (GET ${CEILING_PATH[$db]})" ;;
        login|signup) r="$(ratio "$rps" "$ceiling") of ceiling; $(ratio "$rps" "$login_max") of cores/hash = $login_max/s" ;;
        user|verify|static|health)
          r="$(ratio "$rps" "$ceiling") of ceiling (per round: $(round_ratios "${SLICES[$db.$p]:-}" "${SLICES[$db.ceiling]:-}"))" ;;
        *) r="$(ratio "$rps" "$ceiling") of ceiling" ;;
      esac
      echo "| $db | $p | $rps | $(field p50_ms "$line") | $(field p99_ms "$line") | $(field non2xx "$line")$( [[ $(field socket_errors "$line") != 0 ]] && echo " (+$(field socket_errors "$line") socket)") | $r | $(( $(field rss_kib "$line") / 1024 )) | $(field load "$line") |"
    done
    echo "| $db | start-up | ${R[$db.startup]} ms to first answer | | | | | $(( ${R[$db.rss_start]} / 1024 )) after start, peak $(( ${R[$db.hwm]} / 1024 )) | |"
  done
} | tee -a "$RESULTS"
log "results: $RESULTS"

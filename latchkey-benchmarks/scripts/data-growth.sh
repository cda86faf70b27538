#!/usr/bin/env bash
# Cost as the data grows (issue #18): login, refresh and the authenticated GET over HTTP against the
# packaged server on PostgreSQL holding 10,000 and then 1,000,000 users with as many live sessions,
# the same script and settings for each size; the p99 at the largest size over the p99 at the smallest.
#
#   latchkey-benchmarks/scripts/data-growth.sh
#
# Per size (a fresh PostgreSQL each, pg.sh): the server is started once against the empty database so
# its own Flyway migrations create the schema, and one user signs up over HTTP; its password column, a
# real Argon2id hash of the benchmark password, is copied to every generated user. pg_generate (pg.sh)
# then fills the tables in SQL with generate_series: users user1..userN, one live session each with its
# outstanding refresh token, a quarter rotated once; then VACUUM ANALYZE. The server is started again
# (JAVA_OPTS, default the README's -Xmx128m -XX:+UseSerialGC) and measured with wrk, each operation
# after a warm-up, at a fixed concurrency:
#   get      GET /api/auth/user/, rotating through the access tokens of REFRESH_POOL logins of random
#            generated users (so the server looks up that many users, each cached 500 ms)
#   refresh  POST /api/token/refresh/, REFRESH_POOL refresh tokens minted by logins of random generated
#            users (another pool for the warm-up); each token sent once, its successor queued
#   login    POST /api/token/ for a random user of the whole table per request (Argon2id-bound)
#
# Environment (all optional):
#   SIZES="10000 1000000"   user (and session) counts, smallest first; the ratio is last over first
#   DURATION=30 WARMUP=10   seconds measured / of warm-up per operation
#   GET_CONNECTIONS=32 REFRESH_CONNECTIONS=8 LOGIN_CONNECTIONS=2   wrk connections (THREADS=2 threads)
#   REFRESH_POOL=200        logins per refresh-token pool (two pools per size)
#   JAVA_OPTS="-Xmx128m -XX:+UseSerialGC"   SERVER_ARGS="..."   the server's JVM options / extra arguments
#   SKIP_BUILD=1            reuse the jars in target/; OUT=dir keeps the output there
#   PORT=18000 PG_PORT=55434   loopback ports
# Only 127.0.0.1 is contacted; the server and PostgreSQL started here are stopped by PID / pg_ctl on exit.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
PG_PORT="${PG_PORT:-55434}"
source "$(dirname "$0")/pg.sh"

SIZES="${SIZES:-10000 1000000}"
DURATION="${DURATION:-30}"
WARMUP="${WARMUP:-10}"
GET_CONNECTIONS="${GET_CONNECTIONS:-32}"
REFRESH_CONNECTIONS="${REFRESH_CONNECTIONS:-8}"
LOGIN_CONNECTIONS="${LOGIN_CONNECTIONS:-2}"
REFRESH_POOL="${REFRESH_POOL:-200}"
read -r -a JVM_OPTS <<<"${JAVA_OPTS:--Xmx128m -XX:+UseSerialGC}"
OUT="${OUT:-$(mktemp -d /tmp/latchkey-growth.XXXXXX)}"
mkdir -p "$OUT"
RESULTS="$OUT/results.txt"

cleanup() {
  stop_server
  pg_stop
}
trap cleanup EXIT
trap 'exit 130' INT TERM

need wrk wrk
need curl curl

declare -A R   # R[size.op] = RESULT line; R[size.key] = other facts of a size
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

measure() {   # measure <size> <op> <RESULT line of the measured run>
  local line="$3 load=$(cut -d' ' -f1 /proc/loadavg)"
  R[$1.$2]="$line"
  echo "$1 $2 $line" >>"$RESULTS"
  log "$1 users, $2: $(field rps "$line") req/s, p50 $(field p50_ms "$line") ms, p99 $(field p99_ms "$line") ms, non-2xx $(field non2xx "$line"), socket errors $(field socket_errors "$line")"
}

run_size() {
  local n="$1" dir="$OUT/$1" hash t0 threads
  local -a args
  mkdir -p "$dir"
  pg_start "$dir" -c max_connections=50
  R[$n.pg]=$PG_VERSION
  args=(--spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/latchkey" --spring.datasource.username=latchkey
        --spring.datasource.password=)

  # The schema by the server's own Flyway migrations, and one real Argon2id hash of $LK_PASSWORD.
  start_server "$dir/server" "$dir/server-migrate.log" "${JVM_OPTS[@]}" -- "${args[@]}"
  [[ "$(signup_user seed)" == 201 ]] || { log "sign-up of the seed user failed"; return 1; }
  hash=$(pg_psql -c "SELECT password FROM latchkey_user WHERE username = 'seed'")
  stop_server
  [[ "$hash" == argon2\$argon2id\$* ]] || { log "unexpected password column: $hash"; return 1; }

  log "generating $n users, sessions and refresh tokens"
  t0=$(now_ns)
  pg_generate "$n" "$hash" 0 >/dev/null
  pg_psql -c "VACUUM ANALYZE" >/dev/null
  R[$n.gen_s]=$(awk -v ns=$(( $(now_ns) - t0 )) 'BEGIN { printf "%.1f", ns / 1e9 }')
  R[$n.rows]=$(pg_psql -F' ' -c "SELECT (SELECT count(*) FROM latchkey_user), (SELECT count(*) FROM latchkey_session),
      (SELECT count(*) FROM latchkey_outstanding_token), (SELECT count(*) FROM latchkey_blacklisted_token),
      pg_size_pretty(pg_database_size('latchkey'))")
  echo "$n generated_s=${R[$n.gen_s]} users_sessions_tokens_blacklisted_size=${R[$n.rows]// /,}" >>"$RESULTS"
  log "generated in ${R[$n.gen_s]} s: users, sessions, outstanding, blacklisted, size = ${R[$n.rows]}"

  start_server "$dir/server" "$dir/server.log" "${JVM_OPTS[@]}" -- "${args[@]}"
  R[$n.startup]=$STARTUP_MS
  log "server PID $SERVER_PID answered $STARTUP_MS ms after start"

  # Two pools of refresh tokens (warm-up, measured) from logins of random users; the access tokens of
  # the measured pool's logins drive the GET (5 min lifetime: the GET runs first).
  mint_refresh_pool "random:$n" "$REFRESH_POOL" "$dir/refresh-warmup.txt"
  mint_refresh_pool "random:$n" "$REFRESH_POOL" "$dir/refresh-measured.txt"

  run_wrk get-tokens "$WARMUP" "$GET_CONNECTIONS" /api/auth/user/ "$dir/refresh-measured.txt.access" >/dev/null
  measure "$n" get "$(run_wrk get-tokens "$DURATION" "$GET_CONNECTIONS" /api/auth/user/ "$dir/refresh-measured.txt.access")"

  threads=${THREADS:-2}; (( REFRESH_CONNECTIONS < threads )) && threads=$REFRESH_CONNECTIONS
  run_wrk refresh "$WARMUP" "$REFRESH_CONNECTIONS" /api/token/refresh/ "$dir/refresh-warmup.txt" "$threads" >/dev/null
  measure "$n" refresh "$(run_wrk refresh "$DURATION" "$REFRESH_CONNECTIONS" /api/token/refresh/ "$dir/refresh-measured.txt" "$threads")"

  run_wrk login-random "$WARMUP" "$LOGIN_CONNECTIONS" /api/token/ "$n" "$LK_PASSWORD" >/dev/null
  measure "$n" login "$(run_wrk login-random "$DURATION" "$LOGIN_CONNECTIONS" /api/token/ "$n" "$LK_PASSWORD")"

  R[$n.hwm]=$(hwm_kib)
  stop_server
  # Sessions the run created (generated ones are an hour old): how many, and for how many distinct users.
  R[$n.new]=$(pg_psql -F' ' -c "SELECT count(*), count(DISTINCT user_id) FROM latchkey_session WHERE created_at > now() - interval '50 minutes'")
  echo "$n new_sessions_distinct_users=${R[$n.new]// /,}" >>"$RESULTS"
  pg_stop
}

# ---------------------------------------------------------------- main
build
log "output in $OUT"
{
  echo "date $(date -u +%FT%TZ)"
  echo "cpu $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  echo "java $("$JAVA" -version 2>&1 | head -1)"
  echo "git $(git -C "$LK_ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$LK_ROOT" diff --quiet 2>/dev/null || echo '+dirty')"
  echo "settings sizes='$SIZES' duration=$DURATION warmup=$WARMUP connections get=$GET_CONNECTIONS refresh=$REFRESH_CONNECTIONS login=$LOGIN_CONNECTIONS refresh_pool=$REFRESH_POOL java_opts='${JVM_OPTS[*]}'"
  echo "load_start $LOAD_START"
} >"$RESULTS"

T_START=$(now_ns)
for n in $SIZES; do run_size "$n"; done
ELAPSED_S=$(( ($(now_ns) - T_START) / 1000000000 ))
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
echo "load_end $LOAD_END elapsed_s $ELAPSED_S" >>"$RESULTS"

# ---------------------------------------------------------------- report
sizes=($SIZES)
small=${sizes[0]} large=${sizes[-1]}
errors() {   # errors <RESULT line>: non-2xx, plus socket errors and a dry refresh queue when any
  local line="$1" s
  s=$(field non2xx "$line")
  [[ $(field socket_errors "$line") != 0 ]] && s="$s (+$(field socket_errors "$line") socket)"
  [[ $(field exhausted "$line") != 0 ]] && s="$s (pool dry $(field exhausted "$line")x)"
  echo "$s"
}
{
  printf '| operation | connections |'
  for n in "${sizes[@]}"; do printf ' %s users: req/s | p50 ms | p99 ms | non-2xx |' "$n"; done
  echo " p99 $large / p99 $small |"
  printf '|---|---:|'
  for n in "${sizes[@]}"; do printf -- '---:|---:|---:|---:|'; done
  echo '---:|'
  for op in login refresh get; do
    case $op in
      login) label='login (`POST /api/token/`, random user)'; c=$LOGIN_CONNECTIONS ;;
      refresh) label='refresh (`POST /api/token/refresh/`)'; c=$REFRESH_CONNECTIONS ;;
      get) label="authenticated GET (\`/api/auth/user/\`, $REFRESH_POOL users' tokens)"; c=$GET_CONNECTIONS ;;
    esac
    printf '| %s | %s |' "$label" "$c"
    for n in "${sizes[@]}"; do
      line="${R[$n.$op]}"
      printf ' %s | %s | %s | %s |' "$(field rps "$line")" "$(field p50_ms "$line")" "$(field p99_ms "$line")" "$(errors "$line")"
    done
    echo " **$(ratio "$(field p99_ms "${R[$large.$op]}")" "$(field p99_ms "${R[$small.$op]}")")** |"
  done
  echo
  for n in "${sizes[@]}"; do
    read -r u s o b size <<<"${R[$n.rows]}"
    read -r ns nu <<<"${R[$n.new]}"
    echo "- $n: generated in ${R[$n.gen_s]} s (users $u, sessions $s, outstanding tokens $o, blacklisted $b; database $size);" \
         "the run logged in $ns times ($nu distinct users); server start ${R[$n.startup]} ms; load average after login / refresh / GET:" \
         "$(field load "${R[$n.login]}") / $(field load "${R[$n.refresh]}") / $(field load "${R[$n.get]}"); peak RSS $(( ${R[$n.hwm]} / 1024 )) MiB"
  done
  echo "- PostgreSQL ${R[$small.pg]} (Debian, defaults, fsync on), 127.0.0.1; server \`java ${JVM_OPTS[*]} -jar latchkey-server.jar\`;" \
       "wrk -t${THREADS:-2}, ${WARMUP} s warm-up then ${DURATION} s measured per operation, in the order GET, refresh, login"
  echo "- load average (1, 5, 15 min) at the start: $LOAD_START; at the end: $LOAD_END; whole run $ELAPSED_S s on $(nproc) cores"
} >"$OUT/results.md"
cat "$OUT/results.md"
log "results: $OUT/results.md"

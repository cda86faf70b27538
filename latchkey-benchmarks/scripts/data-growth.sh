#!/usr/bin/env bash
# Cost as the data grows (issue #18): login, refresh and the authenticated GET over HTTP against the
# packaged server on PostgreSQL holding 10,000 and 1,000,000 users with as many live sessions. Both
# data sets and both servers are up at once and measured in interleaved rounds, so that a machine
# whose speed drifts during the run weighs on both sizes alike; the p99 ratio is taken per round.
#
#   latchkey-benchmarks/scripts/data-growth.sh
#
# Set-up (not measured): one PostgreSQL (pg.sh). The server is started once against its empty database
# latchkey so that its own Flyway migrations create the schema, and one user signs up over HTTP; its
# password column, a real Argon2id hash of the benchmark password, is kept. For each size N a database
# latchkey_N is created from that one (CREATE DATABASE ... TEMPLATE: the migrated schema) and filled by
# pg_generate (pg.sh) in SQL with generate_series: users user1..userN, one live session each with its
# outstanding refresh token, a quarter rotated once; then VACUUM ANALYZE. Then one server per size,
# both running (first size on PORT, second on PORT+1; JAVA_OPTS, default the README's -Xmx128m
# -XX:+UseSerialGC), each on its own database, and REFRESH_POOL logins of random generated users per
# server for its token pool. A warm-up of WARMUP seconds per operation and server follows.
#
# Measured: ROUNDS rounds; in each, for each operation (GET, refresh, login) one wrk run of DURATION
# seconds against the first size, then one against the second; every other round the other way round
# (AB, BA, AB, ...), so that neither size always goes first. At a fixed concurrency:
#   get      GET /api/auth/user/, rotating through the access tokens of the REFRESH_POOL logins (so the
#            server looks up that many users, each cached 500 ms). The access-token lifetime is set to
#            ACCESS_LIFETIME (default 1h, instead of 5m) so that the tokens minted up front outlive the run.
#   refresh  POST /api/token/refresh/ along the refresh tokens of the same logins: each token is sent
#            once and its rotated successor queued (latchkey.lua), so a run needs only as many tokens as
#            connections however long it lasts; the tokens still queued when it ends are handed to the
#            next run of that server (LK_REFRESH_LEFT). Each run loses at most one token per connection
#            (in flight at the end), one more (wrk calls request() once to check it before the run) and
#            one per failed refresh, so one pool serves the warm-up and all rounds when REFRESH_POOL >=
#            (ROUNDS + 1) x (REFRESH_CONNECTIONS + 1) + REFRESH_CONNECTIONS (checked). A run whose pool
#            ran dry (a wrk thread stopped for want of a token) is left out of the medians and ratios and
#            counted in the table.
#   login    POST /api/token/ for a random user of the whole table per request (Argon2id-bound)
# Reported per operation and size: the median over the rounds of req/s, p50 and p99, the sum of non-2xx
# answers; and p99(second size) / p99(first size) per round with the median of those ratios.
#
# Environment (all optional):
#   SIZES="10000 1000000"   exactly two user (and session) counts; the ratio is second over first
#   ROUNDS=5 DURATION=15 WARMUP=10   rounds; seconds per measured run; seconds of warm-up per operation
#   GET_CONNECTIONS=32 REFRESH_CONNECTIONS=8 LOGIN_CONNECTIONS=2   wrk connections (THREADS=2 threads)
#   REFRESH_POOL=200        logins per server (its refresh-token pool and the GET's access tokens)
#   ACCESS_LIFETIME=1h      the servers' latchkey.jwt.access-token-lifetime
#   JAVA_OPTS="-Xmx128m -XX:+UseSerialGC"   SERVER_ARGS="..."   the servers' JVM options / extra arguments
#   SKIP_BUILD=1            reuse the jars in target/; OUT=dir keeps the output there
#   PORT=18000 PG_PORT=55434   loopback ports (the second server listens on PORT+1)
# Only 127.0.0.1 is contacted; the servers and PostgreSQL started here are stopped by PID / pg_ctl on exit.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
PG_PORT="${PG_PORT:-55434}"
source "$(dirname "$0")/pg.sh"

SIZES="${SIZES:-10000 1000000}"
ROUNDS="${ROUNDS:-5}"
DURATION="${DURATION:-15}"
WARMUP="${WARMUP:-10}"
GET_CONNECTIONS="${GET_CONNECTIONS:-32}"
REFRESH_CONNECTIONS="${REFRESH_CONNECTIONS:-8}"
LOGIN_CONNECTIONS="${LOGIN_CONNECTIONS:-2}"
REFRESH_POOL="${REFRESH_POOL:-200}"
ACCESS_LIFETIME="${ACCESS_LIFETIME:-1h}"
read -r -a JVM_OPTS <<<"${JAVA_OPTS:--Xmx128m -XX:+UseSerialGC}"

fail() { log "$*"; exit 2; }
read -r -a sizes <<<"$SIZES"
(( ${#sizes[@]} == 2 )) || fail "SIZES must name exactly two sizes (the ratio is second over first), not '$SIZES'"
for n in "${sizes[@]}"; do [[ "$n" =~ ^[1-9][0-9]*$ ]] || fail "SIZES: '$n' is not a positive integer"; done
[[ "${sizes[0]}" != "${sizes[1]}" ]] || fail "SIZES: the two sizes must differ"
for v in ROUNDS DURATION WARMUP GET_CONNECTIONS REFRESH_CONNECTIONS LOGIN_CONNECTIONS REFRESH_POOL; do
  [[ "${!v}" =~ ^[1-9][0-9]*$ ]] || fail "$v must be a positive integer, not '${!v}'"
done
POOL_NEEDED=$(( (ROUNDS + 1) * (REFRESH_CONNECTIONS + 1) + REFRESH_CONNECTIONS ))
(( REFRESH_POOL >= POOL_NEEDED )) ||
  fail "REFRESH_POOL=$REFRESH_POOL is too small: each of the ROUNDS + 1 refresh runs per server may lose REFRESH_CONNECTIONS + 1 tokens and the last needs REFRESH_CONNECTIONS, so at least $POOL_NEEDED are needed"

OUT="${OUT:-$(mktemp -d /tmp/latchkey-growth.XXXXXX)}"
mkdir -p "$OUT"
RESULTS="$OUT/results.txt"
BASE_PORT=$LK_PORT
declare -a PIDS=("" "")   # the server of each size (index 0, 1)
declare -a CHAIN=(0 0)    # the number of the refresh-token file each server's next refresh run starts from

use() {   # use <index>: point lib.sh's LK_PORT, LK_URL and SERVER_PID at the server of sizes[index]
  LK_PORT=$((BASE_PORT + $1)); LK_URL="http://$LK_HOST:$LK_PORT"; SERVER_PID="${PIDS[$1]}"
}

cleanup() {
  local i current="${SERVER_PID:-}"
  stop_server   # the server lib.sh points at (during set-up possibly the migrating one)
  for i in 0 1; do
    [[ -n "${PIDS[$i]}" && "${PIDS[$i]}" != "$current" ]] || continue
    SERVER_PID=${PIDS[$i]}; stop_server
  done
  PIDS=("" "")
  pg_stop
}
trap cleanup EXIT
trap 'exit 130' INT TERM

need wrk wrk
need curl curl

declare -A R   # R[index.op.round] = RESULT line; R[index.key] = other facts of a size
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
REFRESH_THREADS=${THREADS:-2}; (( REFRESH_CONNECTIONS < REFRESH_THREADS )) && REFRESH_THREADS=$REFRESH_CONNECTIONS

# slice <index> <op> <seconds>: one wrk run of <op> against the server of sizes[index]; sets LAST to its
# RESULT line (with pool=<tokens at the start> for refresh and load=<1-min load average at the end>).
slice() {
  local i="$1" op="$2" seconds="$3" n="${sizes[$1]}" dir="$OUT/${sizes[$1]}" k pool extra=""
  use "$i"
  case $op in
    get) LAST=$(run_wrk get-tokens "$seconds" "$GET_CONNECTIONS" /api/auth/user/ "$dir/refresh-0.txt.access") ;;
    refresh)
      k=${CHAIN[$i]}
      pool=$(wc -l <"$dir/refresh-$k.txt")
      LAST=$(LK_REFRESH_LEFT="$dir/refresh-$((k + 1)).txt" run_wrk refresh "$seconds" "$REFRESH_CONNECTIONS" \
          /api/token/refresh/ "$dir/refresh-$k.txt" "$REFRESH_THREADS")
      [[ -f "$dir/refresh-$((k + 1)).txt" ]] || : >"$dir/refresh-$((k + 1)).txt"
      CHAIN[$i]=$((k + 1))
      extra=" pool=$pool" ;;
    login) LAST=$(run_wrk login-random "$seconds" "$LOGIN_CONNECTIONS" /api/token/ "$n" "$LK_PASSWORD") ;;
  esac
  LAST="$LAST$extra load=$(cut -d' ' -f1 /proc/loadavg)"
}

describe() {   # describe <size> <what> <RESULT line>: one log line
  log "$1 users, $2: $(field rps "$3") req/s, p50 $(field p50_ms "$3") ms, p99 $(field p99_ms "$3") ms, non-2xx $(field non2xx "$3"), socket errors $(field socket_errors "$3")$([[ $(field exhausted "$3") == 0 ]] || echo ", POOL RAN DRY")"
}

setup() {
  local i n db hash t0
  local -a args
  mkdir -p "$OUT/pg"
  pg_start "$OUT/pg" -c max_connections=50
  R[pg]=$PG_VERSION
  args=(--spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/latchkey" --spring.datasource.username=latchkey
        --spring.datasource.password=)

  # The schema by the server's own Flyway migrations, and one real Argon2id hash of $LK_PASSWORD.
  use 0
  start_server "$OUT/migrate" "$OUT/server-migrate.log" "${JVM_OPTS[@]}" -- "${args[@]}"
  [[ "$(signup_user seed)" == 201 ]] || { log "sign-up of the seed user failed"; return 1; }
  hash=$(pg_psql -c "SELECT password FROM latchkey_user WHERE username = 'seed'")
  stop_server
  [[ "$hash" == argon2\$argon2id\$* ]] || { log "unexpected password column: $hash"; return 1; }

  for i in 0 1; do
    n=${sizes[$i]} db=latchkey_${sizes[$i]}
    mkdir -p "$OUT/$n"
    log "generating $n users, sessions and refresh tokens in database $db"
    t0=$(now_ns)
    PG_DB=postgres pg_psql -c "CREATE DATABASE $db TEMPLATE latchkey"
    PG_DB=$db pg_generate "$n" "$hash" 0 >/dev/null
    PG_DB=$db pg_psql -c "VACUUM ANALYZE" >/dev/null
    R[$i.gen_s]=$(awk -v ns=$(( $(now_ns) - t0 )) 'BEGIN { printf "%.1f", ns / 1e9 }')
    R[$i.rows]=$(PG_DB=$db pg_psql -F' ' -c "SELECT (SELECT count(*) FROM latchkey_user), (SELECT count(*) FROM latchkey_session),
        (SELECT count(*) FROM latchkey_outstanding_token), (SELECT count(*) FROM latchkey_blacklisted_token),
        pg_size_pretty(pg_database_size('$db'))")
    echo "$n generated_s=${R[$i.gen_s]} users_sessions_tokens_blacklisted_size=${R[$i.rows]// /,}" >>"$RESULTS"
    log "generated in ${R[$i.gen_s]} s: users, sessions, outstanding, blacklisted, size = ${R[$i.rows]}"
  done

  for i in 0 1; do
    n=${sizes[$i]}
    use "$i"
    start_server "$OUT/$n/server" "$OUT/$n/server.log" "${JVM_OPTS[@]}" -- \
        --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/latchkey_$n" --spring.datasource.username=latchkey \
        --spring.datasource.password= --latchkey.jwt.access-token-lifetime="$ACCESS_LIFETIME"
    PIDS[$i]=$SERVER_PID
    R[$i.startup]=$STARTUP_MS
    log "server for $n users: PID $SERVER_PID on port $LK_PORT, answered $STARTUP_MS ms after start"
  done

  # One pool per server from logins of random generated users: refresh tokens in refresh-0.txt (the
  # first refresh run's input), the access tokens of the same logins in refresh-0.txt.access (the GET's).
  for i in 0 1; do
    n=${sizes[$i]}
    use "$i"
    log "minting $REFRESH_POOL tokens for $n users"
    mint_refresh_pool "random:$n" "$REFRESH_POOL" "$OUT/$n/refresh-0.txt"
  done
}

# ---------------------------------------------------------------- main
build
log "output in $OUT"
{
  run_header
  echo "settings sizes='$SIZES' rounds=$ROUNDS duration=$DURATION warmup=$WARMUP connections get=$GET_CONNECTIONS refresh=$REFRESH_CONNECTIONS login=$LOGIN_CONNECTIONS refresh_pool=$REFRESH_POOL access_lifetime=$ACCESS_LIFETIME java_opts='${JVM_OPTS[*]}'"
  echo "load_start $LOAD_START"
} >"$RESULTS"

T_START=$(now_ns)
setup

OPS=(get refresh login)
for i in 0 1; do
  for op in "${OPS[@]}"; do
    slice "$i" "$op" "$WARMUP"
    echo "warmup ${sizes[$i]} $op $LAST" >>"$RESULTS"
    describe "${sizes[$i]}" "$op warm-up" "$LAST"
  done
done

T_ROUNDS=$(now_ns)
LOAD_ROUNDS_START=$(cut -d' ' -f1-3 /proc/loadavg)
for ((r = 1; r <= ROUNDS; r++)); do
  if (( r % 2 )); then order=(0 1); else order=(1 0); fi
  log "round $r of $ROUNDS: ${sizes[${order[0]}]} users first"
  for op in "${OPS[@]}"; do
    for i in "${order[@]}"; do
      slice "$i" "$op" "$DURATION"
      R[$i.$op.$r]=$LAST
      echo "round $r ${sizes[$i]} $op $LAST" >>"$RESULTS"
      describe "${sizes[$i]}" "$op, round $r" "$LAST"
    done
  done
  R[load.$r]=$(cut -d' ' -f1 /proc/loadavg)
done
ROUNDS_S=$(( ($(now_ns) - T_ROUNDS) / 1000000000 ))

for i in 0 1; do
  n=${sizes[$i]}
  use "$i"
  R[$i.hwm]=$(hwm_kib)
  R[$i.pool_end]=$(wc -l <"$OUT/$n/refresh-${CHAIN[$i]}.txt")
  stop_server; PIDS[$i]=
  # Sessions the run created (generated ones are an hour old): how many, and for how many distinct users.
  R[$i.new]=$(PG_DB=latchkey_$n pg_psql -F' ' -c "SELECT count(*), count(DISTINCT user_id) FROM latchkey_session WHERE created_at > now() - interval '50 minutes'")
  echo "$n new_sessions_distinct_users=${R[$i.new]// /,} peak_rss_kib=${R[$i.hwm]} refresh_pool_end=${R[$i.pool_end]}" >>"$RESULTS"
done
pg_stop
ELAPSED_S=$(( ($(now_ns) - T_START) / 1000000000 ))
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
echo "load_end $LOAD_END elapsed_s $ELAPSED_S rounds_s $ROUNDS_S" >>"$RESULTS"

# ---------------------------------------------------------------- report
small=${sizes[0]} large=${sizes[1]}
median() { tr ' ' '\n' | awk 'NF && $1 != "n/a" { v[n++] = $1 } END {
  if (n == 0) { print "n/a"; exit }
  for (i = 1; i < n; i++) for (j = i; j > 0 && v[j - 1] + 0 > v[j] + 0; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
  m = (n % 2) ? v[(n - 1) / 2] : (v[n / 2 - 1] + v[n / 2]) / 2
  printf "%.2f\n", m }'; }
dry() { [[ "$(field exhausted "$1")" != 0 ]]; }   # dry <RESULT line>: a wrk thread stopped for want of a refresh token
over_rounds() {   # over_rounds <index> <op> <field>: the field's value in each round (n/a when dry), space-separated
  local r
  for ((r = 1; r <= ROUNDS; r++)); do
    if dry "${R[$1.$2.$r]}"; then printf 'n/a '; else printf '%s ' "$(field "$3" "${R[$1.$2.$r]}")"; fi
  done
}
sum() { tr ' ' '\n' | awk 'NF { s += $1 } END { print s + 0 }'; }
all_rounds() {   # all_rounds <index> <op> <field>: the field's value in each round, dry ones too
  local r
  for ((r = 1; r <= ROUNDS; r++)); do printf '%s ' "$(field "$3" "${R[$1.$2.$r]}")"; done
}
errors() {   # errors <index> <op>: non-2xx over the rounds, plus socket errors and dry pools when any
  local s x r
  s=$(all_rounds "$1" "$2" non2xx | sum)
  x=$(all_rounds "$1" "$2" socket_errors | sum); [[ $x != 0 ]] && s="$s (+$x socket)"
  x=0
  for ((r = 1; r <= ROUNDS; r++)); do if dry "${R[$1.$2.$r]}"; then x=$((x + 1)); fi; done
  [[ $x != 0 ]] && s="$s (**pool ran dry in $x of $ROUNDS rounds**, left out)"
  echo "$s"
}
{
  printf '| operation | connections |'
  for n in "${sizes[@]}"; do printf ' %s users: req/s | p50 ms | p99 ms | non-2xx |' "$n"; done
  echo " p99 $large / p99 $small, median | per round |"
  printf '|---|---:|'
  for n in "${sizes[@]}"; do printf -- '---:|---:|---:|---:|'; done
  echo '---:|---|'
  for op in login refresh get; do
    case $op in
      login) label='login (`POST /api/token/`, random user)'; c=$LOGIN_CONNECTIONS ;;
      refresh) label='refresh (`POST /api/token/refresh/`)'; c=$REFRESH_CONNECTIONS ;;
      get) label="authenticated GET (\`/api/auth/user/\`, $REFRESH_POOL users' tokens)"; c=$GET_CONNECTIONS ;;
    esac
    printf '| %s | %s |' "$label" "$c"
    for i in 0 1; do
      printf ' %s | %s | %s | %s |' "$(over_rounds $i $op rps | median)" "$(over_rounds $i $op p50_ms | median)" \
          "$(over_rounds $i $op p99_ms | median)" "$(errors $i $op)"
    done
    ratios=""
    for ((r = 1; r <= ROUNDS; r++)); do
      if dry "${R[0.$op.$r]}" || dry "${R[1.$op.$r]}"; then ratios="$ratios n/a"; continue; fi
      ratios="$ratios $(ratio "$(field p99_ms "${R[1.$op.$r]}")" "$(field p99_ms "${R[0.$op.$r]}")")"
    done
    ratios=${ratios# }
    echo " **$(median <<<"$ratios")** | ${ratios// /, } |"
  done
  echo
  echo "Medians over $ROUNDS rounds of ${DURATION} s per operation and size; the ratio is taken per round (both sizes measured back to back) and its median reported; non-2xx summed over the rounds; a refresh run whose token pool ran dry is left out (n/a)."
  echo
  for i in 0 1; do
    n=${sizes[$i]}
    read -r u s o b size <<<"${R[$i.rows]}"
    read -r ns nu <<<"${R[$i.new]}"
    echo "- $n: generated in ${R[$i.gen_s]} s (users $u, sessions $s, outstanding tokens $o, blacklisted $b; database $size);" \
         "the run logged in $ns times ($nu distinct users); server start ${R[$i.startup]} ms; peak RSS $(( ${R[$i.hwm]} / 1024 )) MiB;" \
         "refresh tokens: $REFRESH_POOL minted, ${R[$i.pool_end]} left after the last run"
  done
  loads=""
  for ((r = 1; r <= ROUNDS; r++)); do loads="$loads / ${R[load.$r]}"; done
  echo "- PostgreSQL ${R[pg]} (Debian, defaults, fsync on), one cluster with one database per size, 127.0.0.1;" \
       "two servers up at once (\`java ${JVM_OPTS[*]} -jar latchkey-server.jar\`, ports $BASE_PORT and $((BASE_PORT + 1)), access-token lifetime $ACCESS_LIFETIME);" \
       "wrk -t${THREADS:-2}; ${WARMUP} s warm-up per operation and server, then $ROUNDS rounds of GET, refresh, login," \
       "each against both sizes, $small first in odd rounds and $large first in even ones"
  echo "- load average (1, 5, 15 min) at the start: $LOAD_START; at the first round: $LOAD_ROUNDS_START; at the end: $LOAD_END;" \
       "1-min load after each round: ${loads# / }; rounds $ROUNDS_S s, whole run $ELAPSED_S s on $(nproc) cores"
} >"$OUT/results.md"
cat "$OUT/results.md"
log "results: $OUT/results.md"

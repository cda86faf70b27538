#!/usr/bin/env bash
# Logins under load (issue 12): correct-password logins at 8, 32, 64 and 256 concurrent clients,
# CLIENT_SECONDS each, with a paced stream of authenticated GET /api/auth/user/ measured alongside
# (and alone first, in the same run). Brute-force lockouts are not triggered (every password is
# right; USERS accounts share the load). Prints one table:
#   clients | 2xx/s | 503/s | 503 without Retry-After | timeouts | login p50 / p99 | GET p99 (alone)
# and the target for 32 clients: 0.9 × cores ÷ mean hash time, the mean read from the server's own
# latchkey.hashing.duration timer over the sequential logins of the same run.
#   bash latchkey-benchmarks/scripts/login-load.sh
#   CLIENTS="32" CLIENT_SECONDS=10 SERVER_ARGS=--latchkey.password.hashing-niceness=0 bash ...
# Loopback only; every phase is bounded in time; the server is stopped by its PID.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
trap 'log "failed at line $LINENO"' ERR

CLIENTS=${CLIENTS:-8 32 64 256}
CLIENT_SECONDS=${CLIENT_SECONDS:-15}
USERS=${USERS:-64}
JVM_FLAGS=${JVM_FLAGS:--Xmx128m -XX:+UseSerialGC}
GET_CONNECTIONS=${GET_CONNECTIONS:-4}
GET_DELAY_MS=${GET_DELAY_MS:-10}
OUT="$LK_HERE/target/login-load"
FLOOD="$LK_HERE/scripts/flood"
mkdir -p "$OUT"
need wrk wrk
build
rm -rf "$OUT/work"
trap stop_server EXIT
# shellcheck disable=SC2086
# The metrics endpoint is opened on this loopback-only server so the script can read the hash timer.
start_server "$OUT/work" "$OUT/server.log" $JVM_FLAGS -- --logging.level.latchkey.audit=warn \
  --latchkey.throttle.sign-ups-per-window=100000 \
  '--latchkey.web.permit-all=/actuator/health,/actuator/health/**,/actuator/prometheus'
log "server up in ${STARTUP_MS} ms"

for ((i = 1; i <= USERS; i++)); do
  [[ "$(signup_user "load_$i")" == 201 ]] || { log "sign-up of load_$i failed"; exit 1; }
done
ACCESS=$(login_pair load_1 | json_field access)
[[ -n "$ACCESS" ]] || { log "login failed"; exit 1; }

metric() {   # metric <sample name>: its value in the server's Prometheus exposition, or empty
  { curl -s --max-time 5 -H "Authorization: Bearer $ACCESS" "$LK_URL/actuator/prometheus" || true; } \
    | awk -v name="$1" '$1 == name && !found {print $2; found = 1}'
}
sum0=$(metric latchkey_hashing_duration_seconds_sum); count0=$(metric latchkey_hashing_duration_seconds_count)
t0=$(now_ns)
for ((i = 1; i <= 20; i++)); do login_pair "load_$i" >/dev/null; done
t1=$(now_ns)
sum1=$(metric latchkey_hashing_duration_seconds_sum); count1=$(metric latchkey_hashing_duration_seconds_count)
if [[ -n "$sum0" && -n "$sum1" ]]; then
  HASH_MS=$(awk -v a="$sum0" -v b="$sum1" -v c="$count0" -v d="$count1" 'BEGIN {printf "%.1f", (b - a) * 1000 / (d - c)}')
  source_of_mean="latchkey.hashing.duration"
else
  HASH_MS=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", (b - a) / 1e6 / 20}')
  source_of_mean="wall time of a sequential login (metrics not readable)"
fi
CORES=$(nproc)
TARGET=$(awk -v c="$CORES" -v h="$HASH_MS" 'BEGIN {printf "%.1f", 0.9 * c * 1000 / h}')
log "mean hash ${HASH_MS} ms ($source_of_mean); target at 32 clients: ${TARGET} logins/s"

paced_gets() {   # paced_gets <seconds> -> the GETS line
  wrk -t1 -c"$GET_CONNECTIONS" -d"${1}s" --timeout 10s -s "$FLOOD/paced-get.lua" "$LK_URL/api/auth/user/" \
    -- "$ACCESS" "$GET_DELAY_MS" | grep '^GETS' || echo "GETS requests=0 non2xx=0 timeouts=0 p50_ms=0 p99_ms=0"
}
value() { sed -nE "s/.* $1=([^ ]+).*/\1/p" <<<"$2"; }

paced_gets 5 >/dev/null   # warm the GET path
ALONE=$(paced_gets 10)
log "GET alone: $ALONE"

printf '\n| clients | 2xx/s | 503/s | 503 without Retry-After | other (429) /s | timeouts | login p50 / p99 (all answers) | auth GET p99 (alone %s ms) | mean hash during the step |\n' \
  "$(value p99_ms "$ALONE")"
printf '|---|---|---|---|---|---|---|---|---|\n'
for clients in $CLIENTS; do
  threads=2; (( clients < 2 )) && threads=1
  hs0=$(metric latchkey_hashing_duration_seconds_sum); hc0=$(metric latchkey_hashing_duration_seconds_count)
  wrk -t"$threads" -c"$clients" -d"${CLIENT_SECONDS}s" --timeout 10s --latency -s "$FLOOD/login-load.lua" \
    "$LK_URL/api/token/" -- "$USERS" "$LK_PASSWORD" >"$OUT/logins-$clients.txt" &
  logins_pid=$!
  sleep 1
  during=$(paced_gets $((CLIENT_SECONDS - 2)))
  wait "$logins_pid"
  line=$(grep '^LOGINS' "$OUT/logins-$clients.txt")
  hs1=$(metric latchkey_hashing_duration_seconds_sum); hc1=$(metric latchkey_hashing_duration_seconds_count)
  step_hash=$(awk -v a="${hs0:-0}" -v b="${hs1:-0}" -v c="${hc0:-0}" -v d="${hc1:-0}" 'BEGIN {if (d > c) printf "%.1f ms", (b - a) * 1000 / (d - c); else print "n/a"}')
  awk -v line="$line" -v during="$during" -v clients="$clients" -v alone="$(value p99_ms "$ALONE")" -v hash="$step_hash" 'BEGIN {
    n = split(line, f, /[ =]/); for (i = 2; i < n; i += 2) v[f[i]] = f[i + 1]
    m = split(during, g, /[ =]/); for (i = 2; i < m; i += 2) w[g[i]] = g[i + 1]
    s = v["seconds"]
    printf "| %d | %.1f | %.1f | %d | %.1f | %d | %.0f / %.0f ms | %.1f ms (%.1f×) | %s |\n", clients, v["ok"] / s, v["busy_503"] / s,
      v["no_retry_after"], v["other"] / s, v["timeouts"] + 0, v["p50_ms"], v["p99_ms"], w["p99_ms"], w["p99_ms"] / (alone > 0 ? alone : 1), hash
  }'
  sleep 3   # let the queue drain before the next step
done
printf '\nmean hash %s ms (%s), %s cores: target at 32 clients ≥ %s logins/s; launcher: %s\n' \
  "$HASH_MS" "$source_of_mean" "$CORES" "$TARGET" "$JVM_FLAGS"

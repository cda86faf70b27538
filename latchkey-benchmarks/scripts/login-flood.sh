#!/usr/bin/env bash
# Login-flood isolation (issue 5): floods login far past hashing capacity while measuring the
# authenticated GET /api/auth/user/, and reports that endpoint's p99 without and with the flood,
# and how the flood was answered (200, 429, 503, timeouts). One command, on a fresh machine:
#   bash latchkey-benchmarks/scripts/login-flood.sh
# Loopback only; every load phase is bounded in time; the server is stopped by its PID.
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT=${PORT:-18090}
DURATION=${DURATION:-15s}
FLOOD_CONNECTIONS=${FLOOD_CONNECTIONS:-64}
JAR=latchkey-server/target/latchkey-server.jar
OUT=latchkey-benchmarks/target/login-flood
mkdir -p "$OUT"

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
[ -f "$JAR" ] || mvn -q -DskipTests -pl latchkey-server -am package

# Brute-force limits are lifted so that every flood request reaches the hashing pool: this
# measures the pool's isolation, not the lockouts (which would refuse the flood even sooner).
java -Xmx256m -jar "$JAR" --server.port="$PORT" \
  --spring.datasource.url="jdbc:h2:mem:flood;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" \
  --latchkey.jwt.signing-key=login-flood-benchmark-signing-key-0123456789 \
  --latchkey.throttle.username-threshold=100000000 --latchkey.throttle.ip-threshold=100000000 \
  --latchkey.throttle.sign-ups-per-window=100000000 --logging.level.latchkey.audit=warn ${EXTRA_ARGS:-} \
  > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break; sleep 0.5; done

USER=flood_user PASSWORD='Str0ng-Passw0rd!'
curl -sf -X POST "http://127.0.0.1:$PORT/api/auth/signup/" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$USER\",\"password\":\"$PASSWORD\"}" >/dev/null
ACCESS=$(curl -sf -X POST "http://127.0.0.1:$PORT/api/token/" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$USER\",\"password\":\"$PASSWORD\"}" | sed -E 's/.*"access":"([^"]+)".*/\1/')
# Access tokens live 5 minutes: long enough for every phase below.

measure_user() {
  wrk -t1 -c8 -d"$DURATION" --timeout 10s --latency -H "Authorization: Bearer $ACCESS" \
    "http://127.0.0.1:$PORT/api/auth/user/" > "$OUT/$1.txt"
  awk '/Requests\/sec/ {rps=$2} / 99%/ {p99=$2} / 50%/ {p50=$2} /Non-2xx/ {err=$5}
       END {printf "%s rps=%s p50=%s p99=%s non2xx=%s\n", "'"$1"'", rps, p50, p99, (err==""?0:err)}' "$OUT/$1.txt"
}

echo "warm-up"; wrk -t1 -c8 -d5s -H "Authorization: Bearer $ACCESS" "http://127.0.0.1:$PORT/api/auth/user/" >/dev/null
single=$(curl -s -o /dev/null -w '%{time_total}' -X POST "http://127.0.0.1:$PORT/api/token/" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$USER\",\"password\":\"$PASSWORD\"}")
echo "one login alone: ${single}s; hashing capacity ~ $(nproc) cores / that time"

measure_user user-alone
wrk -t1 -c"$FLOOD_CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s latchkey-benchmarks/scripts/flood/login-flood.lua \
  "http://127.0.0.1:$PORT/api/token/" -- "$USER" "$PASSWORD" > "$OUT/flood.txt" &
FLOOD=$!
sleep 1
measure_user user-during-flood
wait $FLOOD
grep FLOOD "$OUT/flood.txt"
awk '/Requests\/sec/ {print "flood offered rps=" $2}' "$OUT/flood.txt"

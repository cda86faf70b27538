#!/usr/bin/env bash
# Server CPU and GC time per login (issue 12): starts the packaged server with the README's launcher
# flags, warms it up, then sends LOGINS sequential correct-password logins and reads the process's
# CPU time (/proc/<pid>/stat) and the JVM's total GC time (jstat's GCT) before and after.
#   bash latchkey-benchmarks/scripts/login-cost.sh            # LOGINS=100 by default
#   JVM_FLAGS='-Xmx256m' bash latchkey-benchmarks/scripts/login-cost.sh
# Loopback only; bounded loops; the server is stopped by its PID.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

LOGINS=${LOGINS:-100}
WARMUP=${WARMUP:-30}
JVM_FLAGS=${JVM_FLAGS:--Xmx128m -XX:+UseSerialGC}
OUT="$LK_HERE/target/login-cost"
mkdir -p "$OUT"
build
rm -rf "$OUT/work"
trap stop_server EXIT
# shellcheck disable=SC2086
start_server "$OUT/work" "$OUT/server.log" $JVM_FLAGS -- --logging.level.latchkey.audit=warn

cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }
gc_seconds() { jstat -gc "$SERVER_PID" | awk 'NR == 2 {print $NF}'; }
gc_count() { jstat -gc "$SERVER_PID" | awk 'NR == 1 {for (i = 1; i <= NF; i++) h[$i] = i} NR == 2 {print $h["YGC"] + $h["FGC"]}'; }

[[ "$(signup_user cost_user)" == 201 ]] || { log "sign-up failed"; exit 1; }
for ((i = 0; i < WARMUP; i++)); do login_pair cost_user >/dev/null; done

ticks_per_s=$(getconf CLK_TCK)
cpu0=$(cpu_ticks); gc0=$(gc_seconds); n0=$(gc_count); t0=$(now_ns)
ok=0
for ((i = 0; i < LOGINS; i++)); do
  [[ "$(login_pair cost_user)" == *'"access"'* ]] && ok=$((ok + 1))
done
cpu1=$(cpu_ticks); gc1=$(gc_seconds); n1=$(gc_count); t1=$(now_ns)

awk -v ok="$ok" -v n="$LOGINS" -v c0="$cpu0" -v c1="$cpu1" -v hz="$ticks_per_s" -v g0="$gc0" -v g1="$gc1" \
    -v n0="$n0" -v n1="$n1" -v t0="$t0" -v t1="$t1" -v flags="$JVM_FLAGS" 'BEGIN {
  cpu = (c1 - c0) / hz * 1000 / n; gc = (g1 - g0) * 1000 / n; wall = (t1 - t0) / 1e6 / n
  printf "| %s | %d/%d | %.1f ms | %.1f ms | %.1f ms (%.0f %%) | %d |\n", flags, ok, n, wall, cpu, gc, 100 * gc / cpu, n1 - n0
}' | tee "$OUT/result.md"
echo "(columns: launcher flags | logins answered 200 | wall per login | server CPU per login | GC per login (share of CPU) | collections)"

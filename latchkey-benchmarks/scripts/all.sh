#!/usr/bin/env bash
# Every benchmark of BENCHMARKS.md, in order, into one folder (about 25 minutes on 2 cores):
#   1. JMH: tokens (Latchkey vs Nimbus, jjwt, auth0) and password hashing   scripts/jmh.sh
#      + the same token operations timed in CPU time                       TokenCpuTimer
#   2. Argon2id against the native CLI, PBKDF2 against OpenSSL              scripts/hash-native.sh
#   3. HTTP load with wrk, H2 then PostgreSQL                               scripts/load.sh
#   4. RSS and start-up under JVM flag sets, CDS, JDK 25 AOT cache          scripts/memory-startup.sh
#   latchkey-benchmarks/scripts/all.sh            # OUT=dir to choose the folder; SKIP_BUILD=1 to reuse jars
set -euo pipefail
source "$(dirname "$0")/lib.sh"
OUT="${OUT:-$(mktemp -d /tmp/latchkey-bench.XXXXXX)}"
mkdir -p "$OUT"
build
export SKIP_BUILD=1
log "all output in $OUT"
log "1/4 JMH"
RESULTS="$OUT/jmh.json" "$LK_HERE/scripts/jmh.sh" >"$OUT/jmh.txt" 2>&1
cat "$OUT/jmh-tokens.md" "$OUT/jmh-passwords.md"
log "1b/4 token CPU-time cross-check (TokenCpuTimer)"
"$JAVA" -cp "$LK_HERE/target/classes:$(cat "$LK_HERE/target/benchmark.classpath")" dev.latchkey.benchmarks.TokenCpuTimer \
    | tee "$OUT/token-cpu.md"
log "2/4 hashing against native"
OUT="$OUT/hash" "$LK_HERE/scripts/hash-native.sh"
log "3/4 HTTP load"
OUT="$OUT/load" "$LK_HERE/scripts/load.sh"
log "4/4 memory and start-up"
OUT="$OUT/memory" "$LK_HERE/scripts/memory-startup.sh"
log "done: $OUT"

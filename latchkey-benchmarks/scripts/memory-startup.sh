#!/usr/bin/env bash
# Resident memory and start-up time of the packaged server (H2) under several JVM set-ups, one run.
#
#   latchkey-benchmarks/scripts/memory-startup.sh
#
# For each configuration: STARTS start-ups (configurations interleaved round by round, so drift of a
# noisy machine hits them alike), each timed from process start to the first answered request
# (GET /actuator/health -> 200) with the RSS right after; then one start under load: wrk GET
# /api/auth/user/ (CONNECTIONS) for LOAD_SECONDS and POST /api/token/ logins (LOGIN_CONNECTIONS) for
# LOAD_SECONDS, with the RSS after each and the peak (VmHWM, which /usr/bin/time -v reports as
# "Maximum resident set size").
# Environment: STARTS=3 LOAD_SECONDS=10 WARMUP_SECONDS=3 CONNECTIONS=32 LOGIN_CONNECTIONS=8 CONFIGS="names..." SKIP_BUILD=1
#              JAVA25=/path/to/jdk25/bin/java (for the JDK 25 AOT-cache configuration; skipped if absent)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need wrk wrk
need curl curl

STARTS="${STARTS:-3}"
LOAD_SECONDS="${LOAD_SECONDS:-10}"
CONNECTIONS="${CONNECTIONS:-32}"
LOGIN_CONNECTIONS="${LOGIN_CONNECTIONS:-8}"
OUT="${OUT:-$(mktemp -d /tmp/latchkey-memory.XXXXXX)}"
JAVA17="$JAVA"
JAVA25="${JAVA25:-$(ls -d /usr/lib/jvm/temurin-25*/bin/java /usr/lib/jvm/*-25-*/bin/java 2>/dev/null | head -1 || true)}"
mkdir -p "$OUT"
trap 'stop_server' EXIT
trap 'exit 130' INT TERM

SMALL="-Xmx128m -XX:+UseSerialGC"
TRIM="-Xss512k -XX:ReservedCodeCacheSize=48m -XX:MaxMetaspaceSize=128m -XX:MaxDirectMemorySize=32m"
# name | java (17 or 25) | launch (jar = java -jar the fat jar, extracted = java -jar the extracted app) | JVM options | app arguments
ALL_CONFIGS=(
  "default|17|jar||"
  "xmx128m-serial|17|jar|$SMALL|"
  "xmx128m-serial-c1|17|jar|$SMALL -XX:TieredStopAtLevel=1|"
  "xmx128m-serial-trim|17|jar|$SMALL $TRIM|"
  "extracted|17|extracted|$SMALL|"
  "extracted-cds|17|extracted|$SMALL -XX:SharedArchiveFile=$OUT/app-17.jsa|"
  "extracted-cds-c1|17|extracted|$SMALL -XX:SharedArchiveFile=$OUT/app-17.jsa -XX:TieredStopAtLevel=1|"
  "extracted-cds-lazy|17|extracted|$SMALL -XX:SharedArchiveFile=$OUT/app-17.jsa|--spring.main.lazy-initialization=true"
  "jdk25-extracted-aot|25|extracted|$SMALL -XX:AOTCache=$OUT/app-25.aot|"
  # issue 18: one flag at a time on top of the README launcher, then together, then JDK 25's compact headers
  "readme|17|jar|$SMALL|"
  "readme-c1|17|jar|$SMALL -XX:TieredStopAtLevel=1|"
  "readme-xss|17|jar|$SMALL -Xss256k|"
  "readme-metaspace|17|jar|$SMALL -XX:MaxMetaspaceSize=96m -XX:ReservedCodeCacheSize=32m|"
  "xmx96m|17|jar|-Xmx96m -XX:+UseSerialGC|"
  "xmx96m-c1-trim|17|jar|-Xmx96m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss256k -XX:MaxMetaspaceSize=96m -XX:ReservedCodeCacheSize=32m|"
  "jdk25|25|jar|$SMALL|"
  "jdk25-coh|25|jar|$SMALL -XX:+UseCompactObjectHeaders|"
  "jdk25-coh-c1-trim|25|jar|-Xmx96m -XX:+UseSerialGC -XX:+UseCompactObjectHeaders -XX:TieredStopAtLevel=1 -Xss256k -XX:MaxMetaspaceSize=96m -XX:ReservedCodeCacheSize=32m|"
  # Issue 18, second pass: the README's command (extracted + archive) and what could take it under 256 MB.
  "extracted-cds-112|17|extracted|-Xmx112m -Xmn24m -XX:+UseSerialGC -XX:SharedArchiveFile=$OUT/app-17.jsa|"
  "extracted-cds-c1-112|17|extracted|-Xmx112m -Xmn24m -XX:+UseSerialGC -XX:SharedArchiveFile=$OUT/app-17.jsa -XX:TieredStopAtLevel=1 -Xss512k|"
  "jdk25-extracted-aot-coh|25|extracted|$SMALL -XX:+UseCompactObjectHeaders -XX:AOTCache=$OUT/app-25-coh.aot|"
  # Issue 18, third pass: the README's command without Spring AOT's prepared bean definitions (own archive).
  "extracted-cds-noaot|17|extracted|$SMALL -XX:SharedArchiveFile=$OUT/app-17-noaot.jsa -Dspring.aot.enabled=false|"
  "jdk25-extracted-aot-coh-c1-112|25|extracted|-Xmx112m -Xmn24m -XX:+UseSerialGC -XX:+UseCompactObjectHeaders -XX:AOTCache=$OUT/app-25-coh.aot -XX:TieredStopAtLevel=1 -Xss512k|"
)
CONFIGS="${CONFIGS:-default xmx128m-serial xmx128m-serial-c1 xmx128m-serial-trim extracted extracted-cds extracted-cds-c1 extracted-cds-lazy jdk25-extracted-aot}"

build
log "output in $OUT"
"$JAVA17" -Djarmode=tools -jar "$LK_JAR" extract --destination "$OUT/extracted" >/dev/null
EXTRACTED_JAR="$OUT/extracted/$(basename "$LK_JAR")"

config() {   # config <name> -> sets C_JAVA C_LAUNCH C_OPTS C_ARGS
  local entry
  for entry in "${ALL_CONFIGS[@]}"; do
    IFS='|' read -r name version launch opts args <<<"$entry"
    if [[ "$name" == "$1" ]]; then
      C_JAVA="$JAVA17"; [[ "$version" == 25 ]] && C_JAVA="$JAVA25"
      C_LAUNCH="-jar $LK_JAR"; [[ "$launch" == extracted ]] && C_LAUNCH="-jar $EXTRACTED_JAR"
      C_OPTS="$opts"; C_ARGS="$args"
      return 0
    fi
  done
  return 1
}

# one start of a configuration, in its own data directory (migrated on the first start of it)
start_config() {   # start_config <name> <log>
  config "$1"
  local -a opts args
  read -r -a opts <<<"$C_OPTS"; read -r -a args <<<"$C_ARGS"
  JAVA="$C_JAVA" LK_LAUNCH="$C_LAUNCH" start_server "$OUT/work-$1" "$2" "${opts[@]}" -- "${args[@]}"
}

# The class-data archives are trained on this machine first: a start that exits once the context is
# refreshed (Spring's spring.context.exit=onRefresh), dumping the classes it loaded.
train() {   # train <name> <JDK> <archive option> [more JVM options the archive must be made with]
  local name="$1" version="$2" flag="$3"; shift 3
  local java="$JAVA17"; [[ "$version" == 25 ]] && java="$JAVA25"
  log "training $name"
  (cd "$OUT" && mkdir -p "work-train-$name" && cd "work-train-$name" && "$java" $SMALL "$@" "$flag" -Dspring.context.exit=onRefresh \
      -jar "$EXTRACTED_JAR" --latchkey.jwt.signing-key="$LK_SIGNING_KEY" --server.port=0 >"$OUT/train-$name.log" 2>&1) || true
}
declare -A SKIP
if [[ " $CONFIGS " == *" extracted-cds"* || " $CONFIGS " == *"-cds-"* ]]; then
  train cds-17 17 "-XX:ArchiveClassesAtExit=$OUT/app-17.jsa"
  [[ -s "$OUT/app-17.jsa" ]] || { log "no CDS archive was written; skipping the CDS configurations"; SKIP[extracted-cds]=1; SKIP[extracted-cds-c1]=1; SKIP[extracted-cds-lazy]=1; }
fi
if [[ " $CONFIGS " == *" extracted-cds-noaot "* ]]; then
  train cds-17-noaot 17 "-XX:ArchiveClassesAtExit=$OUT/app-17-noaot.jsa" -Dspring.aot.enabled=false
  [[ -s "$OUT/app-17-noaot.jsa" ]] || SKIP[extracted-cds-noaot]=1
fi
if [[ " $CONFIGS " == *" jdk25-extracted-aot-coh"* ]]; then
  if [[ -x "$JAVA25" ]]; then
    train aot-25-coh 25 "-XX:AOTCacheOutput=$OUT/app-25-coh.aot" -XX:+UseCompactObjectHeaders
    [[ -s "$OUT/app-25-coh.aot" ]] || { log "no AOT cache (compact headers) was written; skipping"; SKIP[jdk25-extracted-aot-coh]=1; SKIP[jdk25-extracted-aot-coh-c1-112]=1; }
  else
    SKIP[jdk25-extracted-aot-coh]=1; SKIP[jdk25-extracted-aot-coh-c1-112]=1
  fi
fi
if [[ " $CONFIGS " == *" jdk25-extracted-aot "* ]]; then
  if [[ -x "$JAVA25" ]]; then
    train aot-25 25 "-XX:AOTCacheOutput=$OUT/app-25.aot"
    [[ -s "$OUT/app-25.aot" ]] || { log "no AOT cache was written; skipping"; SKIP[jdk25-extracted-aot]=1; }
  else
    log "no JDK 25 found; skipping jdk25-extracted-aot"; SKIP[jdk25-extracted-aot]=1
  fi
fi

declare -A STARTUPS RSS_START
for ((round = 1; round <= STARTS; round++)); do
  for name in $CONFIGS; do
    [[ -n "${SKIP[$name]:-}" ]] && continue
    start_config "$name" "$OUT/$name-start-$round.log" || { SKIP[$name]=1; continue; }
    STARTUPS[$name]="${STARTUPS[$name]:-} $STARTUP_MS"
    RSS_START[$name]="${RSS_START[$name]:-} $(( $(rss_kib) / 1024 ))"
    spring=$(grep -oE 'Started [A-Za-z]+ in [0-9.]+ seconds \(process running for [0-9.]+\)' "$OUT/$name-start-$round.log" | head -1 || true)
    log "$name start $round: ${STARTUP_MS} ms to first answer; RSS $(( $(rss_kib) / 1024 )) MiB; $spring"
    stop_server
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR] = $1} END { if (NR % 2) print a[(NR + 1) / 2]; else print int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

{
  echo "| configuration | JVM options | start-up ms (median of $STARTS; all) | RSS after start MiB | GET /api/auth/user/ req/s | RSS after it | logins/s (non-2xx) | RSS after logins | peak RSS (VmHWM) |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
} >"$OUT/results.md"
for name in $CONFIGS; do
  [[ -n "${SKIP[$name]:-}" ]] && continue
  start_config "$name" "$OUT/$name-load.log" || continue
  user=bench_mem
  signup_user "$user" >/dev/null || true
  access=$(login_pair "$user" | json_field access)
  run_wrk get "${WARMUP_SECONDS:-3}" "$CONNECTIONS" /api/auth/user/ "$access" >/dev/null
  u=$(run_wrk get "$LOAD_SECONDS" "$CONNECTIONS" /api/auth/user/ "$access"); rss_u=$(( $(rss_kib) / 1024 ))
  l=$(run_wrk login "$LOAD_SECONDS" "$LOGIN_CONNECTIONS" /api/token/ "$user" "$LK_PASSWORD"); rss_l=$(( $(rss_kib) / 1024 ))
  hwm=$(( $(hwm_kib) / 1024 ))
  oom=$(grep -c 'OutOfMemoryError' "$OUT/$name-load.log" || true)
  stop_server
  config "$name"
  line="| $name | \`${C_OPTS:-none}${C_ARGS:+ $C_ARGS}\`$( [[ $C_JAVA == "$JAVA25" ]] && echo ' (JDK 25)' || true) | $(median <<<"${STARTUPS[$name]:-}") ($(xargs <<<"${STARTUPS[$name]:-}")) | $(median <<<"${RSS_START[$name]:-}") | $(field rps "$u") | $rss_u | $(field rps "$l") ($(field non2xx "$l")$( (( oom > 0 )) && echo ", OutOfMemoryError x$oom" || true)) | $rss_l | $hwm |"
  echo "$line" >>"$OUT/results.md"
  log "$line"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/results.md"
cat "$OUT/results.md"
log "results: $OUT/results.md"

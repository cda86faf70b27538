#!/usr/bin/env bash
# Start-up to the first answer, one run: the Latchkey server (README launcher) beside a trivial Spring
# Boot web application and beside the same server with a class-data cache (JDK 17 CDS, JDK 25 AOT
# cache), configurations interleaved start by start so a noisy machine's drift hits them alike.
#
#   latchkey-benchmarks/scripts/startup.sh
#
# Each start is timed from process start to the first 200 of its poll path (every 20 ms): the server's
# GET /actuator/health, the trivial app's GET /ping. The server keeps one data directory per
# configuration (migrated by its first, untimed start), so the timed starts are restarts.
# CLI: `flushexpiredtokens` (a command that starts the context without a web server, its beans lazy) is
# timed to its exit, from the fat jar (cli) and as the README runs commands (cli-readme: the extracted jar
# with the CDS archive and -XX:TieredStopAtLevel=1).
# Caches are trained on this machine first: JDK 17 CDS with -XX:ArchiveClassesAtExit (a start that
# exits once the context is refreshed), the JDK 25 AOT cache (JEP 483/514/515) with
# -XX:AOTCacheOutput during a start that serves a sign-up, a login and an authenticated GET and is
# then stopped by SIGTERM. Both on the extracted layout (java -Djarmode=tools -jar x.jar extract).
#
# Environment: STARTS=5 CONFIGS="names..." SKIP_BUILD=1 JAVA25=/path/to/jdk25/bin/java OUT=dir
#              EXTRA_ARGS="--x=y" (added to every server start)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need curl curl

STARTS="${STARTS:-5}"
OUT="${OUT:-$(mktemp -d /tmp/latchkey-startup.XXXXXX)}"
JAVA17="$(command -v "$JAVA")"
JAVA25="${JAVA25:-$(ls -d /usr/lib/jvm/temurin-25*/bin/java /usr/lib/jvm/*-25-*/bin/java 2>/dev/null | head -1 || true)}"
TRIVIAL_DIR="$LK_HERE/trivial-app"
TRIVIAL_JAR="$TRIVIAL_DIR/target/trivial-app.jar"
SMALL="-Xmx128m -XX:+UseSerialGC"
mkdir -p "$OUT"
PID=
stop() {
  [[ -n "$PID" ]] || return 0
  kill "$PID" 2>/dev/null || true
  wait "$PID" 2>/dev/null || true
  PID=
}
trap stop EXIT
trap 'exit 130' INT TERM

# name | java | launch: latchkey (fat jar), latchkey-x (extracted), trivial, trivial-x | JVM options | app arguments
ALL_CONFIGS=(
  "latchkey|17|latchkey|$SMALL|"
  "trivial|17|trivial|$SMALL|"
  "latchkey-x-cds|17|latchkey-x|$SMALL -XX:SharedArchiveFile=$OUT/latchkey-17.jsa|"
  "latchkey-x-cds-c1|17|latchkey-x|$SMALL -XX:SharedArchiveFile=$OUT/latchkey-17.jsa -XX:TieredStopAtLevel=1|"
  "latchkey-x-cds-noaot|17|latchkey-x|$SMALL -XX:SharedArchiveFile=$OUT/latchkey-17-noaot.jsa -Dspring.aot.enabled=false|"
  "latchkey-25|25|latchkey|$SMALL|"
  "latchkey-25-x-aot|25|latchkey-x|$SMALL -XX:AOTCache=$OUT/latchkey-25.aot|"
  "latchkey-nodoc|17|latchkey|$SMALL|--springdoc.api-docs.enabled=false"
  "latchkey-lazy|17|latchkey|$SMALL|--spring.main.lazy-initialization=true"
  "latchkey-x-cds-nowarm|17|latchkey-x|$SMALL -XX:SharedArchiveFile=$OUT/latchkey-17.jsa|--latchkey.password.hashing-warm-up=false"
  "latchkey-x-cds-lazy|17|latchkey-x|$SMALL -XX:SharedArchiveFile=$OUT/latchkey-17.jsa|--spring.main.lazy-initialization=true"
  "trivial-x-cds|17|trivial-x|$SMALL -XX:SharedArchiveFile=$OUT/trivial-17.jsa|"
  "trivial-25-x-aot|25|trivial-x|$SMALL -XX:AOTCache=$OUT/trivial-25.aot|"
)
CONFIGS="${CONFIGS:-latchkey trivial latchkey-x-cds latchkey-x-cds-c1 latchkey-25 latchkey-25-x-aot trivial-x-cds trivial-25-x-aot}"

build
if [[ "${SKIP_BUILD:-0}" != 1 || ! -f "$TRIVIAL_JAR" ]]; then
  log "building the trivial app (mvn -f $TRIVIAL_DIR/pom.xml package)"
  (cd "$TRIVIAL_DIR" && mvn -q -B package)
fi
log "output in $OUT; load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA17" -Djarmode=tools -jar "$LK_JAR" extract --destination "$OUT/latchkey-x" >/dev/null
"$JAVA17" -Djarmode=tools -jar "$TRIVIAL_JAR" extract --destination "$OUT/trivial-x" >/dev/null

config() {   # config <name> -> C_JAVA C_JAR C_POLL C_OPTS C_ARGS
  local entry name version launch opts args
  for entry in "${ALL_CONFIGS[@]}"; do
    IFS='|' read -r name version launch opts args <<<"$entry"
    [[ "$name" == "$1" ]] || continue
    C_JAVA="$JAVA17"; [[ "$version" == 25 ]] && C_JAVA="$JAVA25"
    case $launch in
      latchkey) C_JAR="$LK_JAR" ;;
      latchkey-x) C_JAR="$OUT/latchkey-x/$(basename "$LK_JAR")" ;;
      trivial) C_JAR="$TRIVIAL_JAR" ;;
      trivial-x) C_JAR="$OUT/trivial-x/$(basename "$TRIVIAL_JAR")" ;;
    esac
    C_POLL=/actuator/health; [[ $launch == trivial* ]] && C_POLL=/ping
    C_OPTS="$opts"; C_ARGS="$args"
    return 0
  done
  return 1
}

# launch <name> <log> [extra JVM options...]: starts it in its own work directory, waits for the first
# 200 of its poll path; sets PID and MS (or returns 1).
launch() {
  local name="$1" logfile="$2"; shift 2
  config "$name"
  local -a opts args
  read -r -a opts <<<"$C_OPTS"; read -r -a args <<<"$C_ARGS ${EXTRA_ARGS:-}"
  mkdir -p "$OUT/work-$name"
  local t0; t0=$(now_ns)
  (cd "$OUT/work-$name" && exec "$C_JAVA" "${opts[@]}" "$@" -jar "$C_JAR" --server.address="$LK_HOST" \
      --server.port="$LK_PORT" --latchkey.jwt.signing-key="$LK_SIGNING_KEY" "${args[@]}") >"$logfile" 2>&1 &
  PID=$!
  local i
  for ((i = 0; i < 4500; i++)); do   # at most ~90 s
    if [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$LK_URL$C_POLL" 2>/dev/null)" == 200 ]]; then
      MS=$(( ($(now_ns) - t0) / 1000000 ))
      return 0
    fi
    kill -0 "$PID" 2>/dev/null || { log "$name exited during start-up; see $logfile"; PID=; return 1; }
    sleep 0.02
  done
  log "$name did not answer within 90 s"; stop; return 1
}

# A little traffic for the JDK 25 training run, so the AOT cache holds what requests load and profile.
exercise() {
  [[ "$C_POLL" == /ping ]] && { for _ in $(seq 50); do curl -s -o /dev/null "$LK_URL/ping"; done; return 0; }
  signup_user "trainee$RANDOM" >/dev/null || true
  local user="trainer" access
  signup_user "$user" >/dev/null || true
  access=$(login_pair "$user" | json_field access)
  for _ in $(seq 50); do curl -s -o /dev/null "$LK_URL/api/auth/user/" -H "Authorization: Bearer $access"; done
}

declare -A SKIP
train() {   # train <config whose cache it makes> <cache file> <JVM option> [another JVM option]
  local name="$1" cache="$2" flag="$3" extra="${4:-}"
  [[ " $CONFIGS " == *" $name "* ]] || return 0
  config "$name"
  if [[ ! -x "$C_JAVA" ]]; then log "no JDK for $name; skipped"; SKIP[$name]=1; return 0; fi
  log "training $name"
  if [[ "$flag" == -XX:ArchiveClassesAtExit=* ]]; then
    (cd "$OUT" && mkdir -p "work-$name" && cd "work-$name" && "$C_JAVA" $SMALL "$flag" $extra -Dspring.context.exit=onRefresh \
        -jar "$C_JAR" --server.port=0 --latchkey.jwt.signing-key="$LK_SIGNING_KEY" >"$OUT/train-$name.log" 2>&1) || true
  else
    # A server run with the traffic of exercise(), stopped by SIGTERM: the JVM writes the cache as it exits.
    local opts="${C_OPTS/-XX:AOTCache=*/}"
    (cd "$OUT" && mkdir -p "work-$name" && cd "work-$name" && exec "$C_JAVA" $opts "$flag" -jar "$C_JAR" \
        --server.address="$LK_HOST" --server.port="$LK_PORT" --latchkey.jwt.signing-key="$LK_SIGNING_KEY") \
        >"$OUT/train-$name.log" 2>&1 &
    PID=$!
    local i
    for ((i = 0; i < 6000; i++)); do   # at most ~120 s
      [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$LK_URL$C_POLL" 2>/dev/null)" == 200 ]] && break
      kill -0 "$PID" 2>/dev/null || break
      sleep 0.02
    done
    exercise
    stop
  fi
  [[ -s "$cache" ]] || { log "no cache written for $name (see $OUT/train-$name.log); skipped"; SKIP[$name]=1; }
}
train latchkey-x-cds "$OUT/latchkey-17.jsa" "-XX:ArchiveClassesAtExit=$OUT/latchkey-17.jsa"
[[ -s "$OUT/latchkey-17.jsa" ]] || train latchkey-x-cds-c1 "$OUT/latchkey-17.jsa" "-XX:ArchiveClassesAtExit=$OUT/latchkey-17.jsa"
train latchkey-x-cds-noaot "$OUT/latchkey-17-noaot.jsa" "-XX:ArchiveClassesAtExit=$OUT/latchkey-17-noaot.jsa" \
  -Dspring.aot.enabled=false
train trivial-x-cds "$OUT/trivial-17.jsa" "-XX:ArchiveClassesAtExit=$OUT/trivial-17.jsa"
train latchkey-25-x-aot "$OUT/latchkey-25.aot" "-XX:AOTCacheOutput=$OUT/latchkey-25.aot"
train trivial-25-x-aot "$OUT/trivial-25.aot" "-XX:AOTCacheOutput=$OUT/trivial-25.aot"

# One untimed start of each (migrates its H2 database, generates its key), then STARTS interleaved rounds.
for name in $CONFIGS; do
  [[ -n "${SKIP[$name]:-}" ]] && continue
  config "$name" || { log "unknown configuration $name"; SKIP[$name]=1; continue; }
  [[ -x "$C_JAVA" ]] || { log "no JDK for $name; skipped"; SKIP[$name]=1; continue; }
  launch "$name" "$OUT/$name-first.log" || { SKIP[$name]=1; continue; }
  stop
done
declare -A TIMES
# time_cli <name> <java options and -jar jar...>: flushexpiredtokens in the server's work directory, to its exit.
time_cli() {
  local name="$1"; shift
  mkdir -p "$OUT/work-latchkey"
  local t0; t0=$(now_ns)
  (cd "$OUT/work-latchkey" && "$JAVA17" "$@" flushexpiredtokens --latchkey.jwt.signing-key="$LK_SIGNING_KEY" ${EXTRA_ARGS:-}) \
      >"$OUT/$name-$round.log" 2>&1 || log "$name command failed: $(tail -3 "$OUT/$name-$round.log")"
  TIMES[$name]="${TIMES[$name]:-} $(( ($(now_ns) - t0) / 1000000 ))"
  log "$name start $round: $(( ($(now_ns) - t0) / 1000000 )) ms to exit"
}
for ((round = 1; round <= STARTS; round++)); do
  for name in $CONFIGS; do
    [[ -n "${SKIP[$name]:-}" ]] && continue
    launch "$name" "$OUT/$name-$round.log" || continue
    TIMES[$name]="${TIMES[$name]:-} $MS"
    log "$name start $round: $MS ms to first answer (load $(cut -d' ' -f1 /proc/loadavg)); $(grep -oE 'Started [A-Za-z]+ in [0-9.]+ seconds \(process running for [0-9.]+\)' "$OUT/$name-$round.log" | head -1 || true)"
    stop
  done
  if [[ "${CLI:-1}" == 1 ]]; then   # a CLI command, timed to its exit: the fat jar, and as the README runs it
    time_cli cli $SMALL -jar "$LK_JAR"
    if [[ -s "$OUT/latchkey-17.jsa" ]]; then
      time_cli cli-readme -XX:SharedArchiveFile="$OUT/latchkey-17.jsa" -XX:TieredStopAtLevel=1 -jar "$OUT/latchkey-x/$(basename "$LK_JAR")"
    fi
  fi
done

median() { tr ' ' '\n' | { grep -v '^$' || true; } | sort -n | awk '{a[NR] = $1} END { if (NR % 2) print a[(NR + 1) / 2]; else print int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
BASE=$(median <<<"${TIMES[latchkey-x-cds]:-${TIMES[latchkey]:-}}")   # the README's command (else the fat jar)
TRIV=$(median <<<"${TIMES[trivial]:-}")
{
  echo "| configuration | JDK | JVM options | ms to first answer, median of $STARTS (all) | / README command (latchkey-x-cds) | / trivial app (fat jar) |"
  echo "|---|---|---|---:|---:|---:|"
  for name in $CONFIGS cli cli-readme; do
    [[ -n "${TIMES[$name]:-}" ]] || continue
    if [[ $name == cli ]]; then jdk=17; opts="$SMALL -jar latchkey-server.jar (flushexpiredtokens, to exit)"
    elif [[ $name == cli-readme ]]; then jdk=17; opts="-XX:SharedArchiveFile=latchkey-17.jsa -XX:TieredStopAtLevel=1, extracted (flushexpiredtokens, to exit)"; else config "$name"; jdk=17; [[ "$C_JAVA" == "$JAVA25" ]] && jdk=25; opts="$C_OPTS"; fi
    m=$(median <<<"${TIMES[$name]}")
    echo "| $name | $jdk | \`${opts/$OUT\//}\` | $m ($(xargs <<<"${TIMES[$name]}")) | $(ratio "$m" "${BASE:-0}") | $(ratio "$m" "${TRIV:-0}") |"
  done
  echo
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); extra server arguments: ${EXTRA_ARGS:-none}"
} >"$OUT/results.md"
cat "$OUT/results.md"
log "results: $OUT/results.md"

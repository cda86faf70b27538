#!/usr/bin/env bash
# Build the benchmark module (with the starter it depends on) and run JMH.
#   latchkey-benchmarks/scripts/jmh.sh                       # everything, the documented short settings
#   latchkey-benchmarks/scripts/jmh.sh TokenBenchmarks       # any JMH arguments: regex, -f, -wi, -i, -prof ...
# Environment: SKIP_BUILD=1 reuses target/; JAVA selects the JVM (default: java on PATH);
#              RESULTS=path.json also writes JMH's JSON there (and a Markdown table next to it, made by
#              jmh-table.sh: mean, best and median iteration, bytes per call).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$here/.." && pwd)"
JAVA="${JAVA:-java}"

if [[ "${SKIP_BUILD:-0}" != 1 || ! -f "$here/target/benchmark.classpath" ]]; then
  (cd "$root" && mvn -q -B -DskipTests -pl latchkey-benchmarks -am package)
fi
cp="$here/target/classes:$(cat "$here/target/benchmark.classpath")"
if [[ -n "${RESULTS:-}" ]] && ! command -v jq >/dev/null 2>&1 && [[ $(id -u) -eq 0 ]]; then
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jq; } >/dev/null 2>&1 || true   # jmh-table.sh
fi

args=("$@")
if [[ ${#args[@]} -eq 0 ]]; then
  # The documented run: tokens at 3 x 1 s warm-up, 5 x 1 s measurement; hashing fewer, longer iterations
  # (the defaults in the annotations). One fork each; -prof gc adds bytes allocated per call. About 5 minutes.
  "$JAVA" -cp "$cp" org.openjdk.jmh.Main TokenBenchmarks -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc \
      ${RESULTS:+-rf json -rff "${RESULTS%.json}-tokens.json"}
  "$JAVA" -cp "$cp" org.openjdk.jmh.Main PasswordBenchmarks -f 1 \
      ${RESULTS:+-rf json -rff "${RESULTS%.json}-passwords.json"}
  if [[ -n "${RESULTS:-}" ]]; then
    "$here/scripts/jmh-table.sh" "${RESULTS%.json}-tokens.json" verifyLatchkey >"${RESULTS%.json}-tokens.md"
    "$here/scripts/jmh-table.sh" "${RESULTS%.json}-passwords.json" argon2idMatchesLatchkey >"${RESULTS%.json}-passwords.md"
    cat "${RESULTS%.json}-tokens.md" "${RESULTS%.json}-passwords.md"
  fi
else
  "$JAVA" -cp "$cp" org.openjdk.jmh.Main "${args[@]}" ${RESULTS:+-rf json -rff "$RESULTS"}
  if [[ -n "${RESULTS:-}" ]]; then "$here/scripts/jmh-table.sh" "$RESULTS" >"${RESULTS%.json}.md"; cat "${RESULTS%.json}.md"; fi
fi

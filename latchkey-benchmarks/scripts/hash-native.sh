#!/usr/bin/env bash
# Password hashing: Latchkey against native implementations, same parameters, one run, interleaved
# (native, Java, native, Java) so drift of a busy machine hits both sides.
#   Argon2id m=19456 KiB, t=2, p=1, 32-byte output: DjangoPasswordEncoder.encode (Bouncy Castle) vs
#   Debian's `argon2` CLI (the reference C implementation).
#   PBKDF2-HMAC-SHA256, 1,000,000 iterations: the JDK's SecretKeyFactory vs python3's hashlib (OpenSSL).
# Both sides are timed in CPU time of the hashing thread (what the CLI reports: it times the hash with
# clock()), which other processes on the machine do not inflate, and in wall time.
#
#   latchkey-benchmarks/scripts/hash-native.sh        # RUNS=20 per round; SKIP_BUILD=1 reuses target/
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need argon2 argon2
RUNS="${RUNS:-20}"
OUT="${OUT:-$(mktemp -d /tmp/latchkey-hash.XXXXXX)}"
mkdir -p "$OUT"
SALT=abcdefghijklmnopqrstuv   # 22 characters, like Django's (and Latchkey's) salts

if [[ "${SKIP_BUILD:-0}" != 1 || ! -f "$LK_HERE/target/benchmark.classpath" ]]; then
  (cd "$LK_ROOT" && mvn -q -B -DskipTests -pl latchkey-benchmarks -am package)
fi
CP="$LK_HERE/target/classes:$(cat "$LK_HERE/target/benchmark.classpath")"

median() { sort -n | awk '{a[NR] = $1} END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# "<cpu ms> <wall ms>" per run: the CLI's own "<seconds> seconds" line (CPU time of the hash, 1 ms
# resolution) and the wall time around the whole process (start-up included).
native_round() {
  local file="$1" i t0 out
  for ((i = 0; i <= RUNS; i++)); do
    t0=$(now_ns)
    out=$(printf '%s' "$LK_PASSWORD" | argon2 "$SALT" -id -t 2 -k 19456 -p 1 -l 32)
    (( i == 0 )) && continue   # the first run warms the page cache
    echo "$(awk '/seconds/ {printf "%.3f", $1 * 1000}' <<<"$out") $(awk -v ns=$(( $(now_ns) - t0 )) 'BEGIN {printf "%.3f", ns / 1e6}')" >>"$file"
  done
}
java_round() { "$JAVA" -cp "$CP" dev.latchkey.benchmarks.HashTimer "$@"; }

for round in 1 2; do
  log "round $round: argon2 CLI x $RUNS, then Latchkey x $RUNS"
  native_round "$OUT/native-$round.txt"
  java_round argon2id 5 "$RUNS" | tee -a "$OUT/java-argon2id.txt" >&2
done
log "PBKDF2: JDK, then python3"
java_round pbkdf2 2 5 | tee "$OUT/java-pbkdf2.txt" >&2
py=
if command -v python3 >/dev/null 2>&1; then
  py=$(python3 - <<'PY'
import hashlib, statistics, time
cpu, wall = [], []
for i in range(6):
    c, w = time.process_time(), time.perf_counter()
    hashlib.pbkdf2_hmac("sha256", b"Str0ng-Passw0rd!", b"benchmarksalt0123456789", 1_000_000, 32)
    if i:
        cpu.append((time.process_time() - c) * 1000); wall.append((time.perf_counter() - w) * 1000)
print("%.1f %.1f" % (statistics.median(cpu), statistics.median(wall)))
PY
)
fi

jfield() { sed -nE "s/.*$1=([0-9.]+).*/\1/p" | median; }
n_cpu=$(cut -d' ' -f1 "$OUT"/native-*.txt | median); n_wall=$(cut -d' ' -f2 "$OUT"/native-*.txt | median)
n1=$(cut -d' ' -f1 "$OUT/native-1.txt" | median); n2=$(cut -d' ' -f1 "$OUT/native-2.txt" | median)
j_cpu=$(jfield cpu_ms_median <"$OUT/java-argon2id.txt"); j_wall=$(jfield wall_ms_median <"$OUT/java-argon2id.txt")
p_cpu=$(jfield cpu_ms_median <"$OUT/java-pbkdf2.txt"); p_wall=$(jfield wall_ms_median <"$OUT/java-pbkdf2.txt")
{
  echo "| hash | Latchkey / JDK: CPU ms (wall ms) | native: CPU ms (wall ms) | Latchkey / native, CPU time | wall time |"
  echo "|---|---:|---:|---:|---:|"
  echo "| Argon2id m=19456,t=2,p=1 | $j_cpu ($j_wall) | $n_cpu ($n_wall incl. process start; CPU round 1: $n1, round 2: $n2) | **$(ratio "$j_cpu" "$n_cpu")** | $(ratio "$j_wall" "$n_wall") |"
  if [[ -n "$py" ]]; then
    read -r py_cpu py_wall <<<"$py"
    echo "| PBKDF2-SHA256 1,000,000 it. | $p_cpu ($p_wall) | $py_cpu ($py_wall) python3 hashlib / OpenSSL | **$(ratio "$p_cpu" "$py_cpu")** | $(ratio "$p_wall" "$py_wall") |"
  fi
  echo
  echo "Medians; Java: $RUNS hashes per round after 5 warm-up hashes, 2 rounds; CLI: $RUNS runs per round (Debian argon2 $(dpkg-query -W -f '${Version}' argon2 2>/dev/null || echo '?')), 2 rounds."
  echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
} | tee "$OUT/results.md"
log "results: $OUT/results.md"

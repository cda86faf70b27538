#!/usr/bin/env bash
# Login timing by kind of failure (issue 14, item 5): medians of ROUNDS failed logins for an unknown
# user, a wrong password on Argon2id, on PBKDF2 260k and 870k (users imported from Django), an
# unusable hash, and an inactive user (PBKDF2 260k, right password). Rounds are interleaved; lockouts
# are lifted so that every attempt reaches the password check. Not a test: a measurement.
#   bash latchkey-benchmarks/scripts/login-timing.sh
# Loopback only; bounded loops; the server is stopped by its PID.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ROUNDS=${ROUNDS:-15}
JVM_FLAGS=${JVM_FLAGS:--Xmx128m -XX:+UseSerialGC}
OUT="$LK_HERE/target/login-timing"
build
rm -rf "$OUT"; mkdir -p "$OUT/work"
trap stop_server EXIT

python3 - "$OUT/users.json" "$LK_PASSWORD" <<'PY'
import base64, hashlib, json, sys
def pbkdf2(password, salt, iterations):
    key = hashlib.pbkdf2_hmac("sha256", password.encode(), salt.encode(), iterations)
    return "pbkdf2_sha256$%d$%s$%s" % (iterations, salt, base64.b64encode(key).decode())
path, password = sys.argv[1], sys.argv[2]
users = [("timing_pbkdf2_260k", pbkdf2(password, "saltSalt260k", 260000), True),
         ("timing_pbkdf2_870k", pbkdf2(password, "saltSalt870k", 870000), True),
         ("timing_unusable", "!UnusablePasswordRandomText0123456789abcd", True),
         ("timing_inactive", pbkdf2(password, "saltInactive", 260000), False)]
json.dump([{"model": "auth.user", "pk": i + 1, "fields": {"username": u, "password": p, "is_active": a,
            "email": "", "first_name": "", "last_name": "", "is_staff": False, "is_superuser": False,
            "date_joined": "2024-01-01T00:00:00Z", "last_login": None}} for i, (u, p, a) in enumerate(users)],
          open(path, "w"))
PY
(cd "$OUT/work" && "$JAVA" -jar "$LK_JAR" import-django-users --from-json "$OUT/users.json" \
   --latchkey.jwt.signing-key="$LK_SIGNING_KEY") >"$OUT/import.log" 2>&1 || { log "import failed: see $OUT/import.log"; exit 1; }
# shellcheck disable=SC2086
start_server "$OUT/work" "$OUT/server.log" $JVM_FLAGS -- --logging.level.latchkey.audit=warn \
  --latchkey.throttle.username-threshold=100000 --latchkey.throttle.ip-threshold=100000
[[ "$(signup_user timing_argon2)" == 201 ]] || { log "sign-up failed"; exit 1; }
for ((i = 0; i < 10; i++)); do login_pair timing_argon2 >/dev/null; done   # warm the login path

attempt() {   # attempt <username> <password> -> seconds
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -X POST "$LK_URL/api/token/" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$2\"}"
}
declare -A cases=(
  [unknown_user]="timing_nobody $LK_PASSWORD" [argon2id_wrong]="timing_argon2 wrong-password"
  [pbkdf2_260k_wrong]="timing_pbkdf2_260k wrong-password" [pbkdf2_870k_wrong]="timing_pbkdf2_870k wrong-password"
  [unusable_hash]="timing_unusable $LK_PASSWORD" [inactive_user]="timing_inactive $LK_PASSWORD")
for ((r = 0; r < ROUNDS; r++)); do
  for name in "${!cases[@]}"; do
    read -r user password <<<"${cases[$name]}"
    echo "$name $(attempt "$user" "$password")" >>"$OUT/attempts.txt"
  done
done
printf '| failure | answers | median |\n|---|---|---|\n'
for name in unknown_user argon2id_wrong pbkdf2_260k_wrong pbkdf2_870k_wrong unusable_hash inactive_user; do
  codes=$(awk -v n="$name" '$1 == n {print $2}' "$OUT/attempts.txt" | sort | uniq -c | awk '{printf "%s×%s ", $2, $1}')
  median=$(awk -v n="$name" '$1 == n {print $3 * 1000}' "$OUT/attempts.txt" | sort -n \
    | awk '{t[NR] = $1} END {printf "%.0f", (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2}')
  printf '| %s | %s| %s ms |\n' "$name" "$codes" "$median"
done | tee "$OUT/medians.md"
awk -F'|' '{gsub(/ ms /, "", $4); v = $4 + 0; if (min == "" || v < min) min = v; if (v > max) max = v}
  END {printf "\nslowest / fastest median: %.2f\n", max / min}' "$OUT/medians.md"

#!/usr/bin/env bash
# The hot statements of login, refresh, the authenticated GET and the session list on PostgreSQL with
# 10,000 users / sessions and with 1,000,000 users / 1,000,000 live sessions (rows generated in SQL with
# generate_series), plus one user with 5,000 sessions: each statement's plan (must use an index) and its
# execution time (EXPLAIN ANALYZE, median of REPEAT runs), one table per size.
#
#   latchkey-benchmarks/scripts/query-plans.sh
#
# Environment: SIZES="10000 1000000" REPEAT=7 PG_PORT=55433 OUT=dir
# PostgreSQL: Debian's server binaries, on 127.0.0.1 only, stopped by pg_ctl on exit (pg.sh). The
# schema is Latchkey's own Flyway migrations, applied in order with psql.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/pg.sh"

SIZES="${SIZES:-10000 1000000}"
REPEAT="${REPEAT:-7}"
PG_PORT="${PG_PORT:-55433}"
OUT="${OUT:-$(mktemp -d /tmp/latchkey-plans.XXXXXX)}"
MIGRATIONS="$LK_ROOT/latchkey-spring-boot-starter/src/main/resources/db/latchkey/migration"
mkdir -p "$OUT"
trap pg_stop EXIT
trap 'exit 130' INT TERM

pg_start "$OUT"
for f in $(ls "$MIGRATIONS"/V*.sql | sort -V); do pg_psql -f "$f" >/dev/null; done
log "schema from $(ls "$MIGRATIONS" | wc -l) migrations; output in $OUT"

# The data (pg_generate in pg.sh): users 1..N, all with one Argon2id-shaped hash string (not a real
# hash: no login here), one live session each with its outstanding refresh token, a quarter rotated
# once, plus user 'heavy' with 5,000 live sessions.
FAKE_HASH='argon2$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA'

# The statements as the JDBC repositories send them (named parameters written in), for a user in the middle.
statements() {
  local n="$1" mid=$(( $1 / 2 ))
  cat <<EOF
login: user by username|SELECT id, username, name, email, password, is_active, is_staff, is_superuser, date_joined, last_login FROM latchkey_user WHERE username = 'user$mid'
login: insert session|INSERT INTO latchkey_session (id, user_id, created_at, last_used_at, expires_at, user_agent, ip) VALUES (md5(random()::text), $mid, now(), now(), now() + interval '30 days', 'a', 'b')
refresh: token by jti (+ blacklist)|SELECT o.jti, o.user_id, o.session_id, o.created_at, o.expires_at, o.replaced_by, o.replaced_at, b.id FROM latchkey_outstanding_token o LEFT JOIN latchkey_blacklisted_token b ON b.token_id = o.id WHERE o.jti = md5('j$mid')
refresh: session by id|SELECT id, user_id, created_at, last_used_at, expires_at, revoked_at, user_agent, ip FROM latchkey_session WHERE id = md5('f$mid')
refresh: mark replaced|UPDATE latchkey_outstanding_token SET replaced_by = 'x', replaced_at = now() WHERE jti = md5('j$mid') AND replaced_by IS NULL
refresh: touch session|UPDATE latchkey_session SET last_used_at = now() WHERE id = md5('f$mid')
GET user: user by id (cached 500 ms)|SELECT id, username, name, email, password, is_active, is_staff, is_superuser, date_joined, last_login FROM latchkey_user WHERE id = $mid
every 500 ms: revoked since|SELECT id FROM latchkey_session WHERE revoked_at > now() - interval '6 minutes'
sessions of a user with 5,000|SELECT id, user_id, created_at, last_used_at, expires_at, revoked_at, user_agent, ip FROM latchkey_session WHERE user_id = $((n + 1)) AND revoked_at IS NULL AND expires_at > now() ORDER BY created_at
cleanup: expired tokens batch|SELECT id FROM latchkey_outstanding_token WHERE expires_at < now() ORDER BY expires_at LIMIT 1000
EOF
}

declare -A MS PLAN
for n in $SIZES; do
  log "generating $n users and sessions"
  t0=$(now_ns); pg_generate "$n" "$FAKE_HASH" 5000 >/dev/null; log "generated in $(( ($(now_ns) - t0) / 1000000 )) ms"
  while IFS='|' read -r label sql; do
    times=()
    for ((i = 0; i < REPEAT; i++)); do
      # Writes are rolled back, so every run sees the same table.
      plan=$(pg_psql -c "BEGIN; EXPLAIN (ANALYZE, COSTS OFF, TIMING ON) $sql; ROLLBACK;")
      times+=("$(sed -nE 's/^Execution Time: ([0-9.]+) ms/\1/p' <<<"$plan")")
    done
    MS[$n.$label]=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR] = $1} END { print a[int((NR + 1) / 2)] }')
    PLAN[$n.$label]=$( { grep -oE '(Index Only Scan|Index Scan|Bitmap Index Scan|Seq Scan)( using [a-z_]+)?( on [a-z_]+)?' <<<"$plan" || echo 'no scan (insert)'; } | head -2 | paste -sd';' -)
    echo "$n|$label|${MS[$n.$label]}|${PLAN[$n.$label]}" >>"$OUT/plans.txt"
    printf '%s\n' "$plan" >"$OUT/plan-$n-${label//[^a-zA-Z0-9]/_}.txt"
  done < <(statements "$n")
done

sizes=($SIZES)
small=${sizes[0]} large=${sizes[-1]}
{
  echo "| statement | plan ($large rows) | ms, $small users (median of $REPEAT) | ms, $large users | ratio |"
  echo "|---|---|---:|---:|---:|"
  while IFS='|' read -r label sql; do
    echo "| $label | ${PLAN[$large.$label]} | ${MS[$small.$label]} | ${MS[$large.$label]} | $(ratio "${MS[$large.$label]}" "${MS[$small.$label]}") |"
  done < <(statements "$large")
  echo
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
} >"$OUT/results.md"
cat "$OUT/results.md"

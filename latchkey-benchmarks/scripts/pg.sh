# A private PostgreSQL for the benchmark scripts (sourced after lib.sh, not run): Debian's server
# binaries (/usr/lib/postgresql/*/bin, the newest), a data directory under /tmp, listening on
# 127.0.0.1:$PG_PORT only (and a socket in the data directory's parent), trust authentication for the
# role latchkey, one database latchkey. Used by query-plans.sh and data-growth.sh; stopped by pg_ctl.
#
#   pg_start <log dir> [-c name=value ...]   initdb + start + CREATE DATABASE latchkey; sets PG_BIN,
#                                            PG_DIR, PG_VERSION (call pg_stop from an EXIT trap)
#   pg_stop                                  pg_ctl stop -m fast, keeps the server log, removes PG_DIR
#   pg_psql [psql arguments...]              psql on database latchkey (PG_DB=other to change), unaligned,
#                                            tuples only, stops on the first error
#   pg_generate <users> <password hash> <sessions of user 'heavy'>
#                                            the generated data set, see below

PG_PORT="${PG_PORT:-55433}"
PG_DIR=
PG_BIN=
PG_LOGDIR=

pg_run() {   # run a command as the postgres user when root (initdb refuses root), else as ourselves
  if [[ $(id -u) -eq 0 ]]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi
}

pg_start() {
  PG_LOGDIR="$1"; shift
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [[ -z "$PG_BIN" ]]; then
    need initdb postgresql >/dev/null 2>&1 || true
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  fi
  if [[ -z "$PG_BIN" ]] || { [[ $(id -u) -eq 0 ]] && ! id postgres >/dev/null 2>&1; }; then
    log "no PostgreSQL server binaries (apt-get install postgresql)"; return 1
  fi
  mkdir -p "$PG_LOGDIR"
  PG_DIR=$(mktemp -d /tmp/latchkey-pg.XXXXXX)
  if [[ $(id -u) -eq 0 ]]; then chown postgres: "$PG_DIR"; fi
  pg_run "'$PG_BIN/initdb' -D '$PG_DIR/data' -U latchkey --auth=trust -E UTF8 --no-locale" >"$PG_LOGDIR/pg-initdb.log" 2>&1
  pg_run "'$PG_BIN/pg_ctl' -D '$PG_DIR/data' -l '$PG_DIR/server.log' -w -t 60 \
      -o \"-c listen_addresses=127.0.0.1 -p $PG_PORT -k '$PG_DIR' $*\" start" >"$PG_LOGDIR/pg-start.log" 2>&1
  PG_DB=postgres pg_psql -c "CREATE DATABASE latchkey" >/dev/null
  PG_VERSION=$("$PG_BIN/postgres" --version | awk '{print $3}')
  log "PostgreSQL $PG_VERSION on 127.0.0.1:$PG_PORT ($PG_DIR)"
}

pg_stop() {
  [[ -n "$PG_DIR" ]] || return 0
  pg_run "'$PG_BIN/pg_ctl' -D '$PG_DIR/data' -m fast -w -t 60 stop" >/dev/null 2>&1 || true
  [[ -n "$PG_LOGDIR" && -f "$PG_DIR/server.log" ]] && cp "$PG_DIR/server.log" "$PG_LOGDIR/pg-server.log" 2>/dev/null
  rm -rf "$PG_DIR"
  PG_DIR=
}

pg_psql() {
  "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U latchkey -d "${PG_DB:-latchkey}" -v ON_ERROR_STOP=1 -q -At "$@"
}

# pg_generate <users> <password hash> <sessions of user 'heavy'>: empties Latchkey's tables, then in SQL
# (generate_series): users user1..userN, all with the given password column; one live session per user
# with its outstanding refresh token; a quarter of the sessions rotated once (the predecessor token
# replaced by the outstanding one and blacklisted); plus, unless 0, user 'heavy' (id N+1) with that many
# live sessions. Ends with ANALYZE.
pg_generate() {
  local n="$1" hash="$2" heavy="$3"
  pg_psql -v hash="$hash" <<SQL
SET client_min_messages = warning;
TRUNCATE latchkey_blacklisted_token, latchkey_outstanding_token, latchkey_session, latchkey_user_field, latchkey_user RESTART IDENTITY CASCADE;
INSERT INTO latchkey_user (username, name, email, password, date_joined)
  SELECT 'user' || i, 'User ' || i, 'user' || i || '@example.com', :'hash', now()
  FROM generate_series(1, $n) i;
INSERT INTO latchkey_session (id, user_id, created_at, last_used_at, expires_at, user_agent, ip)
  SELECT md5('f' || i), i, now() - interval '1 hour', now(), now() + interval '29 days', 'agent', '127.0.0.1'
  FROM generate_series(1, $n) i;
INSERT INTO latchkey_user (username, password) SELECT 'heavy', 'x' WHERE $heavy > 0;
INSERT INTO latchkey_session (id, user_id, created_at, last_used_at, expires_at, user_agent, ip)
  SELECT md5('h' || i), $n + 1, now() - (i || ' seconds')::interval, now(), now() + interval '29 days', 'agent', '127.0.0.1'
  FROM generate_series(1, $heavy) i;
INSERT INTO latchkey_outstanding_token (jti, user_id, session_id, created_at, expires_at)
  SELECT md5('j' || i), i, md5('f' || i), now(), now() + interval '1 day' FROM generate_series(1, $n) i;
INSERT INTO latchkey_outstanding_token (jti, user_id, session_id, created_at, expires_at, replaced_by, replaced_at)
  SELECT md5('o' || i), i, md5('f' || i), now() - interval '2 hours', now() + interval '1 day', md5('j' || i), now() - interval '1 hour'
  FROM generate_series(1, $n, 4) i;
INSERT INTO latchkey_blacklisted_token (token_id, blacklisted_at)
  SELECT id, now() FROM latchkey_outstanding_token WHERE created_at < now() - interval '90 minutes';
ANALYZE;
SQL
}

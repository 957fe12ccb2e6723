#!/usr/bin/env bash
# Starts throwaway PostgreSQL and MariaDB servers for the real-database proofs
# (`npm run db:up`; `npm run db:down` stops them and deletes their data).
#
#   - localhost only (127.0.0.1), each on a free port, each in its own data
#     directory under $PUSHDOWN_DB_DIR (default .tmp/db, gitignored);
#   - PostgreSQL (initdb, trust auth) with a linguistic collation: en_US.UTF-8
#     when the system has that locale, else ICU's en-US (said on stdout);
#   - MariaDB with utf8mb4 and the server default collation utf8mb4_general_ci;
#   - durability off (fsync, doublewrite, binlog): the data is thrown away;
#   - writes the connection URLs to $PUSHDOWN_DB_DIR/urls.json, which the tests
#     read (test/db/servers.ts); without it the server proofs are skipped.
#
# Idempotent: a server that is already up and answering is left running.
# Needs the Debian packages `postgresql` and `mariadb-server` (and `locales`
# with en_US.UTF-8 generated for the libc collation). PostgreSQL refuses to
# run as root, so under root it runs as the `postgres` user the package creates.
set -euo pipefail
cd "$(dirname "$0")/.."

DB_DIR="${PUSHDOWN_DB_DIR:-$PWD/.tmp/db}"
mkdir -p "$DB_DIR"
DB_DIR="$(cd "$DB_DIR" && pwd)"
PG_DIR="$DB_DIR/pg"
MARIA_DIR="$DB_DIR/mariadb"
URLS="$DB_DIR/urls.json"

if [[ "${1:-}" == "down" ]]; then
  if [[ -f "$PG_DIR/data/postmaster.pid" ]]; then
    pg_bin="$(cat "$PG_DIR/bindir" 2>/dev/null || true)"
    if [[ -n "$pg_bin" ]]; then
      if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$pg_bin/pg_ctl" -D "$PG_DIR/data" -m fast -w stop || true
      else "$pg_bin/pg_ctl" -D "$PG_DIR/data" -m fast -w stop || true; fi
    fi
  fi
  if [[ -f "$MARIA_DIR/mariadbd.pid" ]]; then
    pid="$(cat "$MARIA_DIR/mariadbd.pid")"
    if kill "$pid" 2>/dev/null; then
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
  fi
  rm -rf "$DB_DIR"
  echo "db:down: stopped PostgreSQL and MariaDB, removed $DB_DIR"
  exit 0
fi

fail() { echo "db:up: $*" >&2; exit 1; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local port=$1
  while port_in_use "$port"; do port=$((port + 1)); done
  echo "$port"
}

# ---------------------------------------------------------------- PostgreSQL
PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
[[ -x "$PG_BIN/initdb" ]] || fail "no PostgreSQL server binaries (apt-get install -y postgresql)"
as_pg() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}
pg_up() { [[ -f "$PG_DIR/port" ]] && "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$(cat "$PG_DIR/port")" -U postgres; }

if pg_up; then
  echo "db:up: PostgreSQL already up on port $(cat "$PG_DIR/port")"
else
  [[ -f "$PG_DIR/data/postmaster.pid" ]] && as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  mkdir -p "$PG_DIR"
  [[ $(id -u) -eq 0 ]] && chown postgres: "$PG_DIR"
  echo "$PG_BIN" >"$PG_DIR/bindir"
  if locale -a 2>/dev/null | grep -qi '^en_US\.utf-\?8$'; then
    PG_LOCALE=(--locale=en_US.UTF-8)
    PG_COLLATION="en_US.UTF-8 (libc)"
  else
    # PostgreSQL 15+: the ICU provider needs no system locale.
    PG_LOCALE=(--locale=C.UTF-8 --locale-provider=icu --icu-locale=en-US)
    PG_COLLATION="ICU en-US (the en_US.UTF-8 locale is not generated on this system)"
  fi
  as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust --encoding=UTF8 "${PG_LOCALE[@]}" >"$PG_DIR/initdb.log" 2>&1 ||
    { cat "$PG_DIR/initdb.log" >&2; fail "initdb failed"; }
  PG_PORT=$(free_port 55432)
  echo "$PG_PORT" >"$PG_DIR/port"
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 start -o \
    "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    >/dev/null || { cat "$PG_DIR/server.log" >&2; fail "PostgreSQL did not start"; }
  echo "db:up: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT, collation $PG_COLLATION"
fi
PG_PORT=$(cat "$PG_DIR/port")

# ------------------------------------------------------------------- MariaDB
command -v mariadbd >/dev/null || [[ -x /usr/sbin/mariadbd ]] || fail "no MariaDB server (apt-get install -y mariadb-server)"
MARIADBD="$(command -v mariadbd || echo /usr/sbin/mariadbd)"
maria_sql() { mariadb --no-defaults --protocol=socket --socket="$MARIA_DIR/mariadb.sock" -u root "$@"; }
maria_up() { [[ -S "$MARIA_DIR/mariadb.sock" ]] && maria_sql -e 'SELECT 1' >/dev/null 2>&1; }

if maria_up; then
  echo "db:up: MariaDB already up on port $(cat "$MARIA_DIR/port")"
else
  if [[ -f "$MARIA_DIR/mariadbd.pid" ]]; then kill "$(cat "$MARIA_DIR/mariadbd.pid")" 2>/dev/null || true; sleep 1; fi
  rm -rf "$MARIA_DIR"
  mkdir -p "$MARIA_DIR"
  USER_FLAG=()
  [[ $(id -u) -eq 0 ]] && USER_FLAG=(--user=root)
  mariadb-install-db --no-defaults "${USER_FLAG[@]}" --datadir="$MARIA_DIR/data" --auth-root-authentication-method=normal \
    --skip-test-db >"$MARIA_DIR/install.log" 2>&1 || { cat "$MARIA_DIR/install.log" >&2; fail "mariadb-install-db failed"; }
  MARIA_PORT=$(free_port 53306)
  echo "$MARIA_PORT" >"$MARIA_DIR/port"
  setsid "$MARIADBD" --no-defaults "${USER_FLAG[@]}" --datadir="$MARIA_DIR/data" --socket="$MARIA_DIR/mariadb.sock" \
    --port="$MARIA_PORT" --bind-address=127.0.0.1 --skip-name-resolve --pid-file="$MARIA_DIR/mariadbd.pid" \
    --log-error="$MARIA_DIR/server.log" --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci \
    --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 --sync-binlog=0 --skip-log-bin \
    --innodb-buffer-pool-size=128M --max-connections=300 </dev/null >/dev/null 2>&1 &
  for _ in $(seq 1 600); do maria_up && break; sleep 0.1; done
  maria_up || { cat "$MARIA_DIR/server.log" >&2; fail "MariaDB did not start"; }
  maria_sql -e "CREATE USER IF NOT EXISTS 'pushdown'@'127.0.0.1' IDENTIFIED BY 'pushdown';
    GRANT ALL PRIVILEGES ON *.* TO 'pushdown'@'127.0.0.1' WITH GRANT OPTION;"
  echo "db:up: MariaDB $(maria_sql -N -e 'SELECT VERSION()') on 127.0.0.1:$MARIA_PORT, collation $(maria_sql -N -e 'SELECT @@collation_server')"
fi
MARIA_PORT=$(cat "$MARIA_DIR/port")

cat >"$URLS.tmp" <<EOF
{
  "postgresql": "postgresql://postgres@127.0.0.1:$PG_PORT/postgres",
  "mariadb": "mariadb://pushdown:pushdown@127.0.0.1:$MARIA_PORT/"
}
EOF
mv "$URLS.tmp" "$URLS"
echo "db:up: URLs in $URLS"

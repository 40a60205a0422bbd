#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the server-engine tests and prints its URL
# (the only thing on stdout), e.g.:
#   export TEST_DATABASE_URL="$(bash packages/migrations/test/start-postgres.sh)"
# Idempotent: installs Debian's postgresql package only if no server binaries are found,
# creates the cluster once, and starts it only if it is not running. Listens on 127.0.0.1
# only, trusts local connections, runs with fsync off (test data is throwaway).
set -euo pipefail

port="${CHANGE_POLICY_PG_PORT:-54329}"
cluster="${CHANGE_POLICY_PG_DIR:-${TMPDIR:-/tmp}/change-policy-postgres-$port}"

# The client package also creates /usr/lib/postgresql/N/bin (psql), so look for initdb.
find_bin() {
  ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 | xargs -r dirname
}

bin="$(find_bin)"
if [ -z "$bin" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "PostgreSQL is not installed and this is not root: run apt-get install postgresql first." >&2
    exit 1
  fi
  echo "Installing Debian's postgresql package..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >&2
  bin="$(find_bin)"
fi

# initdb and postgres refuse to run as root; as root, run them as the postgres user.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

if [ ! -f "$cluster/PG_VERSION" ]; then
  mkdir -p "$cluster"
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$cluster"; fi
  as_owner "$bin/initdb" -D "$cluster" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >&2
fi

ready() { "$bin/pg_isready" -h 127.0.0.1 -p "$port" -q; }
wait_ready() {
  for _ in $(seq 1 "$1"); do ready && return 0; sleep 1; done
  return 1
}

# Ask the port, not the pid file: a server killed with its session leaves postmaster.pid
# behind, and if its pid has been reused since, pg_ctl would think it still runs.
if ! wait_ready 2; then
  rm -f "$cluster/postmaster.pid"
  as_owner "$bin/pg_ctl" -D "$cluster" -l "$cluster/server.log" -w start \
    -o "-h 127.0.0.1 -p $port -k $cluster -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >&2
fi
if ! wait_ready 30; then
  echo "PostgreSQL did not start on 127.0.0.1:$port; see $cluster/server.log" >&2
  exit 1
fi

echo "postgresql://postgres@127.0.0.1:$port/postgres"

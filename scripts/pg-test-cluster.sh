#!/bin/sh
# A throw-away PostgreSQL cluster for the store tests, on a Unix socket only:
#   sh scripts/pg-test-cluster.sh start [SOCKDIR]   prints the ALQ_TEST_PG URI
#   sh scripts/pg-test-cluster.sh stop [SOCKDIR]
# Needs Debian's postgresql package (initdb, pg_ctl). As root the server runs
# as the `postgres` user (or `alqpg`, created), since postgres refuses root.
set -eu
cmd=${1:-}
SOCK=${2:-/tmp/alqpg}
DATA="$SOCK.data"
BIN=""
for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
  [ -x "$d/pg_ctl" ] && { BIN=$d; break; }
done
[ -z "$BIN" ] && command -v pg_ctl >/dev/null 2>&1 && BIN=$(dirname "$(command -v pg_ctl)")
[ -n "$BIN" ] || { echo "pg-test-cluster: no PostgreSQL server binaries (apt-get install postgresql)" >&2; exit 1; }

RUN=""
if [ "$(id -u)" -eq 0 ]; then
  user=postgres
  if ! id "$user" >/dev/null 2>&1; then
    user=alqpg
    id "$user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$user"
  fi
  RUN="runuser -u $user --"
fi

case "$cmd" in
start)
  if [ -f "$DATA/postmaster.pid" ] && $RUN "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    echo "postgresql://alaqat@/alaqat?host=$SOCK"; exit 0
  fi
  rm -rf "$DATA" "$SOCK"
  mkdir -p "$DATA" "$SOCK"
  [ -n "$RUN" ] && chown "$user" "$DATA" "$SOCK"
  chmod 700 "$DATA"
  $RUN "$BIN/initdb" -D "$DATA" -U alaqat -A trust -E UTF8 --locale=C.UTF-8 >"$SOCK.initdb.log" 2>&1 ||
    { echo "pg-test-cluster: initdb failed (see $SOCK.initdb.log)" >&2; exit 1; }
  # no TCP; durability off: the cluster is thrown away after the tests
  $RUN "$BIN/pg_ctl" -D "$DATA" -l "$SOCK.log" -w -t 60 start \
    -o "-k $SOCK -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null ||
    { echo "pg-test-cluster: the server did not start (see $SOCK.log)" >&2; exit 1; }
  $RUN "$BIN/createdb" -h "$SOCK" -U alaqat alaqat ||
    { echo "pg-test-cluster: createdb failed" >&2; exit 1; }
  echo "postgresql://alaqat@/alaqat?host=$SOCK"
  ;;
stop)
  [ -d "$DATA" ] && $RUN "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$DATA" "$SOCK" "$SOCK.log" "$SOCK.initdb.log"
  ;;
*)
  echo "usage: $0 start|stop [SOCKDIR]" >&2; exit 2 ;;
esac

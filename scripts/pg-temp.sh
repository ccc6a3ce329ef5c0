#!/usr/bin/env bash
# A throwaway PostgreSQL from the installed binaries, for tests and benchmarks.
#   URL=$(scripts/pg-temp.sh start DIR PORT)  -> postgres://postgres@127.0.0.1:PORT/postgres
#   scripts/pg-temp.sh stop DIR               -> stops the server and deletes DIR
# PG_TEMP_OPTIONS adds server settings (e.g. "-c shared_preload_libraries=pg_stat_statements").
set -euo pipefail
CMD=${1:?start|stop}; DIR=${2:?dir}; PORT=${3:-54329}
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$BIN" ] || { echo "no PostgreSQL binaries under /usr/lib/postgresql" >&2; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }  # initdb refuses root
case "$CMD" in
  start)
    if [ "$(id -u)" = 0 ]; then id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres; fi
    mkdir -p "$DIR"; if [ "$(id -u)" = 0 ]; then chown postgres: "$DIR"; fi
    as_pg "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 --no-locale >"$DIR/initdb.log"
    as_pg "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 30 \
      -o "-k $DIR -p $PORT -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off ${PG_TEMP_OPTIONS:-}" start >/dev/null
    echo "postgres://postgres@127.0.0.1:$PORT/postgres" ;;
  stop)
    if [ -d "$DIR/data" ]; then as_pg "$BIN/pg_ctl" -D "$DIR/data" -m immediate -w stop >/dev/null 2>&1 || true; fi
    rm -rf "$DIR" ;;
  *) echo "usage: pg-temp.sh start|stop DIR [PORT]" >&2; exit 2 ;;
esac

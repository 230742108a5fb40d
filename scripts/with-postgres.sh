#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL cluster: with-postgres.sh COMMAND [ARG...]
#
# Finds Debian's PostgreSQL binaries (/usr/lib/postgresql/*/bin), creates a cluster in a temporary folder
# (as the postgres user when run as root), starts it on a free port of 127.0.0.1 with its socket in that
# folder, creates a database, exports ACCORD_TEST_DATABASE_URL, runs the command, and always stops the
# cluster and removes the folder. The command's exit status is the script's.
set -euo pipefail

if [ "$#" -eq 0 ]; then
    echo "usage: $0 COMMAND [ARG...]" >&2
    exit 2
fi

bindir=""
for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then
        bindir="$candidate"
        break
    fi
done
if [ -z "$bindir" ]; then
    echo "error: no PostgreSQL binaries in /usr/lib/postgresql/*/bin; install Debian's postgresql package" >&2
    exit 2
fi

# As root, the cluster belongs to the postgres user (initdb refuses to run as root).
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

workdir="$(mktemp -d "${TMPDIR:-/tmp}/accord-pg.XXXXXX")"
chmod 755 "$workdir"
if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$workdir"
fi

cleanup() {
    as_owner "$bindir/pg_ctl" -D "$workdir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$workdir"
}
trap cleanup EXIT INT TERM

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
user="$(as_owner id -un)"

as_owner "$bindir/initdb" -D "$workdir/data" -U "$user" --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$workdir/initdb.log" 2>&1 \
    || { cat "$workdir/initdb.log" >&2; exit 2; }
as_owner "$bindir/pg_ctl" -D "$workdir/data" -l "$workdir/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $workdir -c fsync=off -c max_connections=200" start >/dev/null \
    || { cat "$workdir/server.log" >&2; exit 2; }
as_owner "$bindir/createdb" -h 127.0.0.1 -p "$port" -U "$user" accord_test

export ACCORD_TEST_DATABASE_URL="postgresql+psycopg://$user@127.0.0.1:$port/accord_test"
echo "with-postgres: PostgreSQL $("$bindir/pg_ctl" --version | awk '{print $3}') at $ACCORD_TEST_DATABASE_URL" >&2

status=0
"$@" || status=$?
exit "$status"

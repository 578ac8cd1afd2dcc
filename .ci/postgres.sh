#!/usr/bin/env bash
# Makes sure a real PostgreSQL server answers on 127.0.0.1:5432 with trust auth and a
# database `test`, then prints the URL to use. On this project's machines one is already
# running; on a machine without one, it starts the installed cluster, or installs
# PostgreSQL from Debian's packages and starts it. It never skips: failing here fails CI.
set -euo pipefail

ready() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }

if ! command -v pg_isready >/dev/null 2>&1; then
  echo "postgres: not installed; installing from Debian's packages" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi

if ! ready; then
  echo "postgres: not answering; starting the cluster" >&2
  for version in $(ls /etc/postgresql 2>/dev/null); do
    hba=/etc/postgresql/$version/main/pg_hba.conf
    # Tests connect as postgres over TCP without a password.
    if ! grep -q '^host all all 127.0.0.1/32 trust' "$hba"; then
      sed -i '1i host all all 127.0.0.1/32 trust' "$hba"
    fi
    pg_ctlcluster --skip-systemctl-redirect "$version" main start >&2 || pg_ctlcluster "$version" main start >&2 || true
  done
  for _ in $(seq 1 30); do ready && break; sleep 1; done
fi
ready || { echo "postgres: still not answering on 127.0.0.1:5432" >&2; exit 1; }

if ! psql -h 127.0.0.1 -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'test'" | grep -q 1; then
  psql -h 127.0.0.1 -U postgres -d postgres -c 'CREATE DATABASE test' >&2
fi
echo "postgres://postgres@127.0.0.1:5432/test"

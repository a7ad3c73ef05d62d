#!/usr/bin/env bash
# Makes sure the servers the tests start on loopback are installed: nginx (the reverse-proxy tests), PostgreSQL and
# Redis (the store, limiter and several-instances tests run against the real engines; tests/engines.py starts each on a
# free loopback port with its data in a temporary folder).
# On Debian as root (CI) it installs Debian's packages when they are missing; elsewhere it says what is missing and the
# tests that need it say so when they run.
set -euo pipefail
have_postgres() {
  command -v pg_ctl >/dev/null 2>&1 || compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' >/dev/null
}
missing=()
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
have_postgres || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ] || missing+=(redis-server)
if [ ${#missing[@]} -eq 0 ]; then echo "test servers: nginx, postgresql, redis-server"; exit 0; fi
if command -v apt-get >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "installing Debian's ${missing[*]} for the tests..."
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # Debian starts the packaged services on install; the tests run their own on free loopback ports
  for service in nginx postgresql redis-server; do
    if command -v systemctl >/dev/null 2>&1; then $SUDO systemctl disable --now "$service" >/dev/null 2>&1 || true; fi
    if command -v service >/dev/null 2>&1; then $SUDO service "$service" stop >/dev/null 2>&1 || true; fi
  done
  if [ -x /usr/sbin/nginx ] && pgrep -x nginx >/dev/null 2>&1; then $SUDO /usr/sbin/nginx -s stop >/dev/null 2>&1 || true; fi
  echo "test servers: ${missing[*]} installed"
  exit 0
fi
echo "missing for the tests: ${missing[*]} (install them with your package manager)" >&2
exit 1

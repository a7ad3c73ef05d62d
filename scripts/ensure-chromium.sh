#!/usr/bin/env bash
# Makes sure the browser tests have a Chromium: $BRANDSMITH_CHROMIUM, then /usr/bin/chromium, then Playwright's own.
# On Debian as root (CI) it installs Debian's chromium package when none is found.
set -euo pipefail
usable() { [ -n "${1:-}" ] && [ -x "$1" ] && "$1" --version >/dev/null 2>&1; }
if usable "${BRANDSMITH_CHROMIUM:-}"; then echo "chromium: $BRANDSMITH_CHROMIUM"; exit 0; fi
if usable /usr/bin/chromium; then echo "chromium: /usr/bin/chromium"; exit 0; fi
if compgen -G "$HOME/.cache/ms-playwright/chromium*" >/dev/null || compgen -G "$HOME/Library/Caches/ms-playwright/chromium*" >/dev/null; then
  echo "chromium: Playwright's own"; exit 0
fi
if command -v apt-get >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "installing Debian's chromium for the browser tests..."
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
  usable /usr/bin/chromium && { echo "chromium: /usr/bin/chromium"; exit 0; }
fi
echo "No Chromium found for the browser tests. Set BRANDSMITH_CHROMIUM to a Chromium or Chrome binary," >&2
echo "or install Playwright's browser once with Playwright's own installer (needs internet)." >&2
exit 1

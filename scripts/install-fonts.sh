#!/usr/bin/env bash
# Installs the catalogue's open-licence font files (@fontsource packages) from the npm registry.
# Without npm the studio still works: previews fall back to system font stacks and say so.
set -euo pipefail
cd "$(dirname "$0")/../fonts"
if ! command -v npm >/dev/null 2>&1; then
  echo "npm not found: font files not installed; previews will use system fallback fonts." >&2
  echo "Install Node.js (which brings npm) and run 'make fonts' to get the real fonts." >&2
  exit 0
fi
npm ci --no-audit --no-fund --loglevel=error
touch node_modules/.installed

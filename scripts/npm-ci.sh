#!/usr/bin/env bash
# Installs a folder's locked npm packages: `npm-ci.sh fonts` (the catalogue's @fontsource font files),
# `npm-ci.sh icons` (the Tabler icon set logo symbols come from) or
# `npm-ci.sh assets` (the Tailwind CLI and SVG icons). Without npm the studio still works and says what it does instead:
# previews fall back to system font stacks; styles and icons come from NiceGUI's in-browser defaults.
set -euo pipefail
folder="$1"
cd "$(dirname "$0")/../$folder"
if ! command -v npm >/dev/null 2>&1; then
  echo "npm not found: $folder/node_modules not installed. Install Node.js (which brings npm) and run 'make $folder'." >&2
  exit 0
fi
npm ci --no-audit --no-fund --loglevel=error
touch node_modules/.installed

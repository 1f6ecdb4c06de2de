#!/usr/bin/env bash
# One set-up step for a fresh machine, used by `npm run demo` and `npm run test:all`.
#   scripts/setup.sh          – npm dependencies only
#   scripts/setup.sh --test   – plus the Debian packages the tests use as independent referees
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# The electron package would download its binary from outside the npm registry; the app
# falls back to the headless host when no binary is present (see scripts/start.mjs).
export ELECTRON_SKIP_BINARY_DOWNLOAD=1

# Node 20.19 is the oldest the project runs on (package.json "engines"): say so before npm fails obscurely.
if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' 2>/dev/null; then
  echo "Foyer needs Node 20.19 or newer; this machine has $(node --version 2>/dev/null || echo 'no node'). Install it (nodejs.org or your package manager), then run this again." >&2
  exit 1
fi

if [[ "${1:-}" == "--test" ]]; then
  # chromium: the real renderer in tests; zbar-tools/qrencode/poppler-utils/imagemagick: QR and PDF
  # referees; postgresql: the registry against a real server; fonts: badge and screenshot rendering;
  # libxkbcommon-tools (xkbcli): the real keyboard layouts that scanner-layout tests type with.
  pkgs=(chromium zbar-tools qrencode poppler-utils imagemagick postgresql xvfb fonts-noto-core fonts-noto-cjk fonts-dejavu-core libxkbcommon-tools)
  missing=()
  for p in "${pkgs[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if ((${#missing[@]})); then
    echo "Installing Debian packages: ${missing[*]}"
    SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

stamp=node_modules/.foyer-lock
if [[ ! -f "$stamp" ]] || ! cmp -s package-lock.json "$stamp"; then
  echo "Installing npm dependencies…"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi

# A new PGlite registry starts from a copy of an empty, migrated cluster instead of running
# initdb (registry/pglite-template.ts): made once per installed PGlite version.
node --import tsx scripts/pglite-template.ts

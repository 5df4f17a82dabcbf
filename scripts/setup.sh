#!/usr/bin/env bash
# Installs what building and testing need on a fresh Debian machine: Chromium for the browser
# tests, in French too, (never a downloaded browser build), then the exact npm dependencies of the lock file.
set -euo pipefail
cd "$(dirname "$0")/.."

# chromium-l10n carries the French interface the browser tests run in.
if ! command -v chromium >/dev/null 2>&1 || [ ! -e /usr/lib/chromium/locales/fr.pak ]; then
  if [ "$(id -u)" -eq 0 ]; then apt_get=(apt-get); else apt_get=(sudo apt-get); fi
  export DEBIAN_FRONTEND=noninteractive
  "${apt_get[@]}" update -qq
  "${apt_get[@]}" install -y -qq chromium chromium-l10n >/dev/null
fi

npm ci --no-audit --no-fund

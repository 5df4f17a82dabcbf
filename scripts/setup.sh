#!/usr/bin/env bash
# Installs what building and testing need on a fresh Debian machine: Chromium (in French too),
# Firefox ESR and openssl for the browser tests, faketime for the unit tests on other days, php
# for the gPodder server the sync tests talk to, all from Debian (never a downloaded browser
# build), then the exact npm dependencies of the lock file.
set -euo pipefail
cd "$(dirname "$0")/.."

# chromium-l10n carries the French interface the browser tests run in; firefox-esr runs the
# Firefox build for real (driven over WebDriver BiDi by puppeteer-core).
packages=()
if ! command -v chromium >/dev/null 2>&1 || [ ! -e /usr/lib/chromium/locales/fr.pak ]; then packages+=(chromium chromium-l10n); fi
if ! command -v firefox-esr >/dev/null 2>&1; then packages+=(firefox-esr); fi
# openssl signs the certificate of the local server the player's tests take for the show's audio host.
if ! command -v openssl >/dev/null 2>&1; then packages+=(openssl); fi
# faketime runs the unit tests on other days and in other zones (scripts/test-other-days.sh).
if ! command -v faketime >/dev/null 2>&1; then packages+=(faketime); fi
# php runs the real gPodder sync server the sync tests talk to (../shared/opodsync).
if ! command -v php >/dev/null 2>&1 || ! php -m 2>/dev/null | grep -qi '^sqlite3$'; then packages+=(php-cli php-sqlite3); fi
if [ ${#packages[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then apt_get=(apt-get); else apt_get=(sudo apt-get); fi
  export DEBIAN_FRONTEND=noninteractive
  "${apt_get[@]}" update -qq
  "${apt_get[@]}" install -y -qq "${packages[@]}" >/dev/null
fi

npm ci --no-audit --no-fund

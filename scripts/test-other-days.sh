#!/usr/bin/env bash
# Runs the unit tests again on three days and zones far from today (Debian's faketime): a rule
# that reads the real clock instead of the one it is given, or a test that depends on the day it
# runs, fails here. Kiritimati is UTC+14, Pago Pago UTC−11; Los Angeles changes to summer time.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v faketime >/dev/null 2>&1; then
  if [ "${CI:-}" = "true" ]; then echo "faketime is missing (scripts/setup.sh installs it)" >&2; exit 1; fi
  echo "no faketime: the unit tests on other days are skipped (scripts/setup.sh installs it)"
  exit 0
fi
for day in 'Pacific/Kiritimati|2027-03-28 23:30:00' 'America/Los_Angeles|2027-03-14 01:59:30' 'Pacific/Pago_Pago|2031-12-31 23:59:00'; do
  zone=${day%%|*}
  echo "unit tests on ${day#*|} in $zone"
  log=$(mktemp)
  trap 'rm -f "$log"' EXIT
  if TZ=$zone faketime -f "@${day#*|}" npx vitest run --project core --silent >"$log" 2>&1; then
    grep -E 'Test Files|Tests ' "$log"
  else
    cat "$log"
    exit 1
  fi
done

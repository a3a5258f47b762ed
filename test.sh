#!/usr/bin/env bash
# Runs every test: unit, integration (on SQLite and on a PostgreSQL server the tests start themselves)
# and browser tests (the portal on Kestrel, in Debian's Chromium, checked with axe-core).
# Installs what the tests need when it is missing: PostgreSQL's server, Chromium and aiosmtpd (an SMTP
# server) from Debian's packages, the npm packages (govuk-frontend, sass, axe-core). Extra arguments go to `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
compgen -G "/usr/lib/postgresql/*/bin/initdb" > /dev/null || command -v initdb > /dev/null || missing+=(postgresql)
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
# A real SMTP server on loopback for the email tests (Debian's own Python, where apt installs it).
/usr/bin/python3 -c "import aiosmtpd" 2> /dev/null || missing+=(python3-aiosmtpd)
if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: installing ${missing[*]} from Debian's packages"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
fi
[ -f node_modules/axe-core/axe.min.js ] || npm ci --no-audit --no-fund

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test IroPortal.sln "$@" 2>&1 | tee "$log" || status=$?

# One line that counts every test project's results.
awk '/^(Passed|Failed)! +- Failed:/ { gsub(",", ""); failed += $4; passed += $6; skipped += $8 }
     END { printf "Tests: %d passed, %d failed, %d skipped\n", passed, failed, skipped }' "$log"
exit $status

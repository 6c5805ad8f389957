#!/usr/bin/env bash
# Runs every test of the solution on a fresh machine: installs what the tests need from Debian's packages when it
# is missing (Node.js for the widget's build, Chromium for the browser tests, Knot DNS and BIND for the DNS tests,
# and the public suffix list), restores, builds, tests, and ends with one line "N passed, N failed[, N skipped]".
# The tests start their own servers on loopback ports; no system service is used.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is required: install it (https://dot.net) and run this script again." >&2
  exit 1
fi

# Each entry is "command package": the package is installed when the command is missing.
needed=()
for pair in "node nodejs" "npm npm" "chromium chromium" "knotd knot" "kdig knot-dnsutils" "named bind9" \
  "nsupdate bind9-dnsutils"; do
  read -r command package <<<"$pair"
  command -v "$command" >/dev/null 2>&1 || needed+=("$package")
done
[ -f /usr/share/publicsuffix/public_suffix_list.dat ] || needed+=(publicsuffix)

if ((${#needed[@]} > 0)); then
  echo "Installing ${needed[*]} for the tests…"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${needed[@]}" >/dev/null
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT

status=0
dotnet test DomainCall.Sdk.sln --configuration Release --logger "console;verbosity=normal" 2>&1 | tee "$log" \
  || status=$?

# Each test assembly ends with "Total tests: T" followed by "Passed: P", "Failed: F" and "Skipped: S" lines
# (those with a zero count are left out).
awk '
  /^Total tests: / { seen = 1 }
  seen && /^ +Passed: +[0-9]+$/ { passed += $2 }
  seen && /^ +Failed: +[0-9]+$/ { failed += $2 }
  seen && /^ +Skipped: +[0-9]+$/ { skipped += $2 }
  END {
    if (!seen) { print "0 passed, 1 failed"; exit }
    line = passed + 0 " passed, " failed + 0 " failed"
    if (skipped > 0) line = line ", " skipped " skipped"
    print line
  }' "$log"

exit "$status"

#!/usr/bin/env bash
# Runs the whole IgfLive test suite from a clean clone, installing what it needs.
# Usage: ./test.sh            (extra arguments are passed to `dotnet test`)
set -euo pipefail
cd "$(dirname "$0")"

need_apt=()
# Debian packages the suites start or drive as real processes, each installed only when missing:
# redis-server (Redis store, session relay, outage tests), nginx (the local cluster), chromium (browser
# tests). Set IGFLIVE_APT_PACKAGES to override the list.
for pkg in ${IGFLIVE_APT_PACKAGES:-redis-server nginx chromium}; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
# The build bundles the web views with npm and needs Node.js 20 or later (as the README and the
# Dockerfile say). Without npm, Debian's nodejs and npm are installed: Node 20 from Debian 13 on;
# on Debian 12, whose nodejs is 18, install Node 20 first.
command -v npm >/dev/null 2>&1 || need_apt+=(nodejs npm)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "test.sh: installing ${need_apt[*]}"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# The browser tests use the system Chromium; nothing may download another one.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

results_dir="$(pwd)/artifacts/test-results"
rm -rf "$results_dir"
mkdir -p "$results_dir"
log="$results_dir/dotnet-test.log"

set +e
dotnet test IgfLive.sln -c Release \
  --logger "console;verbosity=normal" \
  --logger "trx" --results-directory "$results_dir" \
  "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One closing line for the whole suite, summed over the per-project summaries.
# The console logger closes each test project with "Passed: N", "Failed: N", "Skipped: N" lines.
sum() { awk -v key="$1" '$1 == key && $2 ~ /^[0-9]+$/ { s += $2 } END { print s + 0 }' "$log"; }
passed=$(sum 'Passed:')
failed=$(sum 'Failed:')
skipped=$(sum 'Skipped:')
echo
echo "tests: ${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
if [ "$status" -eq 0 ] && [ "${passed:-0}" -eq 0 ]; then
  echo "test.sh: no test was executed" >&2
  exit 1
fi
exit "$status"

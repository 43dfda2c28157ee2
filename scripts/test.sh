#!/usr/bin/env bash
# `npm test`: every test. Builds what the tests need, runs Vitest (unit/integration) and the
# node:test e2e suite (headless Debian Chromium + the e2e build), and ends with
#   total: N passed, M failed
# (the line CI reads; TOOLING.md §11). Exit status is non-zero when either suite failed.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results
rm -f test-results/vitest.json test-results/e2e.tap

# The e2e build is cheap (~1-2 s) and must match the sources: always rebuild it.
echo "--- build e2e extension (.output-e2e/chrome-mv3)"
build_rc=0
WXT_E2E=1 npx wxt build >test-results/build-e2e.log 2>&1 || {
  build_rc=$?
  cat test-results/build-e2e.log
}
# The Firefox smoke e2e needs the Firefox e2e build (.output-e2e/firefox-mv3).
echo "--- build e2e extension (.output-e2e/firefox-mv3)"
WXT_E2E=1 npx wxt build -b firefox --mv3 >test-results/build-e2e-firefox.log 2>&1 || {
  build_rc=$?
  cat test-results/build-e2e-firefox.log
}
# The manifest test checks the release builds; build them when missing or older than the sources
# (.ci/run builds them right before, so there they are fresh and not rebuilt).
stale() {
  [ ! -f "$1/manifest.json" ] ||
    [ -n "$(find entrypoints lib components assets public wxt.config.ts package.json package-lock.json \
      -type f -newer "$1/manifest.json" 2>/dev/null | head -1)" ]
}
if stale .output/chrome-mv3; then
  echo "--- build release chrome-mv3"
  npx wxt build >test-results/build-chrome.log 2>&1 || { build_rc=$?; cat test-results/build-chrome.log; }
fi
if stale .output/firefox-mv3; then
  echo "--- build release firefox-mv3"
  npx wxt build -b firefox --mv3 >test-results/build-firefox.log 2>&1 || { build_rc=$?; cat test-results/build-firefox.log; }
fi

echo "--- unit (vitest)"
unit_rc=0
npx vitest run --passWithNoTests --reporter=default --reporter=json \
  --outputFile.json=test-results/vitest.json || unit_rc=$?

echo "--- e2e (node:test + playwright-core, headless Chromium)"
e2e_rc=0
# ~10 min alone on 2 CPUs (the privacy test reads 20 pages; the egress-on test reads pages with each
# online feature on; the lifecycle test imports 5,000 rows twice; the upgrade test builds the
# previous release once into .cache/); 30 min leaves room for a loaded machine.
timeout "${E2E_TIMEOUT:-1800}" node --test --test-concurrency=1 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination=test-results/e2e.tap \
  tests/e2e/*.test.mjs || e2e_rc=$?

node tests/e2e/summarize.mjs "$build_rc"
[ "$build_rc" -eq 0 ] && [ "$unit_rc" -eq 0 ] && [ "$e2e_rc" -eq 0 ]

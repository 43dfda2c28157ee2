#!/usr/bin/env bash
# The demo, from a fresh clone: installs what is missing (Debian Chromium via apt, npm packages),
# builds the release extension (Chrome + Firefox) and the e2e build, then runs scripts/demo.mjs:
# the bundled seed article served locally as www.presstv.ir, in Chromium with Masthead loaded.
# Headed when $DISPLAY is set (Ctrl-C to quit); otherwise headless, writing docs/screenshots/*.png.
# Needs ../shared (the seed article) next to the repository, or MASTHEAD_SHARED=/path/to/shared.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\n== %s\n' "$*"; }

# Node ≥ 20.19
node_ok=$(node -e 'const [a,b]=process.versions.node.split(".").map(Number);console.log(a>20||(a===20&&b>=19)?1:0)' 2>/dev/null || echo 0)
if [ "$node_ok" != 1 ]; then
  echo "Masthead needs Node.js >= 20.19 (found: $(node --version 2>/dev/null || echo none))." >&2
  exit 1
fi

if ! command -v "${CHROMIUM_PATH:-chromium}" >/dev/null 2>&1; then
  say "installing Debian chromium (apt)"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
      echo "Chromium is missing: install it with 'apt-get install chromium' (as root)." >&2
      exit 1
    fi
  fi
  $SUDO apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi

# npm ci when node_modules is missing or older than the lockfile.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

mkdir -p test-results
build() {
  local label=$1
  shift
  printf "== build %-44s " "$label"
  if "$@" >"test-results/start-build.log" 2>&1; then echo ok; else
    echo FAILED
    cat test-results/start-build.log
    exit 1
  fi
}
echo
build "release chrome-mv3  (.output/chrome-mv3)" npx wxt build
build "release firefox-mv3 (.output/firefox-mv3)" npx wxt build -b firefox --mv3
build "e2e chrome-mv3  (.output-e2e/chrome-mv3)" env WXT_E2E=1 npx wxt build

say "demo"
exec node scripts/demo.mjs "$@"

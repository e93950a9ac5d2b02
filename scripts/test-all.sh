#!/usr/bin/env bash
# Everything CI runs: install, typecheck, build both targets, unit + e2e tests, one closing line.
set -uo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive NO_COLOR=1

step() { echo "== $*"; }
die() { echo "$*"; echo "0 passed, 1 failed"; exit 1; }

# Browsers for the e2e suites: Chromium (Playwright) and firefox-esr (puppeteer-core over WebDriver BiDi).
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v firefox-esr >/dev/null 2>&1 || missing="$missing firefox-esr"
if [ -n "$missing" ]; then
  step "installing$missing (Debian packages)"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get -o Acquire::Retries=3 update -q >/dev/null || die "apt-get update failed"
  # shellcheck disable=SC2086 # one word per package
  $SUDO apt-get -o Acquire::Retries=3 install -y -q $missing </dev/null >/dev/null || die "$missing install failed"
fi

step "npm ci"
timeout 900 npm ci --no-audit --no-fund </dev/null || die "npm ci failed"
step "typecheck"
timeout 300 npx tsc --noEmit || die "typecheck failed"
step "lint"
timeout 600 npm run --silent lint </dev/null || die "lint failed"
step "build chrome-mv3 + firefox-mv3"
timeout 300 npx wxt build </dev/null >/dev/null || die "chrome build failed"
timeout 300 npx wxt build -b firefox --mv3 </dev/null >/dev/null || die "firefox build failed"

rm -f test-results/unit.json test-results/e2e.json
mkdir -p test-results
step "unit tests"
# 30 min: on the shared 2-core runner the suite took over 15 min when several runs overlapped.
timeout 1800 npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/unit.json </dev/null
step "e2e tests (Chromium, firefox-esr)"
timeout 1800 npx playwright test </dev/null
node scripts/test-summary.mjs

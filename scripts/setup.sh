#!/usr/bin/env bash
# One-time setup on a fresh Debian/Ubuntu machine: Chromium (for the demo and e2e tests), npm deps,
# and both extension builds (.output/chrome-mv3, .output/firefox-mv3).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q chromium
fi
npm ci --no-audit --no-fund
npx wxt build
npx wxt build -b firefox --mv3
echo "Built: .output/chrome-mv3 and .output/firefox-mv3"

#!/usr/bin/env bash
# `npm test`: typecheck, lint (ESLint, with the layer rules; Prettier), unit and
# integration tests (Vitest), the Electronegativity security scan, then the
# end-to-end tests in Chromium (and Electron where its binary is installed).
# Stops at the first failing stage.
set -euo pipefail
cd "$(dirname "$0")/.."

stage() { printf '\n== %s\n' "$*"; }

stage "typecheck"
npm run --silent typecheck

stage "lint (eslint: layer boundaries, typescript-eslint, React hooks; prettier --check)"
npm run --silent lint
npm run --silent format:check

stage "unit and integration tests (vitest)"
npx vitest run

if [ -f scripts/electronegativity.ts ]; then
  stage "Electron security scan (electronegativity)"
  npx tsx scripts/electronegativity.ts
fi

if [ -f playwright.config.ts ]; then
  stage "end-to-end tests in Chromium (playwright)"
  npx playwright test
fi

if [ -f tests/electron/playwright.electron.config.ts ]; then
  stage "Electron end-to-end (skips with a reason where the Electron binary is not installed)"
  if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null 2>&1; then
    xvfb-run -a npx playwright test -c tests/electron/playwright.electron.config.ts
  else
    npx playwright test -c tests/electron/playwright.electron.config.ts
  fi
fi

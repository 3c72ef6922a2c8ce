#!/usr/bin/env bash
# Sets up everything the tests need on a fresh machine, then runs every suite and prints
# `N passed, N failed` from the real counts. This is the README's test command and what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
node scripts/run-tests.mjs all

#!/usr/bin/env bash
# Installs what the project needs from scratch: Debian packages (when run as root), npm packages,
# the build, and the real VS Code (code-server) the end-to-end tests drive. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

npm ci --no-audit --no-fund
npm run build

# The real VS Code (code-server) and headless Chromium for the e2e tests. A failure here does not stop the
# unit tests: the e2e suite runs this script again and reports the reason as a failed test.
bash scripts/setup-e2e.sh || echo "setup: installing code-server/Chromium for the e2e tests failed (see above)" >&2

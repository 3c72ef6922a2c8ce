#!/usr/bin/env bash
# Installs what the project needs from scratch: Debian packages (when run as root), npm packages,
# the build, and the real VS Code (code-server) the end-to-end tests drive. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

npm ci --no-audit --no-fund
npm run build

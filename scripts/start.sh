#!/usr/bin/env bash
# Runs the product for a new user on its embedded default, no AWS account needed: builds and packages the
# extension, installs it into a local code-server (a real VS Code in the browser) on a sample workspace,
# starts the local CodeDeploy endpoint when it is built, and prints the URL to open. Safe to run again:
# set-up steps whose result is there are skipped, and your settings and sample edits are kept.
# usage: bash scripts/start.sh [PORT]      (default 8080, or the next free port)   Ctrl+C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
STATE="$ROOT/.vscode-test/start"                      # git-ignored: user data, extensions, the .vsix
WORKSPACE="$STATE/workspace"
ENTRY="$ROOT/.vscode-test/code-server/node_modules/code-server/out/node/entry.js"

say() { echo "start: $*"; }

# 1. Dependencies and build (npm ci only when the lockfile changed since the last install).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npm run build
bash scripts/setup-e2e.sh --no-browser

# 2. Package and install the extension (offline, into this script's own extensions folder).
mkdir -p "$STATE/user-data/User" "$STATE/extensions" "$STATE/home"
VSIX="$STATE/codedeploy-vscode.vsix"
node node_modules/@vscode/vsce/vsce package --no-dependencies --out "$VSIX" >/dev/null
[ -f "$STATE/home/config.yaml" ] || printf 'auth: none\ncert: false\n' >"$STATE/home/config.yaml"
CS_ARGS=(--config "$STATE/home/config.yaml" --auth none --disable-telemetry --disable-update-check
  --disable-workspace-trust --user-data-dir "$STATE/user-data" --extensions-dir "$STATE/extensions")
export XDG_DATA_HOME="$STATE/home/data" XDG_CONFIG_HOME="$STATE/home/config"
node "$ENTRY" "${CS_ARGS[@]}" --install-extension "$VSIX" --force >/dev/null
[ -f "$STATE/user-data/User/settings.json" ] ||
  printf '{\n  "workbench.startupEditor": "none",\n  "git.openRepositoryInParentFolders": "never"\n}\n' >"$STATE/user-data/User/settings.json"

# 3. A sample workspace: a copy of the e2e fixture (a broken EC2 AppSpec), made once and then yours.
[ -d "$WORKSPACE" ] || cp -a test/e2e/fixtures/broken-ec2 "$WORKSPACE"

# 4. The local CodeDeploy endpoint, when this checkout has it built. Stopped with this script.
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
trap 'exit 130' INT TERM
if [ -f dist/local.js ]; then
  LOCAL_LOG="$STATE/local-endpoint.log"
  : >"$LOCAL_LOG"
  # Two local instances (tags Name=local-N, Environment=local) so a deployment group has somewhere to deploy.
  node dist/local.js --data "$ROOT/.local-codedeploy" --instances 2 >"$LOCAL_LOG" 2>&1 &
  PIDS+=($!)
  # Its contract: the first line says where it serves; wait for it (or for the process to end).
  for _ in $(seq 1 150); do
    grep -q '^codedeploy endpoint ' "$LOCAL_LOG" && break
    kill -0 "${PIDS[-1]}" 2>/dev/null || { say "the local CodeDeploy endpoint stopped:"; cat "$LOCAL_LOG"; exit 1; }
    sleep 0.2
  done
  grep -q '^codedeploy endpoint ' "$LOCAL_LOG" || { say "the local CodeDeploy endpoint did not report its address"; exit 1; }
  BANNER="$(grep -m1 '^codedeploy endpoint ' "$LOCAL_LOG")"
  say "local CodeDeploy: $BANNER"
  # Point the extension at it: endpoint and profile in the user settings (the port changes per start),
  # and its credentials file through the SDK's standard variable, inherited by the extension host.
  read -r _ _ ENDPOINT _ _ _ CREDENTIALS <<<"$BANNER"
  export AWS_SHARED_CREDENTIALS_FILE="$CREDENTIALS"
  node -e '
    const fs = require("fs");
    const [file, endpoint] = process.argv.slice(1);
    let settings;
    try { settings = JSON.parse(fs.readFileSync(file, "utf8")); } catch { process.exit(0); } // hand-edited JSONC: leave it
    Object.assign(settings, { "codedeploy.endpoint": endpoint, "codedeploy.profile": "local-codedeploy" });
    settings["codedeploy.region"] ||= "us-east-1";
    fs.writeFileSync(file, JSON.stringify(settings, null, 2) + "\n");
  ' "$STATE/user-data/User/settings.json" "$ENDPOINT"
else
  say "dist/local.js is not built on this branch; starting without the local CodeDeploy endpoint"
fi

# 5. code-server on loopback only (no password), on the first free port from PORT.
PORT="${1:-8080}"
while ! node -e 'const s=require("net").createServer();s.once("error",()=>process.exit(1));s.listen(+process.argv[1],"127.0.0.1",()=>s.close())' "$PORT"; do
  PORT=$((PORT + 1))
done
URL="http://127.0.0.1:$PORT/?folder=$(node -p 'encodeURIComponent(process.argv[1])' "$WORKSPACE")"
CS_LOG="$STATE/code-server.log"
: >"$CS_LOG"
node "$ENTRY" "${CS_ARGS[@]}" --bind-addr "127.0.0.1:$PORT" "$WORKSPACE" >"$CS_LOG" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 300); do
  grep -q 'HTTP server listening on' "$CS_LOG" && break
  kill -0 "${PIDS[-1]}" 2>/dev/null || { say "code-server stopped:"; cat "$CS_LOG"; exit 1; }
  sleep 0.2
done
grep -q 'HTTP server listening on' "$CS_LOG" || { say "code-server did not start within a minute, see $CS_LOG"; exit 1; }
say "CodeDeploy for VS Code is running. Open in your browser:"
echo
echo "    $URL"
echo
say "(code-server log: $CS_LOG; Ctrl+C stops everything)"
wait "${PIDS[-1]}"

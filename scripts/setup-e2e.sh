#!/usr/bin/env bash
# Installs the real VS Code the end-to-end tests drive: Debian packages (as root, when missing) and
# code-server 4.100.3 in .vscode-test/code-server, following ../shared/recipes/vscode-in-the-browser.md.
# usage: bash scripts/setup-e2e.sh [--no-browser]   (--no-browser: code-server only, for scripts/start.sh)
# code-server's own postinstall downloads ripgrep from GitHub, which these machines cannot reach, so the
# install runs with scripts off and its six steps are done here by hand. Every step is skipped when its
# result is already there, so running this again takes a second.
set -euo pipefail
cd "$(dirname "$0")/.."

CODE_SERVER_VERSION=4.100.3
TOOL_DIR="$PWD/.vscode-test/code-server"
VSCODE_DIR="$TOOL_DIR/node_modules/code-server/lib/vscode"
DONE_MARKER="$TOOL_DIR/.installed-$CODE_SERVER_VERSION"
# Debian packages: chromium shows the workbench; libkrb5-dev has the gssapi headers kerberos builds
# against; ripgrep is VS Code's search binary; the rest build the native modules with node-gyp.
APT_PACKAGES=(libkrb5-dev ripgrep python3 make g++ pkg-config)
[ "${1:-}" = "--no-browser" ] || APT_PACKAGES+=(chromium fonts-liberation)
NATIVE_MODULES=(node-pty @vscode/spdlog kerberos @parcel/watcher native-watchdog @vscode/deviceid)

log() { echo "setup-e2e: $*"; }

install_apt_packages() {
  local missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    log "missing Debian packages: ${missing[*]} (run as root: apt-get install ${missing[*]})" >&2
    return 1
  fi
  log "apt-get install ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# node-gyp would download Node's headers from nodejs.org; the installed Node ships them, so point at it.
node_dir() { node -p 'require("path").resolve(process.execPath, "..", "..")'; }

# The node-gyp bundled with npm (its version pinned by npm's); a pinned one from the registry otherwise.
node_gyp() {
  local bundled
  bundled="$(npm root -g 2>/dev/null)/npm/node_modules/node-gyp/bin/node-gyp.js"
  if [ -f "$bundled" ]; then node "$bundled" "$@"; else npx --yes node-gyp@12.4.0 "$@"; fi
}

install_code_server() {
  if [ -f "$DONE_MARKER" ]; then
    log "code-server $CODE_SERVER_VERSION already installed"
    return 0
  fi
  mkdir -p "$TOOL_DIR"
  # Its own package.json keeps npm from walking up into the project's dependency tree.
  [ -f "$TOOL_DIR/package.json" ] || echo '{ "name": "code-server-tool", "private": true }' >"$TOOL_DIR/package.json"
  local nodedir
  nodedir="$(node_dir)"
  [ -f "$nodedir/include/node/node_api.h" ] || { log "Node headers not found under $nodedir/include/node" >&2; return 1; }
  export npm_config_nodedir="$nodedir"

  # 1. code-server itself, without its postinstall.
  if [ "$(node -p 'try { require(process.argv[1]).version } catch { "" }' "$TOOL_DIR/node_modules/code-server/package.json")" != "$CODE_SERVER_VERSION" ]; then
    log "1/6 npm install code-server@$CODE_SERVER_VERSION"
    (cd "$TOOL_DIR" && npm install --no-audit --no-fund --ignore-scripts --save-exact "code-server@$CODE_SERVER_VERSION")
  fi
  # 2. VS Code's own production dependencies.
  if [ ! -f "$VSCODE_DIR/node_modules/.deps-installed" ]; then
    log "2/6 npm install in lib/vscode"
    (cd "$VSCODE_DIR" && npm install --no-audit --no-fund --omit=dev --ignore-scripts && touch node_modules/.deps-installed)
  fi
  # 3. Native modules, built against this machine's Node.
  for mod in "${NATIVE_MODULES[@]}"; do
    local dir="$VSCODE_DIR/node_modules/$mod"
    [ -d "$dir" ] || { log "native module $mod missing from lib/vscode" >&2; return 1; }
    if [ ! -f "$dir/.node-gyp-built" ]; then
      log "3/6 node-gyp rebuild $mod"
      (cd "$dir" && node_gyp rebuild --nodedir="$nodedir" >"$TOOL_DIR/node-gyp-${mod//\//_}.log" 2>&1) \
        || { log "node-gyp rebuild $mod failed, see $TOOL_DIR/node-gyp-${mod//\//_}.log" >&2; return 1; }
      touch "$dir/.node-gyp-built"
    fi
  done
  # 4. The Debian ripgrep where VS Code looks for its search binary.
  local rg_target="$VSCODE_DIR/node_modules/@vscode/ripgrep/bin/rg"
  if [ ! -x "$rg_target" ]; then
    log "4/6 copy ripgrep"
    mkdir -p "$(dirname "$rg_target")"
    cp "$(command -v rg)" "$rg_target"
  fi
  # 5. VS Code loads some modules from node_modules.asar; unpacked, that is node_modules.
  if [ ! -L "$VSCODE_DIR/node_modules.asar" ]; then
    log "5/6 symlink node_modules.asar"
    ln -sfn node_modules "$VSCODE_DIR/node_modules.asar"
  fi
  # 6. argon2 (password hashing; loaded at start even with --auth none).
  log "6/6 npm rebuild argon2"
  (cd "$TOOL_DIR" && npm rebuild argon2 --foreground-scripts >"$TOOL_DIR/argon2-rebuild.log" 2>&1) \
    || { log "npm rebuild argon2 failed, see $TOOL_DIR/argon2-rebuild.log" >&2; return 1; }
  touch "$DONE_MARKER"
  log "code-server $CODE_SERVER_VERSION installed in .vscode-test/code-server"
}

install_apt_packages
install_code_server

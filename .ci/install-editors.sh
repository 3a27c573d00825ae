#!/usr/bin/env bash
# .ci/install-editors.sh -- install what the real-editor tests need (idempotent; offline-friendly: npm + Debian only).
#
#   * Debian: chromium (drives the VS Code web workbench through playwright-core), neovim (second LSP client),
#     ripgrep, and the native build deps code-server's modules compile against.
#   * code-server 4.100.3 (VS Code 1.100.3, the newest that runs on Node 20) from npm, installed into a cache
#     dir OUTSIDE the repo:  ${EHCP_EDITORS_DIR:-$HOME/.cache/ehcp-editors}/node_modules/code-server
#
# Every pitfall of /work/shared/real-clients-testing.md is handled:
#   root postinstall (npm_config_unsafe_perm), ripgrep download from GitHub (seeded cache tarball holding
#   Debian's rg), npx prompt in node-pty's postinstall (npm_config_yes), kerberos headers (libkrb5-dev), and
#   code-server writing into ~/.config (XDG dirs pointed into the cache dir).
#
# Prints, at the end, the VS Code directory for test/vscode/run.sh (also written to $DIR/vscode-dir).
# Env: EHCP_EDITORS_DIR, CS_VERSION (default 4.100.3), SKIP_APT=1 (don't touch apt; e.g. non-root dev box).
set -euo pipefail

DIR=${EHCP_EDITORS_DIR:-$HOME/.cache/ehcp-editors}
CS_VERSION=${CS_VERSION:-4.100.3}
RG_PKG_VERSION=1.15.11   # @vscode/ripgrep version code-server 4.100.3 depends on
RG_TARBALL=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
t0=$(date +%s)
log() { printf '[install-editors +%ss] %s\n' "$(( $(date +%s) - t0 ))" "$*"; }

# ---------------------------------------------------------------- Debian packages
APT_PKGS=(chromium neovim ripgrep unzip build-essential pkg-config python3 libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev curl ca-certificates)
missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "${SKIP_APT:-0}" = 1 ]; then
    log "SKIP_APT=1 but missing Debian packages: ${missing[*]}"; exit 1
  fi
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
else
  log "Debian packages already installed"
fi

# ---------------------------------------------------------------- code-server from npm
installed_version() {
  node -p "require('$DIR/node_modules/code-server/package.json').version" 2>/dev/null || true
}
if [ "$(installed_version)" = "$CS_VERSION" ] && [ -f "$DIR/node_modules/code-server/lib/vscode/out/server-main.js" ] \
   && [ -f "$DIR/.complete-$CS_VERSION" ]; then
  log "code-server $CS_VERSION already installed in $DIR"
else
  # Pitfall 3: @vscode/ripgrep's postinstall downloads from api.github.com unless its cache holds the tarball.
  RG_CACHE="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-$RG_PKG_VERSION"
  if [ ! -s "$RG_CACHE/$RG_TARBALL" ]; then
    log "seeding ripgrep cache $RG_CACHE with Debian's /usr/bin/rg"
    mkdir -p "$RG_CACHE"; tmp=$(mktemp -d); cp "$(command -v rg)" "$tmp/rg"
    tar czf "$RG_CACHE/$RG_TARBALL" -C "$tmp" rg; rm -rf "$tmp"
  fi
  mkdir -p "$DIR"
  [ -f "$DIR/package.json" ] || printf '{ "name": "ehcp-editors-cache", "private": true }\n' > "$DIR/package.json"
  log "npm install code-server@$CS_VERSION into $DIR (compiles native modules; ~1 min cold)"
  # Pitfalls 1 and 4: root postinstall and npx's "no YES option" in node-pty's postinstall.
  ( cd "$DIR" && npm_config_unsafe_perm=true npm_config_yes=true \
      XDG_CONFIG_HOME="$DIR/xdg/config" XDG_DATA_HOME="$DIR/xdg/data" \
      npm install --no-fund --no-audit --loglevel=error "code-server@$CS_VERSION" )
  [ "$(installed_version)" = "$CS_VERSION" ] || { log "code-server install failed"; exit 1; }
  [ -f "$DIR/node_modules/code-server/lib/vscode/out/server-main.js" ] || { log "server-main.js missing"; exit 1; }
  touch "$DIR/.complete-$CS_VERSION"
fi
VSCODE_DIR="$DIR/node_modules/code-server/lib/vscode"
echo "$VSCODE_DIR" > "$DIR/vscode-dir"

# ---------------------------------------------------------------- sanity
log "chromium: $(chromium --version 2>/dev/null | head -1)"
log "neovim:   $(nvim --version | head -1)"
log "vscode:   $(node -p "require('$VSCODE_DIR/package.json').version") in $VSCODE_DIR"
log "done in $(( $(date +%s) - t0 )) s"
echo "$VSCODE_DIR"

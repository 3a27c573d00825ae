#!/usr/bin/env bash
# test/nvim/run.sh [PLAN]  -- Neovim 0.7 headless (Debian `neovim`, see .ci/install-editors.sh) shows the
# EHCP language server's diagnostics for a plan. The server is started as `node dist/server.cjs --stdio`
# (run `npm run build` first, or leave SKIP_BUILD unset and dist/server.cjs missing to build it here).
# Default PLAN: test/vscode/fixtures/workspace/sam.ehcp.md (copied to a scratch workspace).
# Env: LSP_TIMEOUT_MS, EXPECT_CODE_PATTERN (Lua pattern; default ^outcome%-), SERVER (default dist/server.cjs).
# Exit 0 = diagnostics with rule codes arrived; 1 = they did not; 2 = setup problem.
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SERVER=${SERVER:-$ROOT/dist/server.cjs}
PLAN=${1:-$ROOT/test/vscode/fixtures/workspace/sam.ehcp.md}
command -v nvim >/dev/null || { echo "nvim not found -- run .ci/install-editors.sh" >&2; exit 2; }
if [ ! -f "$SERVER" ] && [ "${SKIP_BUILD:-0}" != 1 ]; then (cd "$ROOT" && npm run --silent build) || exit 2; fi
[ -f "$SERVER" ] || { echo "missing $SERVER (npm run build)" >&2; exit 2; }
[ -f "$PLAN" ] || { echo "missing plan $PLAN" >&2; exit 2; }

STATE=$(mktemp -d /tmp/ehcp-nvim-test.XXXXXX)
trap 'rm -rf "$STATE"' EXIT
mkdir -p "$STATE/ws"
cp "$(dirname "$PLAN")"/.ehcprc.* "$STATE/ws/" 2>/dev/null || true
cp "$PLAN" "$STATE/ws/"
# Keep Neovim's log, shada and LSP log out of $HOME.
export XDG_CONFIG_HOME="$STATE/xdg/config" XDG_DATA_HOME="$STATE/xdg/data" XDG_STATE_HOME="$STATE/xdg/state" XDG_CACHE_HOME="$STATE/xdg/cache"
export LSP_CMD="${LSP_CMD:-node $SERVER --stdio}"
t0=$(date +%s%N)
cd "$STATE/ws" && timeout 60 nvim --headless --clean -u "$HERE/lsp-diag.lua" "$(basename "$PLAN")"
rc=$?
echo "test/nvim/run.sh: $(nvim --version | head -1), exit $rc after $(( ($(date +%s%N) - t0) / 1000000 )) ms"
exit $rc

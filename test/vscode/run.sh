#!/usr/bin/env bash
# test/vscode/run.sh -- run the extension's mocha suite inside a real VS Code (1.100.3) extension host.
#
# VS Code desktop cannot be downloaded here, so this uses the plain VS Code server shipped in the npm
# package code-server 4.100.3 (installed by .ci/install-editors.sh, outside the repo) and drives its web
# workbench with Debian's Chromium (test/vscode/runner.cjs). The extension is loaded from the repo in
# development mode; the suite is .vscode-test/suite/index.cjs (built by test/vscode/build.mjs).
#
# Usage: test/vscode/run.sh            (exit code = suite result; 0 all passed, 1 failures/timeout, 2 setup)
# Env:   VSCODE_DIR     VS Code dir (default: from ${EHCP_EDITORS_DIR:-~/.cache/ehcp-editors}/vscode-dir)
#        EXT_DIR        extension root (default: the repo); needs dist/extension.cjs and dist/server.cjs
#        VSIX=file.vsix run the suite against the packaged extension instead: the .vsix is unzipped into a
#                       temp dir far from any node_modules, which proves the bundle is self-contained
#        SKIP_BUILD=1   don't run `npm run build` / the suite build
#        TEST_TIMEOUT_MS  (default 300000)   GREP=pattern  (mocha grep)   KEEP_STATE=1 (keep logs)
#        ALL_CONSOLE=1  print every browser console line
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
EDITORS=${EHCP_EDITORS_DIR:-$HOME/.cache/ehcp-editors}
VSCODE_DIR=${VSCODE_DIR:-$(cat "$EDITORS/vscode-dir" 2>/dev/null || echo "$EDITORS/node_modules/code-server/lib/vscode")}
EXT_DIR=${EXT_DIR:-$ROOT}
NODE=${NODE:-node}
t0=$(date +%s%N)
ms() { echo $(( ($(date +%s%N) - t0) / 1000000 )); }

if [ ! -f "$VSCODE_DIR/out/server-main.js" ]; then
  echo "VS Code server not found in $VSCODE_DIR -- run .ci/install-editors.sh first" >&2; exit 2
fi
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  if [ "$EXT_DIR" = "$ROOT" ]; then
    (cd "$ROOT" && npm run --silent build) || { echo "npm run build failed" >&2; exit 2; }
  fi
  "$NODE" "$HERE/build.mjs" || { echo "suite build failed" >&2; exit 2; }
fi
STATE=$(mktemp -d /tmp/ehcp-vscode-test.XXXXXX)
if [ -n "${VSIX:-}" ]; then
  [ -f "$VSIX" ] || { echo "missing $VSIX" >&2; rm -rf "$STATE"; exit 2; }
  mkdir -p "$STATE/vsix" && (cd "$STATE/vsix" && unzip -q "$(realpath "$VSIX")") || { echo "cannot unzip $VSIX" >&2; rm -rf "$STATE"; exit 2; }
  EXT_DIR="$STATE/vsix/extension"
  echo "testing the packaged extension $VSIX (unzipped to $EXT_DIR)"
fi
for f in "$EXT_DIR/dist/extension.cjs" "$EXT_DIR/dist/server.cjs" "$ROOT/.vscode-test/suite/index.cjs"; do
  [ -f "$f" ] || { echo "missing $f" >&2; rm -rf "$STATE"; exit 2; }
done

WS="$STATE/workspace"
cp -r "$HERE/fixtures/workspace" "$WS"
export EHCP_VSCODE_TEST_REPORT="$STATE/report.txt"
export EHCP_VSCODE_TEST_WS="$WS" EHCP_VSCODE_TEST_GREP="${GREP:-}"
# code-server/VS Code write into XDG dirs and ~/.config; keep all of it in the scratch dir.
export XDG_CONFIG_HOME="$STATE/xdg/config" XDG_DATA_HOME="$STATE/xdg/data" XDG_CACHE_HOME="$STATE/xdg/cache"
PORT=${PORT:-$("$NODE" -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')}

set -m   # the server gets its own process group: kill -- -PGID also stops extension hosts and watchers
env -u NODE_PATH "$NODE" "$VSCODE_DIR/out/server-main.js" --host 127.0.0.1 --port "$PORT" --without-connection-token \
  --accept-server-license-terms --enable-smoke-test-driver --disable-workspace-trust --disable-telemetry \
  --server-data-dir "$STATE/server" --user-data-dir "$STATE/user" --extensions-dir "$STATE/ext" \
  > "$STATE/server.log" 2>&1 &
PGID=$!
set +m
cleanup() {
  kill -- -"$PGID" 2>/dev/null
  for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 -- -"$PGID" 2>/dev/null || break; sleep 0.2; done
  kill -9 -- -"$PGID" 2>/dev/null
  if [ "${KEEP_STATE:-0}" = 1 ]; then echo "state kept in $STATE"; else rm -rf "$STATE"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

up=0
for _ in $(seq 1 120); do
  if curl -s -o /dev/null "http://127.0.0.1:$PORT/version"; then up=1; break; fi
  kill -0 "$PGID" 2>/dev/null || break
  sleep 0.25
done
if [ $up != 1 ]; then echo "VS Code server did not start:"; cat "$STATE/server.log"; exit 2; fi
echo "VS Code server $(node -p "require('$VSCODE_DIR/package.json').version") up on port $PORT after $(ms) ms"

VSCODE_BASE="http://127.0.0.1:$PORT" EXT_DEV="$EXT_DIR" EXT_TESTS="$ROOT/.vscode-test/suite/index.cjs" WS="$WS" \
  STATE="$STATE" NODE_PATH="$ROOT/node_modules" "$NODE" "$HERE/runner.cjs"
rc=$?
if [ $rc -ne 0 ] && [ "${SHOW_SERVER_LOG:-1}" = 1 ]; then
  echo "--- server log (last 40 lines) ---"; tail -40 "$STATE/server.log"
fi
echo "test/vscode/run.sh: exit $rc after $(ms) ms"
exit $rc

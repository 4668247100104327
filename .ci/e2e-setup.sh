#!/usr/bin/env bash
# Sets up what the real-editor tests (npm run test:e2e) need, idempotently and quietly:
#   - Debian packages: chromium (headless browser), libkrb5-dev (code-server's kerberos module builds
#     from source), ripgrep (stands in for @vscode/ripgrep's GitHub download), fonts-wqy-zenhei
#     (Chinese glyphs in screenshots);
#   - code-server 4.100.3 (VS Code 1.100.3, the newest whose engines accept Node 20) from npm, into a
#     cache folder outside the repo: ${E2E_CACHE:-$HOME/.cache/disclosure-report-e2e}/code-server.
# Prints where things are on its last lines. Output of the installs goes to a log that is shown only
# when a step fails. See shared/notes/real-vscode-tests.md for why each trick is needed.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
RG_CACHE_NAME=vscode-ripgrep-cache-1.15.11
RG_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz

E2E_CACHE="${E2E_CACHE:-$HOME/.cache/disclosure-report-e2e}"
CS_DIR="$E2E_CACHE/code-server"
CS_BIN="$CS_DIR/node_modules/.bin/code-server"
mkdir -p "$E2E_CACHE"
LOG="$E2E_CACHE/setup.log"
: >"$LOG"

fail() {
  echo "e2e-setup: FAILED: $*" >&2
  echo "---- last lines of $LOG ----" >&2
  tail -n 60 "$LOG" >&2 || true
  exit 1
}

run() { # run a command, output to the log; on failure show the log
  if ! "$@" >>"$LOG" 2>&1; then fail "$*"; fi
}

# ---- Debian packages ----------------------------------------------------------------------------
need=()
for p in chromium libkrb5-dev ripgrep fonts-wqy-zenhei; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then need+=("$p"); fi
done
if ((${#need[@]})); then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  run $SUDO apt-get update -q
  run $SUDO apt-get install -y -q --no-install-recommends "${need[@]}"
fi
CHROMIUM="$(command -v chromium || true)"
[ -n "$CHROMIUM" ] || fail "chromium not found after install"
RG="$(command -v rg || true)"
[ -n "$RG" ] || fail "rg not found after install"

# ---- code-server --------------------------------------------------------------------------------
installed_version() {
  node -e 'try{process.stdout.write(require(process.argv[1]).version)}catch{}' \
    "$CS_DIR/node_modules/code-server/package.json" 2>/dev/null || true
}

if [ "$(installed_version)" != "$CODE_SERVER_VERSION" ] || [ ! -x "$CS_BIN" ]; then
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  TMP_INSTALL="$E2E_CACHE/tmp"
  rm -rf "$TMP_INSTALL"
  mkdir -p "$TMP_INSTALL/$RG_CACHE_NAME" "$TMP_INSTALL/rgpack"
  # @vscode/ripgrep's postinstall downloads rg from GitHub; give it Debian's rg as the cached asset.
  cp "$RG" "$TMP_INSTALL/rgpack/rg"
  tar -czf "$TMP_INSTALL/$RG_CACHE_NAME/$RG_ASSET" -C "$TMP_INSTALL/rgpack" rg
  echo '{"name":"code-server-e2e-cache","private":true}' >"$CS_DIR/package.json"
  (
    cd "$CS_DIR"
    export TMPDIR="$TMP_INSTALL"
    export npm_config_unsafe_perm=true   # its postinstall refuses to run as root otherwise
    export npm_config_yes=true           # node-pty's postinstall runs `npx node-gyp`
    export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
    npm install --no-save --no-package-lock "code-server@$CODE_SERVER_VERSION"
  ) >>"$LOG" 2>&1 || fail "npm install code-server@$CODE_SERVER_VERSION"
  rm -rf "$TMP_INSTALL"
  [ "$(installed_version)" = "$CODE_SERVER_VERSION" ] && [ -x "$CS_BIN" ] || fail "code-server not usable after install"
fi

# A quick sanity check that the binary starts (catches a half-built install).
XDG_CONFIG_HOME="$E2E_CACHE/xdg-config" XDG_DATA_HOME="$E2E_CACHE/xdg-data" "$CS_BIN" --version >>"$LOG" 2>&1 || fail "code-server --version"

echo "e2e-setup: code-server $CODE_SERVER_VERSION at $CS_BIN"
echo "e2e-setup: chromium at $CHROMIUM; rg at $RG; log at $LOG"

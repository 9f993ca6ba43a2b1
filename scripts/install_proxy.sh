#!/bin/sh
# Install configurable-http-proxy, the proxy JupyterHub puts in front of the hub and the
# students' servers, for the classroom test (scripts/classroom_test.py). It is an npm package:
# installed into .proxy/ inside the course folder (git-ignored), never globally. Needs Node.js
# and npm (Debian's nodejs and npm packages). Run it again: it does nothing when installed.
set -eu
cd "$(dirname "$0")/.."
VERSION=5.3.0
BIN=.proxy/node_modules/.bin/configurable-http-proxy
if [ -x "$BIN" ] && grep -q "\"version\": \"$VERSION\"" .proxy/node_modules/configurable-http-proxy/package.json; then
    echo "configurable-http-proxy $VERSION already installed in .proxy/"
    exit 0
fi
if ! command -v npm >/dev/null; then
    if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
npm install --prefix .proxy --no-audit --no-fund --no-save --loglevel=error "configurable-http-proxy@$VERSION"
echo "installed configurable-http-proxy $VERSION in .proxy/"

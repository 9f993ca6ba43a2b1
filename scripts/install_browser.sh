#!/bin/sh
# Install the browser the real-browser test (tests/test_browser.py) drives: Debian's chromium,
# and a Chinese font for it (fonts-noto-cjk), so its screenshots show Chinese in the notebooks'
# text as a student's browser would (the plots bring their own font: data/fonts/).
# Playwright's own browser download is never used (`playwright install` fetches a build from
# outside the package registries, which a classroom or CI machine may not reach).
set -eu
FONT=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
if [ -x /usr/bin/chromium ] && [ -f "$FONT" ]; then
    echo "chromium and fonts-noto-cjk already installed"
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    SUDO=sudo
else
    SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
PACKAGES="chromium fonts-noto-cjk"
# A fresh machine has no package lists; stale lists give 404s: update, then retry once.
if [ -z "$(ls /var/lib/apt/lists 2>/dev/null | grep -v -e '^lock$' -e '^partial$' || true)" ]; then
    $SUDO apt-get update
fi
# shellcheck disable=SC2086  # the package list is meant to split
if ! $SUDO apt-get install -y --no-install-recommends $PACKAGES; then
    $SUDO apt-get update
    $SUDO apt-get install -y --no-install-recommends $PACKAGES
fi
echo "installed: $(/usr/bin/chromium --version 2>/dev/null)"

#!/bin/sh
# Installs Debian's `chromium` (headless Chromium, for the HTML report's browser test).
# Idempotent and quiet: does nothing when a chromium binary is already on the PATH.
set -eu

for name in chromium chromium-browser; do
    if command -v "$name" >/dev/null 2>&1; then
        exit 0
    fi
done

if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-chromium: apt-get not found; install Chromium manually (the browser test is skipped without it)" >&2
    exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "ensure-chromium: need root or sudo to install chromium" >&2
        exit 1
    fi
fi

# apt's chatter (debconf notes) is shown only when the install fails.
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
if ! { $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
       $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core; } >"$LOG" 2>&1; then
    cat "$LOG" >&2
    echo "ensure-chromium: installing chromium failed" >&2
    exit 1
fi

if ! command -v chromium >/dev/null 2>&1; then
    echo "ensure-chromium: chromium installed but not on the PATH" >&2
    exit 1
fi
echo "ensure-chromium: $(chromium --version 2>/dev/null || echo chromium) ready"

#!/bin/sh
# Installs Debian's `chromium` (headless Chromium, for the HTML report's browser test).
# Idempotent and quiet: does nothing when a chromium binary is already on the PATH.
set -eu
. "$(dirname "$0")/lib/apt-install.sh"

for name in chromium chromium-browser; do
    if command -v "$name" >/dev/null 2>&1; then
        exit 0
    fi
done
apt_install ensure-chromium chromium fonts-dejavu-core
if ! command -v chromium >/dev/null 2>&1; then
    echo "ensure-chromium: chromium installed but not on the PATH" >&2
    exit 1
fi
echo "ensure-chromium: $(chromium --version 2>/dev/null || echo chromium) ready"

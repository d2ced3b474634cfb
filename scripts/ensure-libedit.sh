#!/bin/sh
# Installs libedit-dev (and pkg-config) so the CLibEdit system library resolves.
# Idempotent and quiet: does nothing when `pkg-config --exists libedit` already succeeds.
set -eu
. "$(dirname "$0")/lib/apt-install.sh"

if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists libedit; then
    exit 0
fi
if command -v pkg-config >/dev/null 2>&1; then
    apt_install ensure-libedit libedit-dev
else
    apt_install ensure-libedit libedit-dev pkg-config
fi
if ! pkg-config --exists libedit; then
    echo "ensure-libedit: libedit-dev installed but pkg-config still cannot find libedit" >&2
    exit 1
fi
echo "ensure-libedit: libedit $(pkg-config --modversion libedit) ready"

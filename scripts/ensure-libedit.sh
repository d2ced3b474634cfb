#!/bin/sh
# Installs libedit-dev (and pkg-config) so the CLibEdit system library resolves.
# Idempotent: does nothing when `pkg-config --exists libedit` already succeeds.
set -eu

if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists libedit; then
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-libedit: apt-get not found; install libedit development files and pkg-config manually" >&2
    exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "ensure-libedit: need root or sudo to install libedit-dev" >&2
        exit 1
    fi
fi

PACKAGES="libedit-dev"
command -v pkg-config >/dev/null 2>&1 || PACKAGES="$PACKAGES pkg-config"

export DEBIAN_FRONTEND=noninteractive
# apt's own error is on stderr; say which script failed and exit non-zero, as ensure-chromium does.
# shellcheck disable=SC2086 # word splitting of the package list is intended
if ! { $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
       $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $PACKAGES >/dev/null; }; then
    echo "ensure-libedit: apt-get could not install $PACKAGES" >&2
    exit 1
fi

if ! pkg-config --exists libedit; then
    echo "ensure-libedit: libedit-dev installed but pkg-config still cannot find libedit" >&2
    exit 1
fi
echo "ensure-libedit: libedit $(pkg-config --modversion libedit) ready"

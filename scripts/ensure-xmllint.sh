#!/bin/sh
# Installs xmllint (Debian's libxml2-utils) for the test that validates the JUnit report
# against the Jenkins schema. Idempotent: does nothing when xmllint is already there.
set -eu

if command -v xmllint >/dev/null 2>&1; then
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-xmllint: apt-get not found; install xmllint (libxml2-utils) manually" >&2
    exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "ensure-xmllint: need root or sudo to install libxml2-utils" >&2
        exit 1
    fi
fi

# apt's own error is on stderr; say which script failed and exit non-zero, as ensure-chromium does.
if ! { $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
       $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libxml2-utils >/dev/null; }; then
    echo "ensure-xmllint: apt-get could not install libxml2-utils" >&2
    exit 1
fi

if ! command -v xmllint >/dev/null 2>&1; then
    echo "ensure-xmllint: libxml2-utils installed but xmllint is still missing" >&2
    exit 1
fi
echo "ensure-xmllint: $(xmllint --version 2>&1 | head -n 1) ready"

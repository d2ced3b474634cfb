#!/bin/sh
# Installs xmllint (Debian's libxml2-utils) for the test that validates the JUnit report
# against the Jenkins schema. Idempotent and quiet: does nothing when xmllint is there.
set -eu
. "$(dirname "$0")/lib/apt-install.sh"

if command -v xmllint >/dev/null 2>&1; then
    exit 0
fi
apt_install ensure-xmllint libxml2-utils
if ! command -v xmllint >/dev/null 2>&1; then
    echo "ensure-xmllint: libxml2-utils installed but xmllint is still missing" >&2
    exit 1
fi
echo "ensure-xmllint: $(xmllint --version 2>&1 | head -n 1) ready"

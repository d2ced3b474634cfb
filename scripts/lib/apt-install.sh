# Sourced by the ensure-*.sh scripts: installs Debian packages as root or through sudo.
# apt's chatter is shown only when the install fails; the failure names the calling script.
# Usage: apt_install SCRIPT-NAME PACKAGE...
apt_install() {
    name=$1
    shift
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "$name: apt-get not found; install $* manually" >&2
        exit 1
    fi
    sudo_cmd=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            sudo_cmd="sudo"
        else
            echo "$name: need root or sudo to install $*" >&2
            exit 1
        fi
    fi
    log=$(mktemp)
    if ! { $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
           $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"; } >"$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        echo "$name: apt-get could not install $*" >&2
        exit 1
    fi
    rm -f "$log"
}

# shellcheck shell=bash
# Set-up steps shared by scripts/run and scripts/test. Source it; it defines
# functions and the variables ANJIAN_ROOT and ANJIAN_VENV, and changes nothing
# until a function is called.
#
# Environment:
#   ANJIAN_PYTHON         the interpreter that creates .venv (default: python3)
#   ANJIAN_SKIP_SYSTEM=1  do not look at or install system packages

ANJIAN_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
ANJIAN_VENV=$ANJIAN_ROOT/.venv
_anjian_cleanup=()

anjian_note() {
    printf 'anjian: %s\n' "$*" >&2
}

anjian_die() {
    printf 'anjian: error: %s\n' "$*" >&2
    exit 2
}

# Remove the temporary directories now (before an exec, which skips the EXIT trap).
anjian_cleanup() {
    local path
    for path in "${_anjian_cleanup[@]}"; do
        rm -rf -- "$path"
    done
    _anjian_cleanup=()
}
trap anjian_cleanup EXIT

# Set the variable named $1 to a fresh temporary directory, removed when the
# script exits. (A variable, not output: $(...) would lose the clean-up entry.)
anjian_tempdir() {
    local dir
    dir=$(mktemp -d "${TMPDIR:-/tmp}/anjian.XXXXXXXX") || anjian_die "cannot create a temporary directory"
    _anjian_cleanup+=("$dir")
    printf -v "$1" '%s' "$dir"
}

# pip and gnome-keyring need a home; CI containers sometimes have none. $1 says
# what becomes of a temporary one: "remove" at exit, or "keep" (for the app
# that the script starts in its place).
anjian_ensure_home() {
    if [ -n "${HOME:-}" ] && [ -d "$HOME" ]; then
        return 0
    fi
    if [ "$1" = keep ]; then
        HOME=$(mktemp -d "${TMPDIR:-/tmp}/anjian-home.XXXXXXXX") || anjian_die "cannot create a temporary HOME"
    else
        anjian_tempdir HOME
    fi
    export HOME
    anjian_note "HOME was unset or missing; using the temporary $HOME"
}

# The packages of the given groups (see system-packages.txt), one a line.
anjian_package_list() {
    awk -v groups=" $* " '
        { sub(/#.*/, "") }
        NF >= 2 && index(groups, " " $2 " ") { print $1 }
    ' "$ANJIAN_ROOT/scripts/system-packages.txt"
}

# Names of installed packages and of what they provide, one a line.
_anjian_installed_names() {
    dpkg-query -W -f='${db:Status-Status} ${Package} ${Provides}\n' 2>/dev/null | awk '
        $1 == "installed" {
            print $2
            $1 = ""; $2 = ""
            provides = $0
            gsub(/\([^)]*\)/, "", provides)   # drop version constraints
            n = split(provides, names, /[ ,]+/)
            for (i = 1; i <= n; i++) if (names[i] != "") print names[i]
        }'
}

# Install what is missing of the given groups, plus the extra packages named
# after "--". Does nothing (quickly) when all are there; needs root or
# passwordless sudo, and only notes what is missing otherwise.
anjian_system_packages() {
    local groups=() extra=() wanted=() missing=() pkg
    while [ $# -gt 0 ]; do
        if [ "$1" = -- ]; then shift; extra=("$@"); break; fi
        groups+=("$1"); shift
    done
    if [ "${ANJIAN_SKIP_SYSTEM:-}" = 1 ]; then
        return 0
    fi
    if ! command -v dpkg-query >/dev/null 2>&1; then
        anjian_note "not a Debian/Ubuntu system: install the equivalents of scripts/system-packages.txt (${groups[*]}) yourself"
        return 0
    fi
    mapfile -t wanted < <(anjian_package_list "${groups[@]}")
    wanted+=("${extra[@]}")
    local installed
    installed=$(_anjian_installed_names)
    for pkg in "${wanted[@]}"; do
        grep -qxF -- "$pkg" <<<"$installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0

    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            sudo=(sudo -n)
        else
            anjian_note "missing system packages (not root, no passwordless sudo, so not installing): ${missing[*]}"
            anjian_note "install them with: sudo apt-get install ${missing[*]}"
            return 0
        fi
    fi
    anjian_note "installing system packages: ${missing[*]}"
    local tmp log
    anjian_tempdir tmp
    log=$tmp/apt.log
    # The lock timeout lets us wait for an unattended upgrade instead of failing.
    if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 update -q >"$log" 2>&1 \
        || ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -q \
            --no-install-recommends "${missing[@]}" >>"$log" 2>&1; then
        cat "$log" >&2
        anjian_note "could not install all system packages; going on, but expect failures"
    fi
}

# The interpreter that creates the venv; dies if it is too old.
anjian_python() {
    local python=${ANJIAN_PYTHON:-python3}
    command -v "$python" >/dev/null 2>&1 \
        || anjian_die "$python not found: install Python 3.11 or newer (apt-get install python3 python3-venv)"
    "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
        || anjian_die "$python is $("$python" -V 2>&1); Anjian needs Python 3.11 or newer (set ANJIAN_PYTHON)"
    printf '%s\n' "$python"
}

# Debian splits venv/ensurepip off into python3-venv: name it if it is needed.
anjian_python_packages() {
    local python=${ANJIAN_PYTHON:-python3}
    if ! command -v "$python" >/dev/null 2>&1; then
        printf '%s\n' python3 python3-venv
    elif ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
        printf '%s\n' python3-venv
    fi
}

# Create .venv if needed and install Anjian into it, editable, with the given
# extras (e.g. "[test]"). pip runs every time: the build hook then recompiles
# the translation catalogues from the .po files.
anjian_venv() {
    local extras=${1:-} python tmp log
    python=$(anjian_python) || exit
    anjian_tempdir tmp
    log=$tmp/pip.log
    # Two runs at once (two terminals, an editor's test runner) must not
    # install into the same venv at the same time.
    exec 9>"$ANJIAN_ROOT/.venv.lock"
    flock 9
    if ! "$ANJIAN_VENV/bin/python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1; then
        anjian_note "creating $ANJIAN_VENV"
        "$python" -m venv --clear "$ANJIAN_VENV" >"$log" 2>&1 || { cat "$log" >&2; anjian_die "could not create the venv"; }
    fi
    if ! PIP_DISABLE_PIP_VERSION_CHECK=1 "$ANJIAN_VENV/bin/python" -m pip install \
        --editable "$ANJIAN_ROOT$extras" >"$log" 2>&1; then
        cat "$log" >&2
        anjian_die "pip could not install Anjian into $ANJIAN_VENV (output above)"
    fi
    flock -u 9
    exec 9>&-
}

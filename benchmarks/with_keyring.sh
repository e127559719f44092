#!/usr/bin/env bash
# usage: benchmarks/with_keyring.sh COMMAND [ARGS...]
#
# Runs COMMAND against a private, unlocked Secret Service: a new D-Bus session
# bus with its own gnome-keyring-daemon (scripts/lib/keyring-session, the same
# helper scripts/test uses), whose keyrings, control socket and python-keyring
# configuration live in a temporary folder removed afterwards. The user's own
# keyring is never touched. Exports ANJIAN_BENCH_PRIVATE_KEYRING=1, which the
# benchmarks that write under the default service "anjian" require.
#
# Unlike scripts/test it keeps HOME (the interpreter's start-up must stay the
# one being measured) and DISPLAY (for --platform xcb under Xvfb); the keyring
# is unlocked, so no prompt can open. Needs dbus-run-session (package dbus)
# and gnome-keyring-daemon (package gnome-keyring).
set -u

if [ $# -eq 0 ]; then
    echo "usage: $0 COMMAND [ARGS...]" >&2
    exit 2
fi
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
session=$root/scripts/lib/keyring-session
for tool in dbus-run-session gnome-keyring-daemon "$session"; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "$0: $tool not found (packages dbus, gnome-keyring; see scripts/system-packages.txt)" >&2
        exit 2
    fi
done

sandbox=$(mktemp -d "${TMPDIR:-/tmp}/anjian-bench.XXXXXXXX") || exit 2
trap 'rm -rf -- "$sandbox"' EXIT
mkdir -p "$sandbox/data" "$sandbox/config" "$sandbox/cache" "$sandbox/runtime"
chmod 700 "$sandbox/runtime"

# A keyringrc.cfg under XDG_CONFIG_HOME or PYTHON_KEYRING_BACKEND could send
# keyring (and Anjian's open_vault) elsewhere: neither survives.
rc=0
env -u DBUS_SESSION_BUS_ADDRESS -u DBUS_STARTER_ADDRESS -u GNOME_KEYRING_CONTROL \
    -u PYTHON_KEYRING_BACKEND \
    XDG_DATA_HOME="$sandbox/data" \
    XDG_CONFIG_HOME="$sandbox/config" \
    XDG_CACHE_HOME="$sandbox/cache" \
    XDG_RUNTIME_DIR="$sandbox/runtime" \
    ANJIAN_KEYRING_LOG="$sandbox/keyring-daemon.log" \
    ANJIAN_BENCH_PRIVATE_KEYRING=1 \
    dbus-run-session -- "$session" "$@" || rc=$?
exit "$rc"

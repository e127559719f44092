#!/usr/bin/env bash
# usage: benchmarks/run_all.sh
#
# Runs bench_storage.py, bench_cli.py, bench_gui_start.py, bench_tray_idle.py (and
# the feature benchmarks listed below) inside one private
# keyring (benchmarks/with_keyring.sh) and prints a summary table, one line per
# target. Exits 0 if every target is met, 1 if one is missed, 2 if one could not
# be measured.
#
# Environment:
#   PYTHON                  the interpreter (default: .venv/bin/python of the
#                           checkout if there is one, else python3)
#   ANJIAN_BENCH_REPEAT     timed runs of each side, for every benchmark
#   ANJIAN_BENCH_PLATFORM   Qt platform of bench_gui_start.py: offscreen
#                           (default) or xcb (needs DISPLAY, e.g. xvfb-run -a)
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [ -z "${PYTHON:-}" ]; then
    if [ -x "$here/../.venv/bin/python" ]; then
        PYTHON=$here/../.venv/bin/python
    else
        PYTHON=python3
    fi
fi
export PYTHON

if [ "${ANJIAN_BENCH_PRIVATE_KEYRING:-}" != 1 ]; then
    exec "$here/with_keyring.sh" "$0" "$@"
fi

summary=$(mktemp "${TMPDIR:-/tmp}/anjian-bench-summary.XXXXXXXX") || exit 2
trap 'rm -f -- "$summary"' EXIT
export ANJIAN_BENCH_SUMMARY=$summary

worst=0
run() {
    local name=$1 before rc=0
    shift
    before=$(wc -l <"$summary")
    echo "######## $name"
    "$PYTHON" "$here/$name.py" "$@" || rc=$?
    echo
    if [ "$(wc -l <"$summary")" -eq "$before" ]; then
        # It died before reporting (a traceback exits 1): say so in the table.
        printf '%-16s %s\n' "$name" "ERROR  (exited with $rc before reporting)" >>"$summary"
        rc=2
    fi
    [ "$rc" -gt 2 ] && rc=2
    [ "$rc" -gt "$worst" ] && worst=$rc
    return 0
}

echo "python: $("$PYTHON" -c 'import sys; print(sys.executable, sys.version.split()[0])')"
echo
run bench_storage
run bench_cli
run bench_gui_start --platform "${ANJIAN_BENCH_PLATFORM:-offscreen}"
run bench_password_scorer
run bench_password_page --platform "${ANJIAN_BENCH_PLATFORM:-offscreen}"
run bench_tray_idle

echo "######## summary (ratio = our median / baseline median)"
"$PYTHON" "$here/_measure.py" table "$summary"
exit "$worst"

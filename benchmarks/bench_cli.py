"""``anjian-cli check`` wall time, against ``python -c "import keyring"``.

Target: the median wall time of ``check`` (spawn to exit, with a 100-account
state saved) <= 1.3 x the median of the same interpreter running
``-c "import keyring"``. The two commands alternate, 3 warm-ups then 20 runs
each by default.

The CLI runs as ``<python> -m anjian.cli check`` by default, the same interpreter
as the baseline; ``--console-script`` runs the installed ``anjian-cli`` next to
that interpreter instead (what users type; its wrapper adds ``import re``).

It saves the state under the default service ``anjian``, so it must run in a
private keyring: ``benchmarks/with_keyring.sh python benchmarks/bench_cli.py``.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
import tempfile
from pathlib import Path

import _measure as m

LIMIT = 1.3
ACCOUNTS = 100


def main() -> int:
    p = m.parser(__doc__.splitlines()[0], repeat=20, warmup=3)
    p.add_argument("--console-script", action="store_true",
                   help="run the installed anjian-cli instead of python -m anjian.cli")
    args = p.parse_args()
    m.require_private_keyring("bench_cli.py")

    scratch = tempfile.mkdtemp(prefix="anjian-bench-")
    config = os.path.join(scratch, "config")
    os.mkdir(config)
    os.environ["ANJIAN_CONFIG_DIR"] = config  # preferences and the save lock
    env = m.child_env(args, scratch)
    if args.console_script:
        script = Path(sys.executable).with_name("anjian-cli")
        if not script.exists():
            print(f"no console script at {script}", file=sys.stderr)
            return m.EXIT_ERROR
        ours_cmd = [str(script), "check"]
    else:
        ours_cmd = [sys.executable, "-m", "anjian.cli", "check"]
    base_cmd = [sys.executable, "-c", "import keyring"]

    verdicts: list[m.Verdict] = []
    try:
        m.seed_default_state(ACCOUNTS)
        # Exit 1 is a result (something is due), not a failure.
        first = m.run_process(ours_cmd, env, ok_codes=(0, 1))
        if f"{ACCOUNTS} " not in first.stdout:
            raise m.BenchError(f"check did not report the saved state: {first.stdout.strip()!r}")
        print(f"interpreter: {sys.executable}")
        print(f"ours:     {shlex.join(ours_cmd)}")
        print(f"          -> exit {first.returncode}: "
              f"{' / '.join(first.stdout.strip().splitlines()[:4])}")
        print(f"baseline: {shlex.join(base_cmd)}\n")
        runs = m.interleaved(
            {"baseline": m.process_case(base_cmd, env),
             "ours": m.process_case(ours_cmd, env, ok_codes=(0, 1))},
            repeat=args.repeat, warmup=args.warmup,
        )
        verdicts.append(m.compare(
            "cli.check", "anjian-cli check (spawn to exit)", runs["ours"],
            'python -c "import keyring"', runs["baseline"], LIMIT,
        ))
    except m.BenchError as exc:
        verdicts.append(m.failed("cli.check", LIMIT, str(exc)))
    finally:
        m.remove_default_state()
        shutil.rmtree(scratch, ignore_errors=True)
    return m.finish(verdicts)


if __name__ == "__main__":
    raise SystemExit(main())

"""GUI cold start to first paint, against a bare PySide6 window.

Target: the median wall time from spawn to exit of ``python -m anjian`` with
``ANJIAN_QUIT_AFTER_FIRST_PAINT=1`` (the app quits right after its main window's
first paint) <= 2.5 x the median of a tiny script that creates a QApplication
and a QMainWindow, shows it and quits right after its first paint. The two
alternate, 3 warm-ups then 20 runs each by default.

Both run with ``QT_QPA_PLATFORM=offscreen`` unless ``--platform xcb`` is given
(then ``DISPLAY`` must be set: run under ``xvfb-run -a`` on a headless machine),
and with ``ANJIAN_CONFIG_DIR`` set to a temporary folder. A 100-account state is
saved first under the default service ``anjian``, so the app starts the way a
returning user's does: it must run in a private keyring,
``benchmarks/with_keyring.sh python benchmarks/bench_gui_start.py``.
``--baseline-only`` measures the bare window alone (no keyring needed).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
import tempfile
from pathlib import Path

import _measure as m

LIMIT = 2.5
ACCOUNTS = 100
HOOK = "ANJIAN_QUIT_AFTER_FIRST_PAINT"
TIMEOUT_S = 60.0

BARE_WINDOW = """\
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, QApplication.quit)
        return False


app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("Bare window")
window.resize(960, 640)
first_paint = FirstPaint()
window.installEventFilter(first_paint)
window.show()
sys.exit(app.exec())
"""


def _hook_present() -> str | None:
    """Why the quit-after-first-paint hook cannot be used, or ``None`` if it can."""
    spec = importlib.util.find_spec("anjian.ui.app")
    if spec is None or spec.origin is None:
        return "anjian.ui.app does not exist yet"
    if HOOK not in Path(spec.origin).read_text(encoding="utf-8"):
        return f"anjian.ui.app does not read {HOOK} yet"
    return None


def main() -> int:
    p = m.parser(__doc__.splitlines()[0], repeat=20, warmup=3)
    p.add_argument("--platform", choices=("offscreen", "xcb"), default="offscreen",
                   help="Qt platform plugin (default offscreen; xcb needs DISPLAY)")
    p.add_argument("--baseline-only", action="store_true",
                   help="measure only the bare window (no keyring, no Anjian)")
    args = p.parse_args()
    if args.platform == "xcb" and not os.environ.get("DISPLAY"):
        print("--platform xcb needs a display: set DISPLAY, or run under xvfb-run -a",
              file=sys.stderr)
        return m.EXIT_ERROR
    missing = None if args.baseline_only else _hook_present()
    if not args.baseline_only and missing is None:
        m.require_private_keyring("bench_gui_start.py")

    scratch = tempfile.mkdtemp(prefix="anjian-bench-")
    config = os.path.join(scratch, "config")
    os.mkdir(config)
    os.environ["ANJIAN_CONFIG_DIR"] = config
    env = m.child_env(args, scratch)
    env.update({"QT_QPA_PLATFORM": args.platform, HOOK: "1"})
    bare = os.path.join(scratch, "bare_window.py")
    Path(bare).write_text(BARE_WINDOW, encoding="utf-8")
    base_cmd = [sys.executable, bare]
    ours_cmd = [sys.executable, "-m", "anjian"]
    print(f"interpreter: {sys.executable}; QT_QPA_PLATFORM={args.platform}")
    print("baseline: python <bare QMainWindow, quit after first paint>")
    print(f"ours:     python -m anjian with {HOOK}=1\n")

    verdicts: list[m.Verdict] = []
    seeded = False
    try:
        m.run_process(base_cmd, env, TIMEOUT_S)
        if missing is not None or args.baseline_only:
            runs = m.interleaved({"baseline": m.process_case(base_cmd, env, TIMEOUT_S)},
                                 repeat=args.repeat, warmup=args.warmup)
            if args.baseline_only:
                print("== gui.start (baseline only) ==")
                m.info("baseline: bare QMainWindow to first paint", runs["baseline"])
                print()
                return m.EXIT_PASS
            verdicts.append(m.failed("gui.start", LIMIT, missing, runs["baseline"]))
        else:
            m.seed_default_state(ACCOUNTS)
            seeded = True
            m.run_process(ours_cmd, env, TIMEOUT_S)
            runs = m.interleaved(
                {"baseline": m.process_case(base_cmd, env, TIMEOUT_S),
                 "ours": m.process_case(ours_cmd, env, TIMEOUT_S)},
                repeat=args.repeat, warmup=args.warmup,
            )
            verdicts.append(m.compare(
                "gui.start", "python -m anjian to first paint", runs["ours"],
                "bare QMainWindow to first paint", runs["baseline"], LIMIT,
            ))
    except m.BenchError as exc:
        verdicts.append(m.failed("gui.start", LIMIT, str(exc)))
    finally:
        if seeded:
            m.remove_default_state()
        shutil.rmtree(scratch, ignore_errors=True)
    return m.finish(verdicts)


if __name__ == "__main__":
    raise SystemExit(main())

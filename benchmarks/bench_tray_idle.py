"""Anjian idling in the tray: timer wake-ups and memory, against a bare window with a tray icon.

Targets (issue #7):

* wake-ups: no more than one a minute from our timers. Counted as the timer
  events the Qt event loop delivers, over ``--idle`` seconds once both have
  settled, minus those of the baseline (Qt's own): (ours - baseline) / minutes
  <= 1.0. The process's context switches over the same window are printed too.
* memory: resident set size (VmRSS) at the end of the idle window
  <= 1.3 x the baseline's.

Baseline: a QApplication with a hidden QMainWindow and a shown QSystemTrayIcon.
Ours: what ``anjian --background`` runs on a desktop with a tray: the tray
agent (icon, menu, reminder tick) that asks a short-lived ``anjian-cli remind``
child what is due (the first time at start, then every 5 minutes; the child's
memory is not the tray's and is not counted), over a 100-account state in
the keyring. Both run at the same time as child processes, with
``QT_QPA_PLATFORM=offscreen`` (where no tray is drawn; the icon object still
exists). Needs a private keyring: ``benchmarks/with_keyring.sh python
benchmarks/bench_tray_idle.py``. Linux only (reads /proc).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import _measure as m

WAKEUP_LIMIT_PER_MIN = 1.0
RSS_LIMIT = 1.3
ACCOUNTS = 100
SETTLE_S = 5.0

CHILD = r'''
import json, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QIcon

mode, settle, idle = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])


def proc_status():
    fields = {}
    with open("/proc/self/status") as status:
        for line in status:
            key, _, value = line.partition(":")
            fields[key] = value.strip()
    return (int(fields["VmRSS"].split()[0]) * 1024,
            int(fields["voluntary_ctxt_switches"]) + int(fields["nonvoluntary_ctxt_switches"]))


class TimerCounter(QObject):
    def __init__(self):
        super().__init__()
        self.counting = False
        self.events = 0
        self.by_receiver = {}

    def eventFilter(self, watched, event):
        if self.counting and event.type() == QEvent.Type.Timer:
            self.events += 1
            parent = watched.parent()
            name = watched.metaObject().className() + ("<" + parent.metaObject().className() + ">" if parent is not None else "")
            self.by_receiver[name] = self.by_receiver.get(name, 0) + 1
        return False


if mode == "bare":
    from PySide6.QtWidgets import QApplication, QMainWindow, QSystemTrayIcon
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(960, 640)
    tray = QSystemTrayIcon(QIcon(sys.argv[4]))
    tray.show()
else:
    from anjian.preferences import load_preferences
    from anjian.ui.app import create_application, run_in_tray
    from anjian.ui.language import InterfaceLanguage
    app = create_application(sys.argv[:1])
    language = InterfaceLanguage(app, "zh_CN")

counter = TimerCounter()
app.installEventFilter(counter)
result = {}


def start():
    result["rss0"], result["ctx0"] = proc_status()
    result["t0"] = time.monotonic()
    counter.counting = True


def stop():
    counter.counting = False
    rss, ctx = proc_status()
    result.update(rss=rss, ctx=ctx - result["ctx0"], seconds=time.monotonic() - result["t0"],
                  timer_events=counter.events, by_receiver=counter.by_receiver)
    if mode != "bare":
        from anjian.ui.agent import TrayAgent
        agent = app.findChild(TrayAgent)
        result["checks"] = agent.checks if agent else 0
        result["due_shown"] = len(agent.tray.due) if agent else 0
    app.quit()


QTimer.singleShot(int(settle * 1000), start)
QTimer.singleShot(int((settle + idle) * 1000), stop)
if mode == "bare":
    app.exec()
else:
    run_in_tray(app, language, load_preferences())  # what `anjian --background` runs
print(json.dumps(result))
'''


def _run_both(script: str, env: dict[str, str], idle: float, icon: str) -> tuple[dict, dict]:
    timeout = SETTLE_S + idle + 60
    procs = {
        mode: subprocess.Popen([sys.executable, script, mode, str(SETTLE_S), str(idle), icon],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for mode in ("bare", "ours")
    }
    results = {}
    for mode, proc in procs.items():
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            raise m.BenchError(f"{mode} did not finish in {timeout:.0f} s") from None
        if proc.returncode != 0 or not out.strip():
            raise m.BenchError(f"{mode} exited with {proc.returncode}: {err.strip()[-400:]}")
        results[mode] = json.loads(out.strip().splitlines()[-1])
    return results["bare"], results["ours"]


def _line(name: str, ours: str, base: str, ratio: str, target: str, ok: bool) -> str:
    return (f"{name:<16} {ours:>11} {base:>11} {ratio:>7} {target:>8}  "
            f"{'PASS' if ok else 'MISSED'}")


def main() -> int:
    p = m.parser(__doc__.splitlines()[0], repeat=1, warmup=0)
    p.add_argument("--idle", type=float, default=60.0,
                   help="seconds of idling measured, after 5 s to settle (default 60)")
    args = p.parse_args()
    if not Path("/proc/self/status").exists():
        print("bench_tray_idle.py reads /proc: Linux only", file=sys.stderr)
        return m.EXIT_ERROR
    m.require_private_keyring("bench_tray_idle.py")
    scratch = tempfile.mkdtemp(prefix="anjian-bench-")
    config = os.path.join(scratch, "config")
    os.mkdir(config)
    os.environ["ANJIAN_CONFIG_DIR"] = config
    env = m.child_env(args, scratch)
    env["QT_QPA_PLATFORM"] = "offscreen"
    script = os.path.join(scratch, "idle_child.py")
    Path(script).write_text(CHILD, encoding="utf-8")
    from anjian.paths import resources_dir

    icon = str(resources_dir() / "icons" / "anjian.svg")
    print(f"interpreter: {sys.executable}; QT_QPA_PLATFORM=offscreen; "
          f"settle {SETTLE_S:.0f} s, then {args.idle:.0f} s idle, both at once\n")
    try:
        m.seed_default_state(ACCOUNTS)
        bare, ours = _run_both(script, env, args.idle, icon)
    except m.BenchError as exc:
        verdict = m.failed("tray.idle", RSS_LIMIT, str(exc))
        return m.finish([verdict])
    finally:
        m.remove_default_state()
        shutil.rmtree(scratch, ignore_errors=True)

    if not ours.get("due_shown"):
        verdict = m.failed("tray.idle", RSS_LIMIT, "the agent showed no due items: "
                           f"{ours.get('checks', 0)} checks ran")
        return m.finish([verdict])
    minutes = ours["seconds"] / 60
    excess = max(0, ours["timer_events"] - bare["timer_events"]) / minutes
    rss_ratio = ours["rss"] / bare["rss"]
    print("== tray.wakeups ==")
    for label, r in (("baseline: bare window + tray icon", bare), ("ours:     anjian in the tray", ours)):
        print(f"  {label:<36} timer events {r['timer_events']:>4} in {r['seconds']:.1f} s "
              f"({r['timer_events'] / (r['seconds'] / 60):.2f}/min)   context switches "
              f"{r['ctx']:>5} ({r['ctx'] / (r['seconds'] / 60):.1f}/min)   by receiver "
              f"{r['by_receiver']}")
    print(f"  ours minus baseline: {excess:.2f} timer wake-ups a minute "
          f"(target <= {WAKEUP_LIMIT_PER_MIN:.2f})")
    from anjian.core.reminders.clock import TICK_SECONDS

    print(f"  (the reminder tick itself: once every {TICK_SECONDS} s, "
          f"{60 / TICK_SECONDS:.1f}/min, by design; it may fall outside the window)")
    print(f"  the agent ran {ours['checks']} check(s); the tray shows {ours['due_shown']} due items")
    print("== tray.rss ==")
    print(f"  baseline: {bare['rss'] / 2**20:.1f} MiB   ours: {ours['rss'] / 2**20:.1f} MiB   "
          f"ratio {rss_ratio:.2f} (target <= {RSS_LIMIT:.2f})\n")

    lines = [
        _line("tray.wakeups", f"{ours['timer_events'] / minutes:.2f}/min",
              f"{bare['timer_events'] / minutes:.2f}/min", f"+{excess:.2f}",
              f"<= +{WAKEUP_LIMIT_PER_MIN:.0f}", excess <= WAKEUP_LIMIT_PER_MIN),
        _line("tray.rss", f"{ours['rss'] / 2**20:.1f} MiB", f"{bare['rss'] / 2**20:.1f} MiB",
              f"{rss_ratio:.2f}", f"<= {RSS_LIMIT:.2f}", rss_ratio <= RSS_LIMIT),
    ]
    print(m.SUMMARY_HEADER)
    for line in lines:
        print(line)
    summary = os.environ.get(m.SUMMARY_ENV)
    if summary:
        with open(summary, "a", encoding="utf-8") as out:
            out.writelines(line + "\n" for line in lines)
    ok = excess <= WAKEUP_LIMIT_PER_MIN and rss_ratio <= RSS_LIMIT
    return m.EXIT_PASS if ok else m.EXIT_MISSED


if __name__ == "__main__":
    raise SystemExit(main())

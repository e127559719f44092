"""What Anjian needs from its Qt binding, checked on the installed one."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    ping = Signal()


def test_emitting_a_signal_keeps_python_reference_counts_intact(qapp):
    # PySide6 6.12.0 returns True from Signal.emit() without taking a reference.
    # Before Python 3.12 (where True became immortal) every emit then costs True
    # one reference, and after a few dozen emits Python aborts with "Fatal Python
    # error: bool_dealloc". The fix is the dependency's version range, not here.
    emitter = _Emitter()
    before = sys.getrefcount(True)

    for _ in range(10):
        emitter.ping.emit()

    assert sys.getrefcount(True) >= before, (
        "this PySide6 loses a reference to True on every Signal.emit(); "
        "install PySide6-Essentials < 6.12 (or use Python >= 3.12)")

"""The enrollment drill, drawn from :mod:`anjian.core.twofactor.drill`.

This widget holds the current :class:`Drill` and draws its step: the title,
guidance and needs come from the step table in core, and every move (start,
next, back, a typed code) goes through core's functions. The drill's secret
lives only in this widget's memory and is never saved.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timezone

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from anjian.core.twofactor import drill as flow
from anjian.core.twofactor.drill import Drill, Step
from anjian.core.twofactor.totp import Verdict
from anjian.i18n import N_, Text
from anjian.ui.context import PageContext
from anjian.ui.pages import heading_font, scrolling_column, wrapping_label
from anjian.ui.qr import QrCodeView

Clock = Callable[[], datetime]

_STYLE = """
QFrame#outcome { border-radius: 6px; border: 1px solid palette(mid);
                 background: palette(alternate-base); }
QLabel#secret { font-size: 15pt; letter-spacing: 1px; }
"""


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


class DrillTab(QWidget):
    """Practise adding an authenticator entry and typing its code."""

    map_requested = Signal()  # "Open the 2FA map" on the result step

    def __init__(self, context: PageContext, parent: QWidget | None = None,
                 clock: Clock = _utc_now,
                 random_bytes: Callable[[int], bytes] = secrets.token_bytes) -> None:
        super().__init__(parent)
        self._context = context
        self.clock = clock
        self._random_bytes = random_bytes
        self.drill: Drill | None = None
        self.setStyleSheet(_STYLE)

        body, column = scrolling_column(self, (16, 14, 16, 14), 10)

        self.heading = QLabel(body)
        heading_font(self.heading, 1.2)
        self.guidance = wrapping_label(body)
        self.needs = wrapping_label(body)
        column.addWidget(self.heading)
        column.addWidget(self.guidance)
        column.addWidget(self.needs)

        # The QR code and the setup key, shown while scanning and typing.
        self.setup = QWidget(body)
        setup_row = QHBoxLayout(self.setup)
        setup_row.setContentsMargins(0, 0, 0, 0)
        setup_row.setSpacing(20)
        self.qr = QrCodeView(self.setup, minimum=200)
        self.qr.setMaximumSize(260, 260)
        setup_row.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignTop)
        details = QGridLayout()
        details.setVerticalSpacing(6)
        self.secret_caption = QLabel(self.setup)
        self.secret = QLabel(self.setup)
        self.secret.setObjectName("secret")
        self.secret.setTextFormat(Qt.TextFormat.PlainText)
        self.secret.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.secret.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.secret.setWordWrap(True)
        self.issuer_caption, self.issuer = QLabel(self.setup), QLabel(self.setup)
        self.label_caption, self.label = QLabel(self.setup), QLabel(self.setup)
        self.kind_caption, self.kind = QLabel(self.setup), QLabel(self.setup)
        for row, (caption, value) in enumerate((
                (self.secret_caption, self.secret), (self.issuer_caption, self.issuer),
                (self.label_caption, self.label), (self.kind_caption, self.kind))):
            value.setTextFormat(Qt.TextFormat.PlainText)
            details.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignTop)
            details.addWidget(value, row, 1, Qt.AlignmentFlag.AlignTop)
        details.setColumnStretch(1, 1)
        details.setRowStretch(4, 1)
        setup_row.addLayout(details, 1)
        column.addWidget(self.setup)

        # Typing the code.
        self.entry_row = QWidget(body)
        entry = QHBoxLayout(self.entry_row)
        entry.setContentsMargins(0, 0, 0, 0)
        self.code_caption = QLabel(self.entry_row)
        self.code = QLineEdit(self.entry_row)
        self.code.setMaxLength(12)
        self.code.setFixedWidth(140)
        self.code.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.code_caption.setBuddy(self.code)
        self.check_button = QPushButton(self.entry_row)
        entry.addWidget(self.code_caption)
        entry.addWidget(self.code)
        entry.addWidget(self.check_button)
        entry.addStretch(1)
        column.addWidget(self.entry_row)

        self.outcome_frame = QFrame(body)
        self.outcome_frame.setObjectName("outcome")
        outcome_layout = QVBoxLayout(self.outcome_frame)
        outcome_layout.setContentsMargins(12, 10, 12, 10)
        self.outcome_heading = wrapping_label(self.outcome_frame)
        bold = self.outcome_heading.font()
        bold.setBold(True)
        self.outcome_heading.setFont(bold)
        self.outcome = wrapping_label(self.outcome_frame)
        outcome_layout.addWidget(self.outcome_heading)
        outcome_layout.addWidget(self.outcome)
        column.addWidget(self.outcome_frame)

        self.real_account = wrapping_label(body)
        column.addWidget(self.real_account)

        buttons = QHBoxLayout()
        self.back_button = QPushButton(body)
        self.next_button = QPushButton(body)
        self.map_button = QPushButton(body)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.map_button)
        buttons.addWidget(self.next_button)
        column.addLayout(buttons)
        column.addStretch(1)

        self._unblock = QTimer(self)
        self._unblock.setSingleShot(True)
        self._unblock.timeout.connect(self._render)

        self.next_button.clicked.connect(self._next)
        self.back_button.clicked.connect(self._back)
        self.check_button.clicked.connect(self.check_code)
        self.code.returnPressed.connect(self.check_code)
        self.map_button.clicked.connect(self.map_requested)
        self.retranslate()

    # -- moving through the flow -------------------------------------------------------

    @property
    def step(self) -> Step:
        """The step shown."""
        return self.drill.step if self.drill else Step.INTRODUCTION

    def _next(self) -> None:
        if self.drill is None or self.step in (Step.INTRODUCTION, Step.RESULT):
            # A new run each time: a fresh secret, never one used before.
            self.drill = flow.go_to(flow.start(self.clock(), self._random_bytes), Step.SCAN)
            self.qr.set_text(self.drill.uri)
        else:
            self.drill = flow.go_to(self.drill, Step.ENTER_CODE)
            self.code.setFocus()
        self._render()

    def _back(self) -> None:
        if self.drill is not None:
            target = Step.SCAN if self.step is Step.ENTER_CODE else Step.INTRODUCTION
            self.drill = flow.go_to(self.drill, target)
        self._render()

    def check_code(self) -> None:
        """Check the typed code (the Check button and Enter)."""
        if self.drill is None or self.step is not Step.ENTER_CODE:
            return
        self.drill = flow.submit(self.drill, self.code.text(), self.clock())
        outcome = self.drill.outcome
        if outcome is not None and outcome.verdict not in (Verdict.MALFORMED, None):
            self.code.clear()
        if outcome is not None and outcome.wait_seconds > 0:
            self._unblock.start(int(outcome.wait_seconds * 1000) + 50)
        passed = flow.passed(self.drill, self.clock())
        if passed is not None:
            # Only the date and the drift are kept, for the checklist's yearly reminder.
            self._context.change_state(lambda state: replace(
                state, two_factor=state.two_factor.with_drill(passed)))
        self._render()

    # -- drawing -------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Render every text in the current language."""
        tr = self._context.language.translate
        self.secret_caption.setText(tr(N_("Setup key:")))
        self.issuer_caption.setText(tr(N_("Issuer:")))
        self.label_caption.setText(tr(N_("Account:")))
        self.kind_caption.setText(tr(N_("Type:")))
        self.code_caption.setText(tr(N_("&Code:")))
        self.check_button.setText(tr(N_("Check")))
        self.map_button.setText(tr(N_("Open the 2FA map")))
        self.back_button.setText(tr(N_("Back")))
        self.qr.setAccessibleName(tr(N_("QR code of the practice entry")))
        self.code.setAccessibleName(tr(N_("Code from your authenticator app")))
        self.secret.setAccessibleName(tr(N_("Setup key")))
        self.check_button.setAccessibleName(tr(N_("Check the code")))
        self._render()

    def _render(self) -> None:
        tr = self._context.language.translate
        step = self.step
        spec = flow.STEPS[step]
        drill = self.drill
        self.heading.setText(tr(spec.title))
        self.guidance.setText(tr(drill.guidance()) if drill else tr(spec.guidance))
        self.needs.setText(tr(Text(N_("You need: {needs}"), {
            "needs": "; ".join(tr(n) for n in spec.needs)})) if spec.needs else "")
        self.needs.setVisible(bool(spec.needs))
        self.setup.setVisible(drill is not None and step in (Step.SCAN, Step.ENTER_CODE))
        self.entry_row.setVisible(step is Step.ENTER_CODE)
        if drill is not None:
            self.secret.setText(drill.grouped_secret)
            self.issuer.setText(flow.ISSUER)
            self.label.setText(drill.label)
            self.kind.setText(tr(Text(N_("Time-based, {digits} digits, every {period} s"),
                                      {"digits": drill.key.digits, "period": drill.key.period})))
        self._render_outcome()
        self.real_account.setVisible(step is Step.RESULT)
        self.real_account.setText(tr(flow.STEPS[Step.RESULT].guidance))
        self.guidance.setVisible(step is not Step.RESULT)
        self.map_button.setVisible(step is Step.RESULT)
        self.back_button.setVisible(step in (Step.SCAN, Step.ENTER_CODE))
        self.next_button.setVisible(step is not Step.ENTER_CODE)
        self.next_button.setText(tr({
            Step.INTRODUCTION: N_("Start the drill"),
            Step.SCAN: N_("Next: type the code"),
            Step.RESULT: N_("Start again"),
        }.get(step, N_("Next"))))
        for button in (self.next_button, self.back_button, self.map_button):
            button.setAccessibleName(button.text().replace("&", ""))
        waiting = drill is not None and flow.LIMIT.wait(drill.tried, self.clock()) > 0
        self.check_button.setEnabled(not waiting)

    def _render_outcome(self) -> None:
        tr = self._context.language.translate
        outcome = self.drill.outcome if self.drill else None
        shown = outcome is not None and self.step in (Step.ENTER_CODE, Step.RESULT)
        self.outcome_frame.setVisible(shown)
        if not shown or outcome is None:
            return
        # Said in words, never by colour alone.
        heading = {
            Verdict.ACCEPTED: N_("Accepted: the code is right."),
            Verdict.REPLAYED: N_("Not accepted: this code was already used."),
            Verdict.MALFORMED: N_("Not a code yet."),
            Verdict.FAR_OFF: N_("Not accepted: your phone's clock is far off."),
            Verdict.NEAR_MISS: N_("Not accepted: probably a typo."),
            Verdict.WRONG: N_("Not accepted: the code does not match."),
            None: N_("Please wait."),
        }[outcome.verdict]
        self.outcome_heading.setText(tr(heading))
        self.outcome.setText(tr(outcome.message))
        self.outcome_frame.setAccessibleName(tr(heading))
        self.outcome_frame.setAccessibleDescription(tr(outcome.message))

"""The strip that says how a keyring call is going: waiting, failed or cancelled.

A call that answers quickly shows nothing. One that takes longer than
:data:`WAIT_NOTICE_MS` shows that Anjian waits, most often for an unlock
prompt, with a busy indicator and Cancel. Cancel stops waiting (a late result
is dropped) and offers Try again; so does a failure, whose message says what
happened and what to do. The window stays usable throughout.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QPushButton, QStyle, QWidget

from anjian.i18n import N_, Text
from anjian.storage.errors import Problem, StorageError, problem_text
from anjian.ui.language import InterfaceLanguage
from anjian.ui.worker import Request

# Below this a call feels instant, so a notice would only flicker; above it a
# person starts to wonder whether the window hangs.
WAIT_NOTICE_MS = 400

WAITING = N_("Waiting for the keyring… If a prompt asked for your keyring password, "
             "answer it there.")


class PanelState(Enum):
    """What the panel shows."""

    HIDDEN = "hidden"
    WAITING = "waiting"
    FAILED = "failed"
    CANCELLED = "cancelled"


def failure_text(error: BaseException) -> Text:
    """What to tell the user about a failed call: the storage explanation, or only the type."""
    if isinstance(error, StorageError):
        return error.text
    # Never the exception's message: it might contain a secret.
    return Text(N_("Unexpected internal error ({kind}). Please report it; nothing was changed."),
                {"kind": type(error).__name__})


class KeyringPanel(QFrame):
    """Shows the progress of the one keyring call it tracks."""

    def __init__(self, language: InterfaceLanguage, parent: QWidget) -> None:
        super().__init__(parent)
        self._language = language
        self._request: Request | None = None
        self._retry: Callable[[], None] | None = None
        self._text: Text | str = ""
        self.state = PanelState.HIDDEN
        self.setObjectName("keyringPanel")
        self.setStyleSheet("QFrame#keyringPanel { border-bottom: 1px solid palette(mid);"
                           " background: palette(alternate-base); }")
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.timeout.connect(self._show_waiting)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(12)
        self._icon = QLabel(self)
        self._icon.setFixedSize(24, 24)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)  # no known length: an indeterminate busy indicator
        self.busy.setTextVisible(False)
        self.busy.setFixedWidth(96)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.cancel_button = QPushButton(self)
        self.cancel_button.clicked.connect(self._cancel)
        self.retry_button = QPushButton(self)
        self.retry_button.clicked.connect(self._try_again)
        layout.addWidget(self._icon)
        layout.addWidget(self.busy)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.cancel_button)
        layout.addWidget(self.retry_button)
        self._show(PanelState.HIDDEN)
        self.retranslate()

    def track(self, request: Request, retry: Callable[[], None]) -> None:
        """Follow ``request``; ``retry`` submits the same call again when asked to."""
        self._request = request
        self._retry = retry
        # Bound slots, not lambdas: a lambda holding the request would keep it alive.
        request.succeeded.connect(self._succeeded)
        request.failed.connect(self._failed)
        if self.state is PanelState.WAITING:
            return  # already waiting: keep the notice up, do not flicker
        self._show(PanelState.HIDDEN)
        self._notice_timer.start(WAIT_NOTICE_MS)

    def retranslate(self) -> None:
        """Render the buttons and the current message in the current language."""
        tr = self._language.translate
        self.cancel_button.setText(tr(N_("Cancel")))
        self.cancel_button.setAccessibleName(tr(N_("Stop waiting for the keyring")))
        self.retry_button.setText(tr(N_("Try again")))
        self.retry_button.setAccessibleName(tr(N_("Try the keyring again")))
        self.busy.setAccessibleName(tr(N_("Waiting for the keyring")))
        self.message.setText(tr(self._text) if self._text else "")
        self.setAccessibleName(self.message.text())

    # -- transitions -----------------------------------------------------------------

    @Slot(object)
    def _succeeded(self, _result: object) -> None:
        if self.sender() is self._request:  # not a call we stopped following
            self._notice_timer.stop()
            self._show(PanelState.HIDDEN)

    @Slot(object)
    def _failed(self, error: BaseException) -> None:
        if self.sender() is self._request:
            self._notice_timer.stop()
            self._show(PanelState.FAILED, failure_text(error))

    def _show_waiting(self) -> None:
        if self._request is not None and self._request.pending:
            self._show(PanelState.WAITING, WAITING)

    def _cancel(self) -> None:
        if self._request is not None:
            self._request.cancel()
        self._notice_timer.stop()
        self._show(PanelState.CANCELLED, problem_text(Problem.CANCELLED))

    def _try_again(self) -> None:
        if self._retry is not None:
            self._retry()

    def _show(self, state: PanelState, text: Text | str = "") -> None:
        self.state = state
        self._text = text
        icons = {
            PanelState.FAILED: QStyle.StandardPixmap.SP_MessageBoxWarning,
            PanelState.CANCELLED: QStyle.StandardPixmap.SP_MessageBoxInformation,
        }
        icon = icons.get(state)
        self._icon.setVisible(icon is not None)
        if icon is not None:
            self._icon.setPixmap(self.style().standardIcon(icon).pixmap(24, 24))
        self.busy.setVisible(state is PanelState.WAITING)
        self.cancel_button.setVisible(state is PanelState.WAITING)
        self.retry_button.setVisible(state in (PanelState.FAILED, PanelState.CANCELLED))
        self.setVisible(state is not PanelState.HIDDEN)
        self.retranslate()

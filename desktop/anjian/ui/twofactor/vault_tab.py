"""The TOTP backup vault: add entries, see their codes count down, copy, reveal, export.

Secrets stay on the keyring worker: this tab asks the service for the current
and next codes of every entry once per time step (only while it is shown), and
for one secret only when the user clicks to reveal or export it. A revealed
secret is hidden again after 30 s; a copied code leaves the clipboard after 15 s
(see :mod:`anjian.ui.clipboard`); exporting as a QR code asks first, naming the
risk (:func:`anjian.ui.messages.confirm`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontDatabase, QHideEvent, QImage, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from anjian.core.state import State
from anjian.core.twofactor.intake import Intake, read_input, read_links
from anjian.core.twofactor.otpauth import UriError
from anjian.core.twofactor.section import VaultEntry
from anjian.i18n import N_, Text
from anjian.service import AnjianService
from anjian.ui import messages
from anjian.ui.clipboard import SecretClipboard
from anjian.ui.context import PageContext
from anjian.ui.pages import scrolling_column, wrapping_label
from anjian.ui.qr import QrCodeView, decode_qr

REVEAL_MS = 30_000
Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


def scan_images(paths: list[str]) -> tuple[list[str], list[str]]:
    """The texts of the QR codes in the image files, and the files that would not open."""
    links: list[str] = []
    unreadable: list[str] = []
    for path in paths:
        image = QImage(path)
        if image.isNull():
            unreadable.append(path)
            continue
        links += decode_qr(image)
    return links, unreadable


def spaced(code: str) -> str:
    """A code as apps show it: "123 456", "1234 5678"."""
    half = len(code) // 2
    return f"{code[:half]} {code[half:]}"


class EntryRow(QFrame):
    """One vault entry: its name, code and countdown, and what can be done with it."""

    def __init__(self, entry: VaultEntry, parent: QWidget) -> None:
        super().__init__(parent)
        self.entry = entry
        self.setObjectName("entry")
        self.code_value: str | None = None
        self.next_code: str | None = None
        self.step_ends: datetime | None = None
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 8, 12, 8)
        grid.setHorizontalSpacing(14)
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        bold = self.title.font()
        bold.setBold(True)
        self.title.setFont(bold)
        self.details = QLabel(self)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.code = QLabel("··· ···", self)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(mono.pointSizeF() * 1.6)
        mono.setBold(True)
        self.code.setFont(mono)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.countdown = QProgressBar(self)
        self.countdown.setRange(0, entry.period)
        self.countdown.setTextVisible(True)
        self.countdown.setFixedWidth(130)
        self.copy_button = QPushButton(self)
        self.reveal_button = QPushButton(self)
        self.export_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        self.secret = QLabel(self)
        self.secret.setTextFormat(Qt.TextFormat.PlainText)
        self.secret.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.secret.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.secret.hide()
        grid.addWidget(self.title, 0, 0)
        grid.addWidget(self.details, 1, 0)
        grid.addWidget(self.code, 0, 1, 2, 1)
        grid.addWidget(self.countdown, 0, 2, 2, 1)
        # The actions go on their own line: four buttons beside the code made the
        # row wider than the page (a horizontal scroll bar, clipped texts).
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        for button in (self.copy_button, self.reveal_button, self.export_button,
                       self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        grid.addLayout(buttons, 2, 0, 1, 3)
        grid.addWidget(self.secret, 3, 0, 1, 3)
        grid.setColumnStretch(0, 1)
        self.hide_timer = QTimer(self)
        self.hide_timer.setSingleShot(True)
        self.hide_timer.setInterval(REVEAL_MS)
        self.hide_timer.timeout.connect(self.hide_secret)

    @property
    def revealed(self) -> bool:
        """Whether the secret is on screen."""
        return not self.secret.isHidden()

    def show_secret(self, grouped: str) -> None:
        """Show the secret; it hides itself after 30 s."""
        self.secret.setText(grouped)
        self.secret.show()
        self.hide_timer.start()

    def hide_secret(self) -> None:
        """Take the secret off the screen (and out of the label)."""
        self.hide_timer.stop()
        self.secret.clear()
        self.secret.hide()

    def set_codes(self, code: str, next_code: str, step_ends: datetime) -> None:
        """The codes from the service for this step and the next."""
        self.code_value, self.next_code, self.step_ends = code, next_code, step_ends

    def tick(self, now: datetime, tr: Callable[[Any], str]) -> bool:
        """Update the countdown; ``True`` when the step ended and new codes are needed."""
        if self.step_ends is None or self.code_value is None:
            self.code.setText("··· ···")
            self.countdown.setValue(0)
            self.countdown.setFormat("")
            return False
        left = (self.step_ends - now).total_seconds()
        needs_refresh = False
        if left <= 0 and self.next_code is not None:
            # Roll over at once; the service is asked for the step after.
            self.code_value, self.next_code = self.next_code, None
            self.step_ends += timedelta(seconds=self.entry.period)
            left = (self.step_ends - now).total_seconds()
            needs_refresh = True
        seconds = max(0, int(left + 0.999))
        self.code.setText(spaced(self.code_value))
        self.countdown.setValue(seconds)
        self.countdown.setFormat(tr(Text(N_("{seconds} s left"), {"seconds": seconds})))
        self.code.setAccessibleName(tr(Text(N_("Code {code}, {seconds} seconds left"),
                                            {"code": self.code_value, "seconds": seconds})))
        return needs_refresh


class VaultTab(QWidget):
    """The backup of authenticator entries, kept in the system keyring."""

    def __init__(self, context: PageContext, parent: QWidget | None = None,
                 clock: Clock = _utc_now) -> None:
        super().__init__(parent)
        self._context = context
        self.clock = clock
        self._state: State | None = None
        self.rows: dict[str, EntryRow] = {}
        self.clipboard = SecretClipboard(self)
        self._codes_asked = False
        # Lines of the last add's report; each line is parts joined by a space.
        self._last_report: list[tuple[Text | str, ...]] = []
        self.setStyleSheet("QFrame#entry { border: 1px solid palette(mid); border-radius: 6px;"
                           " background: palette(alternate-base); }")

        body, column = scrolling_column(self, (16, 14, 16, 14), 10)
        self.intro = wrapping_label(body)
        column.addWidget(self.intro)

        self.add_box = QGroupBox(body)
        add = QGridLayout(self.add_box)
        self.source = QPlainTextEdit(self.add_box)
        self.source.setTabChangesFocus(True)
        self.source.setFixedHeight(self.source.fontMetrics().lineSpacing() * 3 + 14)
        self.issuer = QLineEdit(self.add_box)
        self.account = QLineEdit(self.add_box)
        self.add_button = QPushButton(self.add_box)
        self.image_button = QPushButton(self.add_box)
        self.source_label, self.issuer_label, self.account_label = (
            QLabel(self.add_box), QLabel(self.add_box), QLabel(self.add_box))
        self.source_label.setBuddy(self.source)
        self.issuer_label.setBuddy(self.issuer)
        self.account_label.setBuddy(self.account)
        add.addWidget(self.source_label, 0, 0, 1, 4)
        add.addWidget(self.source, 1, 0, 1, 4)
        add.addWidget(self.issuer_label, 2, 0)
        add.addWidget(self.issuer, 2, 1)
        add.addWidget(self.account_label, 2, 2)
        add.addWidget(self.account, 2, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.image_button)
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        add.addLayout(buttons, 3, 0, 1, 4)
        self.report = wrapping_label(self.add_box)
        add.addWidget(self.report, 4, 0, 1, 4)
        column.addWidget(self.add_box)

        self.status = wrapping_label(body)
        column.addWidget(self.status)
        self.empty = wrapping_label(body)
        column.addWidget(self.empty)
        self.entries_box = QVBoxLayout()
        self.entries_box.setSpacing(8)
        column.addLayout(self.entries_box)
        self.warning = wrapping_label(body)
        column.addWidget(self.warning)
        column.addStretch(1)

        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self.tick)
        self.add_button.clicked.connect(self.add_from_text)
        self.image_button.clicked.connect(self.add_from_images)
        self.retranslate()

    # -- the state and the codes ---------------------------------------------------------

    def show_state(self, state: State | None) -> None:
        """Show the vault's entries of ``state``; codes follow from the worker."""
        self._state = state
        entries = state.two_factor.vault if state else ()
        wanted = {e.id for e in entries}
        for entry_id in [i for i in self.rows if i not in wanted]:
            row = self.rows.pop(entry_id)
            row.hide_secret()
            row.setParent(None)
            row.deleteLater()
        for entry in sorted(entries, key=lambda e: e.title.casefold()):
            if entry.id not in self.rows:
                self.rows[entry.id] = self._new_row(entry)
        self._render()
        if self.isVisible():
            self.refresh_codes()

    def refresh_codes(self) -> None:
        """Ask the worker for every entry's current and next code."""
        if not self.rows or self._codes_asked:
            return
        self._codes_asked = True
        self._context.call(AnjianService.totp_codes, self._codes_arrived, self._codes_failed)

    def _codes_arrived(self, codes: list[Any]) -> None:
        self._codes_asked = False
        for code in codes:
            row = self.rows.get(code.entry_id)
            if row is not None:
                row.set_codes(code.code, code.next_code, code.step_ends)
        self.tick()

    def _codes_failed(self, _error: object) -> None:
        # The keyring panel says what went wrong and offers Try again.
        self._codes_asked = False

    def tick(self) -> None:
        """Count down every entry; at a step's end show the next code and ask for more."""
        now = self.clock()
        tr = self._context.language.translate
        if any([row.tick(now, tr) for row in self.rows.values()]):
            self.refresh_codes()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """Codes are computed only while the vault is on screen."""
        super().showEvent(event)
        self.ticker.start()
        self.refresh_codes()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt's name
        """Leaving the vault hides every revealed secret and stops the countdown."""
        super().hideEvent(event)
        self.ticker.stop()
        for row in self.rows.values():
            row.hide_secret()

    # -- adding -------------------------------------------------------------------------

    def add_from_text(self) -> None:
        """Add what was pasted or typed in the box."""
        try:
            intake = read_input(self.source.toPlainText(), self.issuer.text(), self.account.text())
        except UriError as error:
            self._show_report([(N_("Nothing was added."), error.text)])
            return
        self._add(intake, clear=True)

    def add_from_images(self) -> None:
        """Add the QR codes found in image files (screenshots, photos, exports).

        Loading and scanning a large photo takes a noticeable moment, so it runs on
        the worker (QImage may be used off the GUI thread), not in the window.
        """
        paths = self.choose_image_files()
        if not paths:
            return
        self._set_status(Text(N_("Looking for QR codes in {count} image(s)…"),
                              {"count": len(paths)}))
        self._context.call(lambda _service: scan_images(paths), self._images_scanned)

    def _images_scanned(self, scanned: tuple[list[str], list[str]]) -> None:
        links, unreadable = scanned
        self._set_status(None)
        notes = tuple(Text(N_("Could not open the image “{file}”."), {"file": p})
                      for p in unreadable)
        try:
            intake = read_links(links)
        except UriError as error:
            self._show_report([(N_("Nothing was added."), error.text),
                               *((note,) for note in notes)])
            return
        self._add(Intake(intake.entries, intake.skipped, (*intake.notes, *notes)), clear=False)

    def choose_image_files(self) -> list[str]:
        """Ask for image files (tests replace this)."""
        tr = self._context.language.translate
        paths, _ = QFileDialog.getOpenFileNames(
            self, tr(N_("Choose QR code images")), "",
            tr(N_("Images")) + " (*.png *.jpg *.jpeg *.bmp *.gif *.webp)")
        return paths

    def _add(self, intake: Intake, clear: bool) -> None:
        entries = list(intake.entries)
        report: list[tuple[Text | str, ...]] = [
            (Text(N_("Skipped “{entry}”:"), {"entry": s.title}), s.reason)
            for s in intake.skipped]
        report += [(note,) for note in intake.notes]
        report += [(Text(N_("“{entry}”:"), {"entry": e.title}), warning)
                   for e in entries for warning in e.warnings]
        if not entries:
            self._show_report([(N_("Nothing was added."),), *report])
            return

        def added(result: Any) -> None:
            status, addition = result
            if status is not None:
                self._context.state_changed.emit(status)
            lines: list[tuple[Text | str, ...]] = [(Text(N_("Added {count} of {total} entries."), {
                "count": len(addition.added), "total": len(entries) + len(intake.skipped)}),)]
            lines += [(Text(N_("“{entry}” was already in the backup."), {"entry": title}),)
                      for title in addition.already_there]
            self._show_report(lines + report)
            if clear:
                self.source.clear()
                self.issuer.clear()
                self.account.clear()

        self._context.call(lambda service: service.add_to_totp_vault(entries), added)

    def _show_report(self, lines: list[tuple[Text | str, ...]]) -> None:
        self._last_report = lines
        self._render_report()

    def _render_report(self) -> None:
        tr = self._context.language.translate
        rendered = [" ".join(tr(part) for part in line) for line in self._last_report]
        self.report.setText("\n".join(rendered))
        self.report.setVisible(bool(rendered))

    # -- what each entry can do ----------------------------------------------------------

    def _new_row(self, entry: VaultEntry) -> EntryRow:
        row = EntryRow(entry, self)
        row.copy_button.clicked.connect(lambda: self.copy_code(entry.id))
        row.reveal_button.clicked.connect(lambda: self.toggle_secret(entry.id))
        row.export_button.clicked.connect(lambda: self.export_entry(entry.id))
        row.delete_button.clicked.connect(lambda: self.delete_entry(entry.id))
        self.entries_box.addWidget(row)
        self._translate_row(row)
        return row

    def copy_code(self, entry_id: str) -> None:
        """Copy the entry's current code; the clipboard is cleared after 15 s."""
        row = self.rows.get(entry_id)
        if row is None or row.code_value is None:
            return
        self.clipboard.copy(row.code_value)
        self._set_status(Text(N_("Code of “{entry}” copied. The clipboard is cleared in 15 s."),
                              {"entry": row.entry.title}))

    def toggle_secret(self, entry_id: str) -> None:
        """Reveal the secret (read from the keyring now), or hide it if shown."""
        row = self.rows.get(entry_id)
        if row is None:
            return
        if row.revealed:
            row.hide_secret()
            self._translate_row(row)
            return

        def arrived(grouped: str) -> None:
            if entry_id in self.rows:
                row.show_secret(grouped)
                self._translate_row(row)

        self._context.call(lambda service: service.totp_secret(entry_id), arrived)

    def export_entry(self, entry_id: str) -> None:
        """Show the entry as a QR code for a new phone, after a warning naming the risk."""
        row = self.rows.get(entry_id)
        if row is None:
            return
        tr = self._context.language.translate
        if not messages.confirm(self, tr(N_("Show the secret as a QR code?")), tr(Text(N_(
                "Anyone who sees or photographs this QR code can make the codes of “{entry}” "
                "for as long as the service keeps this secret, without your phone. Show it only "
                "to move the entry to your own new phone, where nobody can see your screen, "
                "and not while sharing or recording the screen."), {"entry": row.entry.title})),
                tr(N_("Show the QR code"))):
            return
        self._context.call(lambda service: service.totp_export_uri(entry_id),
                           lambda uri: self._show_export(row.entry, uri))

    def _show_export(self, entry: VaultEntry, uri: str) -> None:
        tr = self._context.language.translate
        dialog = QDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setObjectName("exportDialog")
        dialog.setWindowTitle(tr(Text(N_("Move “{entry}” to a new phone"),
                                      {"entry": entry.title})))
        layout = QVBoxLayout(dialog)
        hint = wrapping_label(dialog)
        hint.setText(tr(N_("Scan this with the authenticator app on your new phone, then check "
                           "that it shows the same code as Anjian. Close this window as soon "
                           "as you are done.")))
        view = QrCodeView(dialog, minimum=260)
        view.set_text(uri)
        view.setAccessibleName(tr(N_("QR code of the entry")))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        close.rejected.connect(dialog.reject)
        layout.addWidget(hint)
        layout.addWidget(view, 1)
        layout.addWidget(close)
        # Closed by itself after two minutes, in case it is forgotten on screen.
        QTimer.singleShot(120_000, dialog, dialog.reject)
        dialog.open()
        self.export_dialog = dialog

    def delete_entry(self, entry_id: str) -> None:
        """Delete the entry and its secret, after asking."""
        row = self.rows.get(entry_id)
        if row is None:
            return
        tr = self._context.language.translate
        if not messages.confirm(self, tr(N_("Delete this backup?")), tr(Text(N_(
                "“{entry}” and its secret will be deleted from the keyring. Your phone keeps "
                "its own copy; if you lose the phone, only the service's recovery codes will "
                "get you back in."), {"entry": row.entry.title})), tr(N_("Delete"))):
            return
        self._context.call(lambda service: service.remove_from_totp_vault(entry_id),
                           self._context.state_changed.emit)

    # -- drawing -------------------------------------------------------------------------

    def _set_status(self, text: Text | None) -> None:
        """Show ``text`` under the entries (None: show nothing)."""
        self._status_text = text
        self.status.setText(self._context.language.translate(text) if text else "")
        self.status.setVisible(text is not None)

    def retranslate(self) -> None:
        """Render every text in the current language."""
        tr = self._context.language.translate
        self.intro.setText(tr(N_(
            "Optional: keep a copy of your authenticator entries in the system keyring, so "
            "that losing your phone does not lock you out. Each secret is its own keyring "
            "entry and stays hidden unless you ask to see it. Whoever can open your keyring "
            "can make your codes, so keep the computer locked.")))
        self.add_box.setTitle(tr(N_("Add an entry")))
        self.source_label.setText(tr(N_(
            "&Paste an otpauth:// link, a Google Authenticator export (otpauth-migration://, "
            "all its parts), or type a setup key:")))
        self.issuer_label.setText(tr(N_("&Service:")))
        self.account_label.setText(tr(N_("A&ccount:")))
        self.issuer.setPlaceholderText(tr(N_("For a typed key")))
        self.account.setPlaceholderText(tr(N_("For a typed key")))
        self.add_button.setText(tr(N_("&Add")))
        self.image_button.setText(tr(N_("From QR &images…")))
        for widget, name in ((self.source, N_("Link, export or setup key")),
                             (self.issuer, N_("Service")), (self.account, N_("Account")),
                             (self.add_button, N_("Add")),
                             (self.image_button, N_("Add from QR code images"))):
            widget.setAccessibleName(tr(name))
        self.empty.setText(tr(N_("The backup is empty.")))
        self.warning.setText(tr(N_(
            "Many authenticator apps ignore a non-default algorithm, number of digits or "
            "period. After moving an entry to a phone, check that the phone shows the same "
            "code as Anjian.")))
        if getattr(self, "_status_text", None) is not None:
            self.status.setText(tr(self._status_text))
        self._render_report()
        for row in self.rows.values():
            self._translate_row(row)
        self._render()

    def _translate_row(self, row: EntryRow) -> None:
        tr = self._context.language.translate
        entry = row.entry
        row.title.setText(entry.title or tr(N_("(no name)")))
        row.details.setText(tr(Text(N_("{algorithm}, {digits} digits, every {period} s, "
                                       "{bits}-bit secret"), {
            "algorithm": entry.algorithm.value, "digits": entry.digits,
            "period": entry.period, "bits": entry.secret_bits})))
        row.copy_button.setText(tr(N_("Copy code")))
        row.reveal_button.setText(tr(N_("Hide secret") if row.revealed else N_("Show secret")))
        row.export_button.setText(tr(N_("Show as QR…")))
        row.delete_button.setText(tr(N_("Delete…")))
        for button, name in ((row.copy_button, N_("Copy the code of {entry}")),
                             (row.reveal_button, N_("Show or hide the secret of {entry}")),
                             (row.export_button, N_("Show {entry} as a QR code")),
                             (row.delete_button, N_("Delete {entry}"))):
            button.setAccessibleName(tr(Text(name, {"entry": entry.title})))
        row.secret.setAccessibleName(tr(N_("Secret")))
        row.countdown.setAccessibleName(tr(N_("Time left for this code")))
        row.tick(self.clock(), tr)

    def _render(self) -> None:
        self.empty.setVisible(not self.rows)
        self.warning.setVisible(bool(self.rows))
        if not getattr(self, "_status_text", None):
            self.status.hide()

"""The Passwords page: type a password, see how easy it is to guess and why, save the result.

What is typed stays in the field and in the scoring task, nowhere else: the
field refuses copy, cut, drag and the context menu, tells input methods not
to learn from it, and is emptied when the page is left, the window hidden or
minimised. Scoring runs off the UI thread (:mod:`.scoring`). Saving a result
sends the password to the keyring worker once, where it is scored and
fingerprinted and dropped (:mod:`anjian.storage.password_checks`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from anjian.i18n import N_, Text
from anjian.service import StorageStatus
from anjian.ui import messages
from anjian.ui.context import PageContext
from anjian.ui.passwords.meter import StrengthMeter
from anjian.ui.passwords.saved import SavedChecks
from anjian.ui.passwords.scoring import LiveScorer
from anjian.ui.sections import Section
from anjian.ui.pages import heading_font, wrapping_label

PERSONAL_BACKGROUND = "#fde2e1"
CHINESE_BACKGROUND = "#fff1c7"


class PasswordField(QLineEdit):
    """A password entry that never gives its text away: no copy, cut, drag or menu."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setDragEnabled(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setInputMethodHints(Qt.InputMethodHint.ImhHiddenText
                                 | Qt.InputMethodHint.ImhSensitiveData
                                 | Qt.InputMethodHint.ImhNoPredictiveText
                                 | Qt.InputMethodHint.ImhNoAutoUppercase)
        self.setMaxLength(4096)  # above the scorer's limit, so the "too long" message shows

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        if event.matches(QKeySequence.StandardKey.Copy) or \
                event.matches(QKeySequence.StandardKey.Cut):
            event.accept()
            return
        super().keyPressEvent(event)


class PasswordsPage(QScrollArea):
    """The live check, saving a result for an account, and the saved results."""

    def __init__(self, section: Section, context: PageContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.section = section
        self._context = context
        self._strength: Any = None
        self._problem: Text | None = None
        self._online: Text | None = None
        self._watched: QWidget | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget(self)
        self.setWidget(body)
        column = QVBoxLayout(body)
        column.setContentsMargins(28, 24, 28, 28)
        column.setSpacing(10)

        self.title = QLabel(body)
        heading_font(self.title, 1.6)
        self.summary = wrapping_label(body)
        self.privacy = wrapping_label(body)

        entry = QHBoxLayout()
        self.field_label = QLabel(body)
        self.field = PasswordField(body)
        self.field_label.setBuddy(self.field)
        self.show_button = QPushButton(body)
        self.show_button.setCheckable(True)
        self.show_button.toggled.connect(self._toggle_shown)
        entry.addWidget(self.field_label)
        entry.addWidget(self.field, 1)
        entry.addWidget(self.show_button)

        self.meter = StrengthMeter(context.language, body)
        self.leaked = wrapping_label(body, bold=True)
        self.warning = wrapping_label(body, bold=True)
        self.times_heading = QLabel(body)
        self.times = wrapping_label(body)
        self.patterns_heading = QLabel(body)
        self.patterns = QListWidget(body)
        self.patterns.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.patterns.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.suggestions_heading = QLabel(body)
        self.suggestions = wrapping_label(body)
        for heading in (self.times_heading, self.patterns_heading, self.suggestions_heading):
            heading_font(heading, 1.0)

        online = QHBoxLayout()
        self.online_button = QPushButton(body)
        self.online_button.clicked.connect(self._check_online)
        self.online_result = wrapping_label(body)
        online.addWidget(self.online_button)
        online.addWidget(self.online_result, 1)

        self.save_box = QGroupBox(body)
        save = QVBoxLayout(self.save_box)
        save_row = QHBoxLayout()
        self.account = QComboBox(self.save_box)
        self.account.setMinimumContentsLength(16)
        self.changed_known = QCheckBox(self.save_box)
        self.changed = QDateEdit(self.save_box)
        self.changed.setCalendarPopup(True)
        self.changed.setDisplayFormat("yyyy-MM-dd")
        self.changed.setMaximumDate(QDate.currentDate())
        self.changed.setDate(QDate.currentDate())
        self.changed.setEnabled(False)
        self.changed_known.toggled.connect(self.changed.setEnabled)
        self.save_button = QPushButton(self.save_box)
        self.save_button.clicked.connect(self._save)
        save_row.addWidget(self.account, 1)
        save_row.addWidget(self.changed_known)
        save_row.addWidget(self.changed)
        save_row.addWidget(self.save_button)
        self.save_result = wrapping_label(self.save_box)
        self.save_result.hide()
        save.addLayout(save_row)
        save.addWidget(self.save_result)

        self.saved = SavedChecks(context, body)

        column.addWidget(self.title)
        column.addWidget(self.summary)
        column.addWidget(self.privacy)
        column.addLayout(entry)
        for widget in (self.meter, self.leaked, self.warning, self.times_heading, self.times,
                       self.patterns_heading, self.patterns, self.suggestions_heading,
                       self.suggestions):
            column.addWidget(widget)
        column.addLayout(online)
        column.addWidget(self.save_box)
        column.addWidget(self.saved)
        column.addStretch(1)

        self.scorer = LiveScorer(self)
        self.scorer.scored.connect(self._scored)
        self.scorer.failed.connect(self._score_failed)
        self.scorer.cleared.connect(lambda: self._show(None))
        self.field.textChanged.connect(self._typed)

        context.state_changed.connect(self._show_state)
        context.language.changed.connect(self.retranslate)
        self.retranslate()
        if context.status is not None:
            self._show_state(context.status)

    # -- typing and scoring ----------------------------------------------------------

    def _typed(self, text: str) -> None:
        self._online = None
        self._say_saved("")
        self.scorer.request(text, self._context.state)
        self._update_buttons()

    def _scored(self, strength: Any) -> None:
        self._problem = None
        self._show(strength)

    def _score_failed(self, error: BaseException) -> None:
        self._problem = getattr(error, "text", None) or Text(N_(
            "This password could not be rated ({kind})."), {"kind": type(error).__name__})
        self._show(None)

    def _show(self, strength: Any) -> None:
        self._strength = strength
        self.meter.show_strength(strength)
        self._render_result()
        self._update_buttons()

    def _render_result(self) -> None:
        tr = self._context.language.translate
        strength = self._strength
        shown = strength is not None
        for widget in (self.times_heading, self.times, self.patterns_heading, self.patterns,
                       self.suggestions_heading, self.suggestions):
            widget.setVisible(shown)
        self.leaked.setVisible(shown and strength.in_leak_lists)
        self.leaked.setText("⚠ " + tr(N_("This exact password is in public leak lists: "
                                         "attackers try it first. Don’t use it anywhere."))
                            if shown else "")
        warning = self._problem or (strength.warning if shown else None)
        self.warning.setVisible(warning is not None)
        self.warning.setText(tr(N_("Warning:")) + " " + tr(warning) if warning else "")
        self.online_result.setText(tr(self._online) if self._online else "")
        self.patterns.clear()
        if not shown:
            self.times.clear()
            self.suggestions.clear()
            return
        self.times.setText("\n".join(f"{tr(scenario)}: {tr(duration)}"
                                     for scenario, duration in strength.crack_times()))
        for pattern in strength.patterns:
            self.patterns.addItem(self._pattern_item(pattern))
        if not strength.patterns:
            self.patterns.addItem(tr(N_("No known pattern: it looks random.")))
        rows = min(self.patterns.count(), 6)
        self.patterns.setFixedHeight(self.patterns.sizeHintForRow(0) * rows
                                     + 2 * self.patterns.frameWidth() + 4)
        self.suggestions.setText("\n".join(f"• {tr(s)}" for s in strength.suggestions)
                                 or tr(N_("Nothing to add.")))

    def _pattern_item(self, pattern: Any) -> QListWidgetItem:
        tr = self._context.language.translate
        token = pattern.token if self.show_button.isChecked() else "•" * len(pattern.token)
        where = tr(Text(N_("characters {first}–{last}"),
                        {"first": pattern.start + 1, "last": pattern.end}))
        text = f"{tr(pattern.label)}: {token} ({where})"
        item = QListWidgetItem()
        if pattern.is_personal:
            text = tr(N_("Your own details")) + " — " + text
            item.setBackground(QBrush(QColor(PERSONAL_BACKGROUND)))
        elif pattern.is_chinese:
            text = tr(N_("Common in China")) + " — " + text
            item.setBackground(QBrush(QColor(CHINESE_BACKGROUND)))
        if pattern.is_personal or pattern.is_chinese:
            item.setForeground(QBrush(QColor("#1a1a1a")))
            font = QFont(self.patterns.font())
            font.setBold(True)
            item.setFont(font)
        item.setText(text)
        return item

    def _toggle_shown(self, shown: bool) -> None:
        self.field.setEchoMode(QLineEdit.EchoMode.Normal if shown
                               else QLineEdit.EchoMode.Password)
        self._retranslate_show()
        self._render_result()

    # -- clearing ------------------------------------------------------------------------

    def clear_password(self) -> None:
        """Empty the field and forget every result that came from it."""
        self.scorer.cancel()
        self.field.blockSignals(True)
        self.field.clear()
        self.field.blockSignals(False)
        self.show_button.setChecked(False)
        self._online = None
        self._problem = None
        self._say_saved("")
        self._show(None)
        from anjian.wordlists import password_scorer

        if password_scorer.cache_info().currsize:  # don't build it just to empty it
            password_scorer().forget()  # its cache holds parts of recent passwords

    def hideEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        self.clear_password()  # the page was left, or the window hidden
        super().hideEvent(event)

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        window = self.window()
        if window is not self._watched:
            if self._watched is not None:
                self._watched.removeEventFilter(self)
            window.installEventFilter(self)
            self._watched = window
        super().showEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self._watched and event.type() == QEvent.Type.WindowStateChange and \
                self._watched.isMinimized():
            self.clear_password()
        return False

    # -- saving and the online check -----------------------------------------------------

    def _save(self) -> None:
        account_id = self.account.currentData()
        password = self.field.text()
        if not account_id or not password:
            return
        changed = self.changed.date().toPython() if self.changed_known.isChecked() else None
        name = self.account.currentText()
        self.save_button.setEnabled(False)

        def call(service: Any) -> Any:
            return service.save_password_check(account_id, password, changed)

        def done(result: Any) -> None:
            status, strength = result
            self._context.state_changed.emit(status)
            self._update_buttons()
            tr = self._context.language.translate
            check = status.snapshot.state.passwords.check_for(account_id)
            text = tr(Text(N_("Saved for {account}: {label}."),
                           {"account": name, "label": tr(strength.label)}))
            if check is not None and (check.reused_with or check.similar_to):
                text += " " + tr(N_("The same or a similar password is used on another "
                                    "account: see the saved results below."))
            self._say_saved(text)

        def failed(error: BaseException) -> None:
            self._update_buttons()
            text = getattr(error, "text", None)
            if text is not None:
                self._say_saved(self._context.language.translate(text))

        self._context.call(call, done, failed)

    def _say_saved(self, text: str) -> None:
        self.save_result.setText(text)
        self.save_result.setVisible(bool(text))

    def _check_online(self) -> None:
        password = self.field.text()
        if not password:
            return
        tr = self._context.language.translate
        agreed = messages.confirm(self, tr(N_("Check online?")), tr(N_(
            "Anjian will ask the Have I Been Pwned service (api.pwnedpasswords.com) about "
            "this password. Only the first 5 characters of its SHA-1 hash are sent; the "
            "service answers with every breached hash that starts the same way, and the "
            "comparison is made on this computer. The password itself never leaves it. "
            "Nothing is sent unless you agree, and you are asked every time.")),
            tr(N_("Check online")))
        if not agreed:
            return
        asked = self.field.text()
        self._online = Text(N_("Checking online…"))
        self._render_result()

        def done(result: Any) -> None:
            if self.field.text() != asked:
                return  # the password changed meanwhile: this answer is about another
            self._online = (Text(N_("Found {count} times in breached passwords. Don’t use "
                                    "it."), {"count": f"{result.count:,}"}) if result.found
                            else Text(N_("Not found in breached passwords known to the "
                                         "service.")))
            self._render_result()

        def failed(error: BaseException) -> None:
            self._online = getattr(error, "text", None) or Text(N_(
                "The online check failed."))
            self._render_result()

        self._context.call(lambda s: s.check_password_online(asked, consent=True), done, failed)

    # -- state and language ------------------------------------------------------------

    def _show_state(self, status: StorageStatus) -> None:
        state = status.snapshot.state
        current = self.account.currentData()
        self.account.blockSignals(True)
        self.account.clear()
        for account in state.accounts if state is not None else ():
            self.account.addItem(account.name, account.id)
        index = self.account.findData(current)
        self.account.setCurrentIndex(index if index >= 0 else 0)
        self.account.blockSignals(False)
        self.saved.show_state(state)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_text = bool(self.field.text())
        self.save_button.setEnabled(has_text and self.account.count() > 0)
        self.online_button.setEnabled(has_text)

    def _retranslate_show(self) -> None:
        tr = self._context.language.translate
        shown = self.show_button.isChecked()
        self.show_button.setText(tr(N_("Hide")) if shown else tr(N_("Show")))
        self.show_button.setAccessibleName(tr(N_("Hide the password")) if shown
                                           else tr(N_("Show the password")))

    def retranslate(self) -> None:
        """Render every text in the current language."""
        tr = self._context.language.translate
        self.title.setText(tr(self.section.title))
        self.summary.setText(tr(self.section.summary))
        self.privacy.setText(tr(N_(
            "What you type here is rated on this computer and never stored, copied or sent. "
            "It is cleared when you leave this page.")))
        self.field_label.setText(tr(N_("Password:")))
        self.field.setAccessibleName(tr(N_("Password to check")))
        self.field.setPlaceholderText(tr(N_("Type a password to see how easy it is to guess")))
        self._retranslate_show()
        self.times_heading.setText(tr(N_("How long guessing it would take")))
        self.patterns_heading.setText(tr(N_("What it is made of")))
        self.patterns.setAccessibleName(tr(N_("Patterns found in the password")))
        self.suggestions_heading.setText(tr(N_("Suggestions")))
        self.online_button.setText(tr(N_("Check in breach lists online…")))
        self.online_button.setAccessibleName(tr(N_("Check in breach lists online")))
        self.save_box.setTitle(tr(N_("Save the result for an account")))
        self.account.setAccessibleName(tr(N_("Account")))
        self.changed_known.setText(tr(N_("Last changed on")))
        self.changed.setAccessibleName(tr(N_("Date the password was last changed")))
        self.save_button.setText(tr(N_("Save result for account")))
        self.setAccessibleName(tr(self.section.title))
        self.meter.retranslate()
        self.saved.retranslate()
        self._render_result()

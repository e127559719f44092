"""The recovery-phrase test: two questions first, then the phrase checked word by word.

The phrase field keeps the phrase as short a time and in as few places as
Qt allows: copying, cutting and dragging out give nothing; pasting works (the
phrase may come from a password manager) but says that the clipboard may
keep it; there is no undo history; input methods are asked not to learn it;
the field is cleared when the dialog closes. Comparing with the fingerprint
(scrypt, ~0.1 s) runs on the keyring worker, never on the UI thread.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QContextMenuEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from anjian.core.backups import phrase as bip39
from anjian.core.backups.register import BackupRecord
from anjian.i18n import N_, Text
from anjian.ui.context import PageContext

_WORD = re.compile(r"[^\s,，、。.;；]+")  # the separators of anjian.core.backups.phrase


def word_spans(text: str) -> list[tuple[int, int]]:
    """Where each word of ``text`` is, in the order :func:`bip39.split_words` finds them."""
    spans: list[tuple[int, int]] = []
    for match in _WORD.finditer(text):
        buffer_start = None
        for offset, char in enumerate(match.group(), match.start()):
            if "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff":
                if buffer_start is not None:
                    spans.append((buffer_start, offset))
                    buffer_start = None
                spans.append((offset, offset + 1))
            elif buffer_start is None:
                buffer_start = offset
        if buffer_start is not None:
            spans.append((buffer_start, match.end()))
    return spans


class PhraseField(QPlainTextEdit):
    """A text field for a recovery phrase that never gives it away."""

    pasted = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)
        self.setInputMethodHints(Qt.InputMethodHint.ImhSensitiveData
                                 | Qt.InputMethodHint.ImhNoPredictiveText
                                 | Qt.InputMethodHint.ImhNoAutoUppercase)

    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802 - Qt's name
        """Copy, cut and drag carry nothing out of this field."""
        return QMimeData()

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt's name
        """Paste plain text only, and say that the clipboard may keep it."""
        if source.hasText():
            self.insertPlainText(source.text())
            self.pasted.emit()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt's name
        """Paste and clear only: there is nothing to copy."""
        menu = QMenu(self)
        paste = menu.addAction(self.paste_text)
        paste.triggered.connect(self.paste)
        clear = menu.addAction(self.clear_text)
        clear.triggered.connect(self.clear)
        menu.exec(event.globalPos())

    paste_text = "Paste"
    clear_text = "Clear"


class PhraseDialog(QDialog):
    """Check a recovery phrase; register its fingerprint or compare with the registered one."""

    def __init__(self, context: PageContext, record: BackupRecord, parent: QWidget) -> None:
        super().__init__(parent)
        self._context = context
        self._record = record
        self._request: Any = None
        tr = context.language.translate
        self.setWindowTitle(tr(N_("Recovery phrase test")))
        self.setAccessibleName(self.windowTitle())
        self.setMinimumSize(620, 520)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._questions_page())
        self.pages.addWidget(self._phrase_page())
        column = QVBoxLayout(self)
        column.addWidget(self.pages)
        self._recheck = QTimer(self)
        self._recheck.setSingleShot(True)
        self._recheck.setInterval(150)
        self._recheck.timeout.connect(self._check_now)
        self.field.textChanged.connect(self._recheck.start)
        self.finished.connect(self._forget)

    # -- the questions -------------------------------------------------------------

    def _questions_page(self) -> QWidget:
        tr = self._context.language.translate
        page = QWidget(self)
        column = QVBoxLayout(page)
        intro = QLabel(tr(N_("Before you type your recovery phrase, two questions.")), page)
        intro.setWordWrap(True)
        column.addWidget(intro)
        self.answers: dict[str, QButtonGroup] = {}
        self.explanations: dict[str, QLabel] = {}
        for question in bip39.QUESTIONS:
            label = QLabel(tr(question.text), page)
            label.setWordWrap(True)
            font = label.font()
            font.setBold(True)
            label.setFont(font)
            column.addWidget(label)
            group = QButtonGroup(page)
            for index, answer in enumerate(question.answers):
                button = QRadioButton(tr(answer), page)
                button.setAccessibleName(tr(answer))
                group.addButton(button, index)
                column.addWidget(button)
            group.idClicked.connect(self._answered)
            self.answers[question.id] = group
            explanation = QLabel(page)
            explanation.setWordWrap(True)
            explanation.hide()
            column.addWidget(explanation)
            self.explanations[question.id] = explanation
        column.addStretch(1)
        self.continue_button = QPushButton(tr(N_("Continue")), page)
        self.continue_button.setEnabled(False)
        self.continue_button.clicked.connect(self._continue)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.continue_button)
        column.addLayout(row)
        return page

    def _answered(self, _index: int) -> None:
        self.continue_button.setEnabled(all(g.checkedId() >= 0 for g in self.answers.values()))

    def _continue(self) -> None:
        tr = self._context.language.translate
        given = {qid: group.checkedId() for qid, group in self.answers.items()}
        if bip39.understood(given):
            self.pages.setCurrentIndex(1)
            self.field.setFocus()
            return
        for question in bip39.QUESTIONS:
            label = self.explanations[question.id]
            wrong = given.get(question.id) != question.correct
            label.setText(tr(N_("Not quite: ")) + tr(question.explanation) if wrong else "")
            label.setVisible(wrong)

    # -- the phrase ----------------------------------------------------------------

    def _phrase_page(self) -> QWidget:
        tr = self._context.language.translate
        page = QWidget(self)
        column = QVBoxLayout(page)
        intro = QLabel(tr(N_("Type the words from your backup, in order. They are checked "
                             "here, on this computer, and are never saved: Anjian keeps only a "
                             "salted fingerprint to recognise the phrase next time.")), page)
        intro.setWordWrap(True)
        column.addWidget(intro)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr(N_("Word list")), page))
        self.language = QComboBox(page)
        self.language.setAccessibleName(tr(N_("Word list")))
        self.language.addItem(tr(N_("Recognise automatically")), "")
        for code in bip39.LANGUAGES:
            self.language.addItem(tr(bip39.LANGUAGE_NAMES[code]), code)
        self.language.currentIndexChanged.connect(self._check_now)
        row.addWidget(self.language, 1)
        column.addLayout(row)
        self.field = PhraseField(page)
        self.field.paste_text = tr(N_("Paste"))
        self.field.clear_text = tr(N_("Clear"))
        self.field.setAccessibleName(tr(N_("Recovery phrase")))
        self.field.setMaximumHeight(110)
        self.field.pasted.connect(self._pasted)
        column.addWidget(self.field)
        self.paste_warning = QLabel(tr(N_(
            "Warning: you pasted the phrase. Your clipboard, and a clipboard manager if you "
            "use one, may still hold it: copy something else and clear the clipboard "
            "history.")), page)
        self.paste_warning.setWordWrap(True)
        self.paste_warning.hide()
        column.addWidget(self.paste_warning)
        self.verdict = QLabel(page)
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.TextFormat.PlainText)
        column.addWidget(self.verdict)
        self.words = QListWidget(page)
        self.words.setAccessibleName(tr(N_("Words to check")))
        column.addWidget(self.words, 1)
        self.outcome = QLabel(page)
        self.outcome.setWordWrap(True)
        self.outcome.setTextFormat(Qt.TextFormat.PlainText)
        self.outcome.setAccessibleName(tr(N_("Result")))
        column.addWidget(self.outcome)
        buttons = QHBoxLayout()
        self.compare_button = QPushButton(tr(N_("Compare with the registered phrase")), page)
        self.register_button = QPushButton(tr(N_("Register this phrase")), page)
        self.close_button = QPushButton(tr(N_("Close")), page)
        self.compare_button.clicked.connect(self._compare)
        self.register_button.clicked.connect(self._register)
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.compare_button)
        buttons.addWidget(self.register_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        column.addLayout(buttons)
        self._check_now()
        return page

    def _pasted(self) -> None:
        self.paste_warning.show()

    def _language_code(self) -> str | None:
        return self.language.currentData() or None

    def _check_now(self) -> None:
        tr = self._context.language.translate
        text = self.field.toPlainText()
        check = bip39.check_phrase(text, self._language_code())
        params = {"count": len(check.words),
                  "language": Text(bip39.LANGUAGE_NAMES[check.language])}
        self.verdict.setText(tr(Text(bip39.VERDICT_TEXTS[check.verdict], {
            k: tr(v) if isinstance(v, Text) else v for k, v in params.items()})))
        self.words.clear()
        for word in check.words:
            if word.status is bip39.WordStatus.KNOWN:
                continue
            if word.suggestions:
                line = Text(N_("Word {position} is not on the list. Did you mean: {words}?"),
                            {"position": word.position, "words": ", ".join(word.suggestions)})
            else:
                line = Text(N_("Word {position} is not on the list."),
                            {"position": word.position})
            self.words.addItem(tr(line))
        self._mark(check)
        valid = check.verdict is bip39.Verdict.VALID
        self.register_button.setEnabled(valid and self._request is None)
        self.compare_button.setEnabled(valid and self._request is None
                                       and self._record.fingerprint is not None)
        self.outcome.clear()

    def _mark(self, check: bip39.PhraseCheck) -> None:
        """Underline the unknown words in the field (the list below says it in words)."""
        selections = []
        spans = word_spans(self.field.toPlainText())
        for word, (start, end) in zip(check.words, spans):
            if word.status is bip39.WordStatus.KNOWN:
                continue
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.field.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(QColor("#c62828"))
            selection.format = fmt
            selections.append(selection)
        self.field.setExtraSelections(selections)

    # -- comparing and registering (on the worker) ----------------------------------

    def _compare(self) -> None:
        typed, language, record_id = self.field.toPlainText(), self._language_code(), self._record.id
        self._run(lambda service: service.test_phrase(record_id, typed, language), self._compared)

    def _register(self) -> None:
        typed, language, record_id = self.field.toPlainText(), self._language_code(), self._record.id
        self._run(lambda service: service.register_phrase(record_id, typed, language),
                  self._registered)

    def _run(self, call: Any, on_done: Any) -> None:
        tr = self._context.language.translate
        self.outcome.setText(tr(N_("Checking…")))
        self.compare_button.setEnabled(False)
        self.register_button.setEnabled(False)
        self._request = self._context.call(call, on_done, self._failed)

    def _finished(self) -> None:
        self._request = None
        valid = bip39.check_phrase(self.field.toPlainText(), self._language_code()).verdict \
            is bip39.Verdict.VALID
        self.register_button.setEnabled(valid)
        self.compare_button.setEnabled(valid and self._record.fingerprint is not None)

    def _failed(self, _error: object) -> None:
        self._finished()
        self.outcome.setText(self._context.language.translate(
            N_("The keyring could not be used; nothing was changed (see the message above).")))

    def _compared(self, outcome: Any) -> None:
        from anjian.storage.phrases import Outcome

        result, status = outcome
        self._finished()
        if status is not None:
            self._context.state_changed.emit(status)
        day = result.registered.astimezone().date().isoformat() if result.registered else ""
        texts = {
            Outcome.MATCHES: N_("Matches the phrase you registered on {date}. Recorded as "
                                "tested today."),
            Outcome.DIFFERS: N_("Does not match the phrase you registered on {date}. Check each "
                                "word against your backup; if the backup itself is wrong, make "
                                "a new one from your wallet."),
            Outcome.NOT_REGISTERED: N_("The words and checksum are valid, but no phrase is "
                                       "registered for this backup to compare with."),
            Outcome.FINGERPRINT_LOST: N_("The registered fingerprint is missing from the "
                                         "keyring. Register the phrase again."),
            Outcome.INVALID: N_("The phrase is not valid, so it was not compared."),
        }
        self.outcome.setText(self._context.language.translate(
            Text(texts[result.outcome], {"date": day})))

    def _registered(self, outcome: Any) -> None:
        check, status = outcome
        self._finished()
        if status is None:
            return
        self._context.state_changed.emit(status)
        record = next((r for r in status.snapshot.state.backups if r.id == self._record.id), None)
        if record is not None:
            self._record = record
        self._finished()
        self.outcome.setText(self._context.language.translate(N_(
            "Registered. Anjian keeps only a salted fingerprint of the phrase in your keyring; "
            "next time, type the phrase again and compare.")))
        del check

    def _forget(self) -> None:
        """Clear everything that showed or held the phrase; drop a result still to come."""
        if self._request is not None:
            self._request.cancel()
            self._request = None
        self._recheck.stop()
        self.field.clear()
        self.field.setExtraSelections([])
        self.words.clear()

"""The first-run checklist wizard: draws the steps that core describes.

One step at a time: what to do, why, how, a button to the page where the
check itself is, and the answers "Done", "Not applicable", "Later" (help steps:
"Next"). Every answer is saved at once, so closing the wizard loses nothing
and it opens again at the step where it stopped. It works by keyboard alone:
each button has a mnemonic, Escape closes, and focus starts on "Done".
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from anjian import content
from anjian.core.checklist import wizard
from anjian.core.checklist.progress import Answer, ChecklistProgress
from anjian.i18n import N_, Text
from anjian.service import StorageStatus
from anjian.ui.context import PageContext
from anjian.ui.pages import heading_font, wrapping_label
from anjian.ui.sections import section

_ANSWER_LABELS = {
    Answer.DONE: N_("&Done"),
    Answer.NOT_APPLICABLE: N_("&Not applicable"),
    Answer.LATER: N_("&Later"),
}


class ChecklistWizard(QDialog):
    """The checklist, one step at a time."""

    finished_all = Signal()

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.steps = wizard.steps(content.checklist())
        self.position = 0
        self.setModal(False)
        layout = QVBoxLayout(self)
        # Never narrower than its buttons need (longer in some languages).
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.setSpacing(12)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, len(self.steps))
        self.progress.setTextVisible(False)  # the counter above says it in words
        self.counter = QLabel(self)
        self.heading = wrapping_label(self)
        heading_font(self.heading, 1.3)
        self.why_label = QLabel(self)
        self.why = wrapping_label(self)
        self.how_label = QLabel(self)
        self.how = wrapping_label(self)
        for label in (self.why_label, self.how_label):
            bold = label.font()
            bold.setBold(True)
            label.setFont(bold)
        self.open_check = QPushButton(self)
        self.open_check.clicked.connect(self._open_check)
        layout.addWidget(self.counter)
        layout.addWidget(self.progress)
        layout.addWidget(self.heading)
        layout.addWidget(self.why_label)
        layout.addWidget(self.why)
        layout.addWidget(self.how_label)
        layout.addWidget(self.how)
        layout.addWidget(self.open_check, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

        buttons = QHBoxLayout()
        self.back = QPushButton(self)
        self.back.clicked.connect(self._back)
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        self.answer_buttons: dict[Answer, QPushButton] = {}
        for answer in (Answer.LATER, Answer.NOT_APPLICABLE, Answer.DONE):
            button = QPushButton(self)
            button.clicked.connect(lambda _=False, a=answer: self.choose(a))
            buttons.addWidget(button)
            self.answer_buttons[answer] = button
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.close)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)

        context.state_changed.connect(self._state_changed)
        context.language.changed.connect(self.render)
        if context.state is not None:
            self.position = wizard.resume_at(context.state.checklist, self.steps)
        self.render()
        self.resize(max(560, self.minimumSizeHint().width()), self.sizeHint().height())

    # -- moving --------------------------------------------------------------------

    def choose(self, answer: Answer) -> None:
        """Answer the current step (saved at once) and move on."""
        position = self.position
        last = position + 1 >= len(self.steps)
        self._context.call(lambda s: s.wizard_step(position, answer), self._saved)
        if last:
            self.finished_all.emit()
            self.close()
        else:
            self.position = position + 1
            self.render()

    def _back(self) -> None:
        position = max(0, self.position - 1)
        self.position = position
        self._context.call(lambda s: s.wizard_step(position), self._saved)
        self.render()

    def _saved(self, status: StorageStatus) -> None:
        self._context.state_changed.emit(status)

    def _state_changed(self, status: StorageStatus) -> None:
        # Another window may have moved on; our own answers are already shown.
        self.render()

    def _open_check(self) -> None:
        self._context.open_section(self.steps[self.position].opens_section)

    # -- drawing -------------------------------------------------------------------

    def render(self) -> None:
        """Draw the current step in the current language."""
        tr = self._context.language.translate
        step = self.steps[self.position]
        item = step.item
        self.setWindowTitle(tr(N_("Security checklist")))
        self.counter.setText(tr(Text(N_("Step {number} of {total}"),
                                     {"number": step.index + 1, "total": step.total})))
        self.progress.setValue(step.index + 1)
        self.progress.setFormat(self.counter.text())
        self.progress.setAccessibleName(tr(N_("Checklist progress")))
        self.heading.setText(tr(item.title))
        self.why_label.setText(tr(N_("Why")))
        self.why.setText(tr(item.why))
        self.how_label.setText(tr(N_("What to do")))
        self.how.setText(tr(item.how))
        target = section(step.opens_section)
        self.open_check.setText(tr(Text(N_("Open {section}"), {"section": tr(target.title)})))
        self.open_check.setVisible(step.opens_section != "overview")
        self.back.setText(tr(N_("&Back")))
        self.back.setEnabled(step.index > 0)
        self.close_button.setText(tr(N_("&Close, continue later")))
        offered = step.answers
        for answer, button in self.answer_buttons.items():
            button.setVisible(answer in offered)
            button.setText(tr(_ANSWER_LABELS[answer]))
        if offered == (Answer.DONE,):
            self.answer_buttons[Answer.DONE].setText(tr(N_("&Next")))
        current = self._current_answer(item.id)
        self.answer_buttons[Answer.DONE].setDefault(True)
        self.answer_buttons[Answer.DONE].setFocus()
        for button in (*self.answer_buttons.values(), self.back, self.close_button,
                       self.open_check):
            button.setAccessibleName(button.text().replace("&", ""))
        self.heading.setAccessibleName(self.heading.text())
        self.setAccessibleDescription(
            tr(Text(N_("Answered before: {answer}"), {"answer": tr(_ANSWER_LABELS[current])
                                                      .replace("&", "")}))
            if current is not None else "")

    def _current_answer(self, item_id: str) -> Answer | None:
        state = self._context.state
        progress = state.checklist if state is not None else ChecklistProgress()
        answered = progress.answers.get(item_id)
        return answered.answer if answered else None

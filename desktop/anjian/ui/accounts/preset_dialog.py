"""Official channels from a preset: each shown with its cited source, confirmed by the user.

A preset only saves typing. Anjian cannot know that a page has not changed since it
was read, so nothing is recorded until the user has ticked the entries they checked
against the cited page (on the service's own site) and said so.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from anjian.core.accounts.channels import (
    CHANNEL_KIND_NAMES,
    Preset,
    PresetChannel,
    normalise_value,
)
from anjian.core.accounts.problems import InputProblem
from anjian.i18n import N_, Text
from anjian.ui.accounts.common import Translate, heading, label


class PresetDialog(QDialog):
    """Pick a preset, tick the channels checked against their sources, confirm."""

    def __init__(self, tr: Translate, presets: Sequence[Preset], recorded: set[tuple[str, str]],
                 region: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tr = tr
        self._presets = list(presets)
        self._recorded = recorded  # (kind, stored value) already recorded for the account
        self._region = region
        self.boxes: list[QCheckBox] = []
        title = tr(N_("Official channels from a preset"))
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        column = QVBoxLayout(self)
        top = heading(self, 1.3)
        top.setText(title)
        column.addWidget(top)
        self.intro = label(self)
        column.addWidget(self.intro)
        self.preset = QComboBox(self)
        self.preset.setAccessibleName(tr(N_("Service")))
        for preset in self._presets:
            self.preset.addItem(preset.name, preset.id)
        self.preset.currentIndexChanged.connect(self._fill)
        column.addWidget(self.preset)
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        self._list = QWidget(area)
        self._rows = QVBoxLayout(self._list)
        area.setWidget(self._list)
        column.addWidget(area, 1)
        self.confirm = QCheckBox(tr(N_(
            "I opened each ticked source myself, on the service's own website, and it states "
            "these channels.")), self)
        self.confirm.setAccessibleName(tr(N_("I checked the ticked channels against their "
                                             "sources")))
        self.confirm.toggled.connect(self._update)
        column.addWidget(self.confirm)
        buttons = QDialogButtonBox(self)
        self.add = QPushButton(tr(N_("Record the ticked channels")), self)
        self.add.setAccessibleName(self.add.text())
        buttons.addButton(self.add, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)
        if self._presets:
            self.intro.setText(tr(N_(
                "Each entry names the page of the service's own website it was taken from, "
                "and when. Pages change and fakes copy them: open the source yourself, "
                "compare, and tick only what you checked.")))
        else:
            self.intro.setText(tr(N_(
                "No presets are included yet: Anjian ships an entry only when it cites a "
                "page of the service's own website. Take the channels from the official app "
                "or website and record them by hand.")))
            self.preset.hide()
            self.confirm.hide()
            self.add.hide()
        self._fill()
        self.resize(620, 520)

    @property
    def chosen_preset(self) -> Preset | None:
        """The preset shown."""
        index = self.preset.currentIndex()
        return self._presets[index] if 0 <= index < len(self._presets) else None

    def chosen(self) -> list[int]:
        """The indexes of the ticked channels in :attr:`chosen_preset`."""
        return [i for i, box in enumerate(self.boxes) if box.isChecked()]

    def _fill(self) -> None:
        while self._rows.count():
            widget = self._rows.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.boxes = []
        self.confirm.setChecked(False)
        tr = self._tr
        preset = self.chosen_preset
        for entry in preset.channels if preset else ():
            kind = tr(CHANNEL_KIND_NAMES[entry.kind])
            value = entry.value + (f" ({entry.store})" if entry.store else "")
            box = QCheckBox(f"{kind}: {value}", self._list)
            box.setAccessibleName(f"{kind}: {value}")
            box.toggled.connect(self._update)
            source = label(self._list)
            source.setText(tr(Text(N_("Source: {title}, {url} (read on {date})"), {
                "title": entry.source_title, "url": entry.source_url,
                "date": entry.retrieved.isoformat()})))
            source.setContentsMargins(24, 0, 0, 8)
            if self._is_recorded(entry):
                box.setEnabled(False)
                recorded = tr(N_("already recorded"))
                box.setText(f"{kind}: {value} — {recorded}")
            self._rows.addWidget(box)
            self._rows.addWidget(source)
            self.boxes.append(box)
        self._rows.addStretch(1)
        self._update()

    def _is_recorded(self, entry: PresetChannel) -> bool:
        try:
            value = normalise_value(entry.kind, entry.value, self._region)
        except InputProblem:
            return False
        return (entry.kind.value, value) in self._recorded

    def _update(self) -> None:
        self.add.setEnabled(self.confirm.isChecked() and bool(self.chosen()))

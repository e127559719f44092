"""About Anjian: what it is, its licence, and the licences of what it is built on.

The components' versions and licences are read from the installed packages'
metadata at run time, so the dialog tells the truth about this installation;
a small table fills in where a package's metadata names no licence.
"""

from __future__ import annotations

from importlib import metadata

from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from anjian import __version__
from anjian.i18n import N_, Text
from anjian.record import record
from anjian.ui.language import InterfaceLanguage
from anjian.ui.pages import heading_font

LICENCE = "GPL-3.0-or-later"

# Distribution name -> licence, used when the metadata names none.
FALLBACK_LICENCES: dict[str, str] = {
    "PySide6-Essentials": "LGPL-3.0-only",
    "keyring": "MIT",
    "zxcvbn": "MIT",
    "pyotp": "MIT",
    "qrcode": "BSD",
    "platformdirs": "MIT",
    "filelock": "Unlicense",
    "SecretStorage": "BSD-3-Clause",
}

# Qt itself ships inside PySide6-Essentials and has no metadata of its own.
QT_LICENCE = "LGPL-3.0-only"

_LONG_LICENCE_FIELD = 60  # some packages paste the whole licence text into "License"


@record
class Component:
    """One thing Anjian is built on, as installed here."""

    name: str
    version: str | None  # None: not installed (SecretStorage off Linux)
    licence: str


def components() -> list[Component]:
    """Qt and every runtime dependency, with installed version and licence."""
    found = [Component("Qt", qVersion(), QT_LICENCE)]
    for name, fallback in FALLBACK_LICENCES.items():
        try:
            meta = metadata.metadata(name)
        except metadata.PackageNotFoundError:
            found.append(Component(name, None, fallback))
            continue
        found.append(Component(name, _field(meta, "Version"), _licence(meta) or fallback))
    return found


def _licence(meta: metadata.PackageMetadata) -> str | None:
    """The licence the metadata states: SPDX expression, short field, or classifier."""
    expression = _field(meta, "License-Expression")
    if expression:
        return expression
    field = _field(meta, "License")
    if field and "\n" not in field and len(field) <= _LONG_LICENCE_FIELD:
        return field
    prefix = "License :: OSI Approved :: "
    named = [c[len(prefix):] for c in meta.get_all("Classifier") or [] if c.startswith(prefix)]
    return " / ".join(named) or None


def _field(meta: metadata.PackageMetadata, name: str) -> str | None:
    values = meta.get_all(name)
    return str(values[0]) if values else None


class AboutDialog(QDialog):
    """Name, version, what Anjian does, and the licences."""

    def __init__(self, language: InterfaceLanguage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        tr = language.translate
        self.setWindowTitle(tr(N_("About Anjian")))
        self.setAccessibleName(tr(N_("About Anjian")))
        self.setMinimumWidth(560)

        icon = QLabel(self)
        icon.setPixmap(QApplication.windowIcon().pixmap(64, 64))
        icon.setFixedSize(64, 64)
        name = QLabel(self)
        name.setTextFormat(Qt.TextFormat.PlainText)
        name.setText(tr(Text(N_("Anjian {version}"), {"version": __version__})))
        heading_font(name, 1.5)
        description = QLabel(tr(N_(
            "Anjian (安检) checks the security of your own accounts, turns common security "
            "advice into checks you can act on, and reminds you when something is due. "
            "Everything it records stays in your system keyring.")), self)
        description.setWordWrap(True)
        licence = QLabel(tr(Text(N_("Licence: {licence}. You may share and change it under "
                                    "the terms of that licence."), {"licence": LICENCE})), self)
        licence.setWordWrap(True)
        heading = QLabel(tr(N_("Built with:")), self)

        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(
            [tr(N_("Component")), tr(N_("Version")), tr(N_("Licence"))])
        self.table.setAccessibleName(tr(N_("Components and their licences")))
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)  # one line a component; the dialog grows instead
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        for component in components():
            row = self.table.rowCount()
            self.table.insertRow(row)
            version = component.version or tr(N_("not installed"))
            for column, value in enumerate((component.name, version, component.licence)):
                self.table.setItem(row, column, QTableWidgetItem(value))

        self.table.resizeRowsToContents()
        # Tall enough to show every component without scrolling.
        rows = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        self.table.setFixedHeight(rows + header.sizeHint().height() + 2 * self.table.frameWidth())

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(tr(N_("Close")))
        close.setDefault(True)
        close.setFocus()  # not the table, which would show a focus frame on its first cell

        top = QHBoxLayout()
        top.setSpacing(16)
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        texts = QVBoxLayout()
        texts.setSpacing(8)
        for label in (name, description, licence):
            texts.addWidget(label)
        top.addLayout(texts, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 20, 20, 16)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(heading)
        layout.addWidget(self.table)
        layout.addStretch(1)
        layout.addWidget(buttons)
        # Wrapped labels make Qt guess a tall default; size to the real text instead.
        width = self.minimumWidth()
        self.resize(width, layout.totalHeightForWidth(width))

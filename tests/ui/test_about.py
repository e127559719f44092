"""The About dialog: what Anjian is, and the licences of what it is built on."""

from __future__ import annotations

from importlib import metadata

from PySide6.QtWidgets import QLabel

from anjian import __version__
from anjian.ui.about import AboutDialog, components


def _open_about(window, qtbot) -> AboutDialog:  # type: ignore[no-untyped-def]
    window.about_action.trigger()
    dialog = window.findChild(AboutDialog)
    qtbot.waitExposed(dialog)
    return dialog


def _rows(dialog: AboutDialog) -> dict[str, tuple[str, str]]:
    table = dialog.table
    return {
        table.item(row, 0).text(): (table.item(row, 1).text(), table.item(row, 2).text())
        for row in range(table.rowCount())
    }


def test_about_lists_every_dependency_with_its_installed_version(open_window, qtbot):
    dialog = _open_about(open_window().window, qtbot)

    rows = _rows(dialog)

    for name in ("PySide6-Essentials", "keyring", "zxcvbn", "pyotp", "qrcode", "platformdirs",
                 "filelock"):
        assert rows[name][0] == metadata.version(name)
    assert "Qt" in rows


def test_about_shows_each_dependency_licence_from_its_metadata(open_window, qtbot):
    dialog = _open_about(open_window().window, qtbot)

    rows = _rows(dialog)

    assert rows["keyring"][1] == "MIT"
    assert rows["Qt"][1] == "LGPL-3.0-only"


def test_about_names_the_version_and_licence_of_anjian(open_window, qtbot):
    dialog = _open_about(open_window().window, qtbot)

    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))

    assert __version__ in texts
    assert "GPL-3.0-or-later" in texts


def test_a_missing_dependency_is_listed_as_not_installed(monkeypatch):
    real = metadata.metadata

    def without_pyotp(name: str):  # type: ignore[no-untyped-def]
        if name == "pyotp":
            raise metadata.PackageNotFoundError(name)
        return real(name)

    monkeypatch.setattr(metadata, "metadata", without_pyotp)

    pyotp = next(c for c in components() if c.name == "pyotp")
    assert (pyotp.version, pyotp.licence) == (None, "MIT")

"""Put Anjian in the applications menu of an XDG desktop (Linux, BSD), and take it out.

``pipx install`` installs the programs but not the menu entry: this copies the
shipped ``.desktop`` file (with ``Exec=`` pointing at the installed program, so
it works even when ``~/.local/bin`` is not on the session's PATH), the icon and
the AppStream metainfo into the user's XDG data folder, the places the
freedesktop.org specifications name. Nothing else is written; removing deletes
exactly those three files.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from anjian import APP_ID
from anjian.autostart import desktop_exec, installed_program
from anjian.files import write_atomically
from anjian.paths import resources_dir
from anjian.record import record


@record
class DesktopEntry:
    """The menu entry, icon and metainfo under one XDG data folder."""

    data_home: Path

    @classmethod
    def for_user(cls, environ: Mapping[str, str] | None = None) -> DesktopEntry:
        env = os.environ if environ is None else environ
        base = env.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        return cls(Path(base))

    @property
    def files(self) -> tuple[Path, Path, Path]:
        """Where the entry, the icon and the metainfo go."""
        return (
            self.data_home / "applications" / f"{APP_ID}.desktop",
            self.data_home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
            self.data_home / "metainfo" / f"{APP_ID}.metainfo.xml",
        )

    def installed(self) -> bool:
        return self.files[0].is_file()

    def install(self, program: str | None = None) -> tuple[Path, ...]:
        """Write the three files; ``program`` is the ``anjian`` to start (default: ours)."""
        entry, icon, metainfo = self.files
        shipped = resources_dir()
        write_atomically(icon, (shipped / "icons" / "anjian.svg").read_bytes(), make_folder=True)
        write_atomically(metainfo, (shipped / "desktop" / metainfo.name).read_bytes(),
                         make_folder=True)
        write_atomically(entry, _with_exec(
            (shipped / "desktop" / entry.name).read_text(encoding="utf-8"),
            program or installed_program()).encode("utf-8"), make_folder=True)
        return self.files

    def remove(self) -> tuple[Path, ...]:
        """Delete the files that were there; returns those it deleted."""
        removed = []
        for path in self.files:
            if path.is_file():
                path.unlink()
                removed.append(path)
        return tuple(removed)


def _with_exec(entry: str, program: str) -> str:
    lines = [f"Exec={desktop_exec([program])}" if line.startswith("Exec=") else line
             for line in entry.splitlines()]
    return "\n".join(lines) + "\n"

"""Build hook: compile the gettext catalogues from ``resources/translations``.

The compiled ``.mo`` files are build products, never committed, so a wheel
always carries catalogues made from the ``.po`` files it was built from: a
stale compiled catalogue cannot ship. Editable installs compile them into the
source tree (git-ignored) so a checkout runs translated too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def compile_catalogues(root: Path) -> list[Path]:
    """Compile every ``resources/translations/<lang>/LC_MESSAGES/*.po``; return the ``.mo`` paths."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    out_root = root / "desktop" / "anjian" / "locale"
    written = []
    for po in sorted((root / "resources" / "translations").glob("*/LC_MESSAGES/*.po")):
        language = po.parent.parent.name
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=language)
        target = out_root / language / "LC_MESSAGES" / po.with_suffix(".mo").name
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as handle:
            # Fuzzy entries are left out, as msgfmt does: an unchecked
            # translation is worse than the English original.
            write_mo(handle, catalog, use_fuzzy=False)
        written.append(target)
    return written


class CustomBuildHook(BuildHookInterface):
    """Hatch calls this before building the wheel (standard and editable)."""

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        compile_catalogues(Path(self.root))

"""Where Anjian finds its shipped resources and keeps its few non-secret files.

Nothing secret is ever stored under these paths: the security state lives in the
OS keyring. Here live only the UI preferences (language, window geometry) and the
lock file that serialises saves between processes.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


_PACKAGE_DIR = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """The ``resources/`` tree: inside the wheel, or at the top of a checkout."""
    bundled = _PACKAGE_DIR / "resources"
    if bundled.is_dir():
        return bundled
    return _PACKAGE_DIR.parent.parent / "resources"


def locale_dir() -> Path:
    """Compiled gettext catalogues (``<lang>/LC_MESSAGES/anjian.mo``), made at build time."""
    return _PACKAGE_DIR / "locale"


def config_dir() -> Path:
    """Per-user folder for non-secret preferences; ``ANJIAN_CONFIG_DIR`` overrides it (tests)."""
    override = os.environ.get("ANJIAN_CONFIG_DIR")
    if override:
        return Path(override)
    if sys.platform.startswith("linux"):
        # The XDG rule platformdirs applies on Linux, without importing it (it
        # costs anjian-cli check a tenth of its time).
        base = os.environ.get("XDG_CONFIG_HOME", "").strip() or os.path.expanduser("~/.config")
        return Path(base) / "anjian"
    import platformdirs

    return Path(platformdirs.user_config_dir("anjian", appauthor=False))


def lock_path() -> Path:
    """The inter-process save lock; beside the preferences, never holding data."""
    return config_dir() / "state.lock"

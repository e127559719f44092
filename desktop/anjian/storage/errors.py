"""Every way the keyring can fail, as one exception with a translated message.

The message says what happened and what to do. It never contains a secret,
a stored value or the text of the underlying exception (which, for some
backends, can echo what was being written); the backend's exception type is
kept as ``detail`` for logs.
"""

from __future__ import annotations

import sys
from enum import Enum

from anjian.i18n import N_, Text


class Problem(str, Enum):
    """What went wrong, stable for tests and for the UI to pick an action."""

    NO_BACKEND = "no-backend"
    INSECURE_BACKEND = "insecure-backend"
    LOCKED = "locked"
    UNLOCK_DISMISSED = "unlock-dismissed"
    UNAVAILABLE = "unavailable"
    READ_FAILED = "read-failed"
    WRITE_FAILED = "write-failed"
    BUSY = "busy"
    CONFLICT = "conflict"
    READ_ONLY = "read-only"
    CANCELLED = "cancelled"


def _no_backend_help() -> str:
    if sys.platform.startswith("win"):
        return N_("No usable keyring was found. Windows Credential Manager should always be "
                  "present: check that the Credential Manager service is running.")
    if sys.platform == "darwin":
        return N_("No usable keyring was found. Check that your login keychain exists in "
                  "Keychain Access.")
    return N_("No usable keyring was found. Install and start a Secret Service keyring "
              "(GNOME Keyring: package gnome-keyring; KDE: KWallet with its Secret Service "
              "support), then log out and back in.")


_MESSAGES: dict[Problem, str] = {
    Problem.INSECURE_BACKEND: N_(
        "The only keyring available ({backend}) stores secrets unencrypted. Anjian refuses "
        "to use it. Set up your system keyring (Secret Service, Keychain or Credential "
        "Manager)."),
    Problem.LOCKED: N_(
        "Your keyring is locked. Unlock it (log in to your desktop session, or open your "
        "keyring manager and unlock the login keyring), then try again."),
    Problem.UNLOCK_DISMISSED: N_(
        "The keyring was not unlocked: the unlock prompt was dismissed. Try again and "
        "enter your keyring password when asked."),
    Problem.UNAVAILABLE: N_(
        "The keyring service did not answer. Check that it is running (on Linux: "
        "gnome-keyring-daemon or KWallet), then try again."),
    Problem.READ_FAILED: N_(
        "Anjian could not read from the keyring. Your saved state is untouched. Try again; "
        "if it keeps failing, restart the keyring service."),
    Problem.WRITE_FAILED: N_(
        "Anjian could not write to the keyring (it may be full, or its disk may be full). "
        "Your last saved state is untouched; the change was not saved."),
    Problem.BUSY: N_(
        "Another Anjian window or command is saving right now. Try again in a moment."),
    Problem.CONFLICT: N_(
        "The state was changed by another Anjian window or command since you opened it. "
        "Reload to see the latest version, then make your change again."),
    Problem.READ_ONLY: N_(
        "This state is open read-only, so nothing was saved."),
    Problem.CANCELLED: N_(
        "You stopped waiting for the keyring. Nothing was changed."),
}


class StorageError(Exception):
    """A keyring operation failed; ``text`` is the user-facing explanation."""

    def __init__(self, problem: Problem, text: Text | None = None, detail: str = "") -> None:
        self.problem = problem
        self.text = text or problem_text(problem)
        self.detail = detail  # the backend exception's *type* name only
        super().__init__(str(self.text))


def problem_text(problem: Problem, **params: object) -> Text:
    """The standard explanation of a problem."""
    if problem is Problem.NO_BACKEND:
        return Text(_no_backend_help(), params)
    return Text(_MESSAGES[problem], params)

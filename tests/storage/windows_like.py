"""A keyring backend that behaves like Windows Credential Manager over the real one.

Windows keeps at most 2,560 bytes per credential blob; keyring stores UTF-16, so a
value of more than 1,280 characters fails to write. This wrapper enforces that limit
on top of keyring's real Secret Service backend, so the sharded layout is exercised
against real storage.
"""

from __future__ import annotations

from typing import Any

import keyring.backend
from keyring.backends import SecretService

WINDOWS_VALUE_CHARS = 1280


class CredentialBlobTooLarge(OSError):
    """What a too-large CredWrite looks like to the caller (an OS error)."""


class WindowsLikeKeyring(keyring.backend.KeyringBackend):
    """Real Secret Service storage with Windows' value size limit."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.inner = SecretService.Keyring()
        self.writes: list[tuple[str, int]] = []

    def get_password(self, service: str, username: str) -> str | None:
        return self.inner.get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        if len(password) > WINDOWS_VALUE_CHARS:
            raise CredentialBlobTooLarge(1783, "CredWrite", "The stub received bad data.")
        self.writes.append((username, len(password)))
        self.inner.set_password(service, username, password)

    def delete_password(self, service: str, username: str) -> None:
        self.inner.delete_password(service, username)


class WinVaultKeyring(WindowsLikeKeyring):
    """Same, under the class name by which Anjian recognises Windows' backend."""


def make(kind: str) -> Any:
    """``"by-class"``: named like Windows' backend; ``"by-failure"``: detected by a failed write."""
    return WinVaultKeyring() if kind == "by-class" else WindowsLikeKeyring()

"""Choosing the keyring that holds Anjian's state.

The user's keyring configuration wins (``PYTHON_KEYRING_BACKEND`` or
``keyringrc.cfg``), as every ``keyring`` program honours it. Without one, on
Linux the Secret Service is tried first over a direct connection, which avoids
``keyring``'s discovery of every installed backend (a scan of entry points and a
D-Bus probe per backend, the largest part of a cold start of ``anjian-cli``).
Otherwise ``keyring`` picks by its usual priorities.

A backend that keeps secrets in plain text is refused, never used as a silent
fallback; a missing backend is reported with how to set one up.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from anjian.storage.errors import Problem, StorageError, problem_text
from anjian.storage.vault import BackendInfo, KeyringVault, SecretServiceVault, Vault

# Windows Credential Manager keeps at most 2,560 bytes per credential blob, which
# keyring fills with UTF-16 (about 1,280 characters) and does not split. Values
# are cut into shards of at most this many characters, leaving room to spare.
SHARD_CHARS = 1000

# Backends that have a per-value limit, by class name.
_LIMITED_BACKENDS = {"WinVaultKeyring": SHARD_CHARS}

_FRIENDLY_NAMES = {
    "keyring.backends.SecretService.Keyring": "Secret Service",
    "keyring.backends.kwallet.DBusKeyring": "KWallet",
    "keyring.backends.kwallet.DBusKeyringKWallet4": "KWallet",
    "keyring.backends.Windows.WinVaultKeyring": "Windows Credential Manager",
    "keyring.backends.macOS.Keyring": "macOS Keychain",
    "keyring.backends.libsecret.Keyring": "Secret Service (libsecret)",
}


def open_vault(service: str) -> Vault:
    """The vault for ``service`` on the user's keyring; raise :class:`StorageError` if none fits."""
    if sys.platform.startswith("linux") and not _keyring_configured():
        try:
            return SecretServiceVault.connect(service)
        except StorageError as exc:
            if exc.problem is not Problem.UNAVAILABLE:
                raise
            # No Secret Service on the bus: let keyring look for KWallet and others.
    import keyring

    return vault_for_backend(keyring.get_keyring(), service)


def vault_for_backend(backend: Any, service: str) -> Vault:
    """Wrap a ``keyring`` backend object, refusing unusable and plaintext ones."""
    from keyring.backends import SecretService, chainer, fail

    if isinstance(backend, fail.Keyring):
        raise StorageError(Problem.NO_BACKEND, detail="fail.Keyring")
    if isinstance(backend, chainer.ChainerBackend) and not backend.backends:
        raise StorageError(Problem.NO_BACKEND, detail="ChainerBackend(empty)")
    class_path = f"{type(backend).__module__}.{type(backend).__qualname__}"
    if _is_plaintext(backend):
        raise StorageError(
            Problem.INSECURE_BACKEND,
            problem_text(Problem.INSECURE_BACKEND, backend=class_path),
            detail=class_path,
        )
    if isinstance(backend, SecretService.Keyring):
        return SecretServiceVault(service, getattr(backend, "preferred_collection", None))
    info = BackendInfo(
        name=_FRIENDLY_NAMES.get(class_path, class_path),
        backend_class=class_path,
        max_value=_LIMITED_BACKENDS.get(type(backend).__name__),
    )
    return KeyringVault(backend, service, info)


def _is_plaintext(backend: Any) -> bool:
    module = type(backend).__module__
    name = type(backend).__name__
    if module.startswith("keyring.backends.null"):
        return True
    # keyrings.alt's PlaintextKeyring and friends write readable files.
    return module.startswith("keyrings.alt") and "Encrypted" not in name


def _keyring_configured() -> bool:
    """Whether the user told ``keyring`` which backend to use."""
    if os.environ.get("PYTHON_KEYRING_BACKEND"):
        return True
    return _config_file().is_file()


def _config_file() -> Path:
    # keyring.util.platform_.config_root(), without importing keyring.
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "python_keyring" / "keyringrc.cfg"

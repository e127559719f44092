"""The keyring as Anjian sees it: named text values under one service.

:class:`Vault` is the whole interface the state store needs: get, set and
delete a value by name. :class:`KeyringVault` serves any backend of the
``keyring`` library. :class:`SecretServiceVault` serves the Secret Service
(GNOME Keyring, KWallet's Secret Service, KeePassXC) directly through
secretstorage, keeping one D-Bus connection and one encrypted session open:
``keyring``'s own backend opens a new connection and negotiates a new
Diffie-Hellman session on every call, about 12 ms each here, against about
2-4 ms for a call on an open session. Its entries are the very same items
(same attributes, same collection), so either path reads what the other wrote.

Every backend exception becomes a :class:`StorageError` here, carrying only the
exception's type name: some backends echo the value in their messages.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Protocol, TypeVar

from anjian.record import record
from anjian.storage.errors import Problem, StorageError

T = TypeVar("T")


@record
class BackendInfo:
    """Which keyring holds the state, in words a user recognises."""

    name: str  # e.g. "Secret Service (Login)", "Windows Credential Manager"
    backend_class: str  # the keyring backend's class path, for diagnostics
    max_value: int | None  # the longest value one entry takes, None if no practical limit


class Vault(Protocol):
    """Named text values under one keyring service."""

    info: BackendInfo

    def get(self, name: str) -> str | None:
        """The value stored under ``name``, or ``None`` if there is none."""

    def set(self, name: str, value: str) -> None:
        """Store ``value`` under ``name``, replacing any previous value."""

    def delete(self, name: str) -> bool:
        """Remove ``name``; ``False`` if there was nothing to remove."""

    def close(self) -> None:
        """Release connections; the vault reconnects if used again."""


# -- any keyring backend -------------------------------------------------------------


def _map_keyring_error(exc: BaseException, writing: bool) -> StorageError:
    from keyring import errors as kerr

    detail = type(exc).__name__
    if isinstance(exc, kerr.NoKeyringError):
        return StorageError(Problem.NO_BACKEND, detail=detail)
    if isinstance(exc, kerr.KeyringLocked):
        return StorageError(Problem.LOCKED, detail=detail)
    if isinstance(exc, kerr.InitError):
        return StorageError(Problem.UNLOCK_DISMISSED, detail=detail)
    return StorageError(Problem.WRITE_FAILED if writing else Problem.READ_FAILED, detail=detail)


class KeyringVault:
    """A :class:`Vault` over any ``keyring`` backend object."""

    def __init__(self, backend: Any, service: str, info: BackendInfo) -> None:
        self._backend = backend
        self._service = service
        self.info = info

    def get(self, name: str) -> str | None:
        try:
            value = self._backend.get_password(self._service, name)
        except Exception as exc:  # noqa: BLE001 - every backend failure is mapped
            raise _map_keyring_error(exc, writing=False) from None
        return value

    def set(self, name: str, value: str) -> None:
        try:
            self._backend.set_password(self._service, name, value)
        except Exception as exc:  # noqa: BLE001
            raise _map_keyring_error(exc, writing=True) from None

    def delete(self, name: str) -> bool:
        from keyring.errors import PasswordDeleteError

        try:
            self._backend.delete_password(self._service, name)
        except PasswordDeleteError:
            return False
        except Exception as exc:  # noqa: BLE001
            raise _map_keyring_error(exc, writing=True) from None
        return True

    def close(self) -> None:
        """Nothing to release: ``keyring`` backends connect per call."""


# -- the Secret Service, with a connection that stays open ------------------------------


class SecretServiceVault:
    """A :class:`Vault` on the Secret Service that reuses its connection and session.

    Calls are serialised by a lock: a jeepney connection is not thread-safe.
    If the connection drops (the daemon restarted), it reconnects once.
    """

    APPLICATION = "Python keyring library"  # keyring's own attribute, for interoperability

    def __init__(self, service: str, collection_path: str | None = None) -> None:
        self._service = service
        self._collection_path = collection_path
        self._lock = threading.Lock()
        self._connection: Any = None
        self._collection: Any = None
        self.info = BackendInfo(
            name="Secret Service",
            backend_class="keyring.backends.SecretService.Keyring",
            max_value=None,
        )

    @classmethod
    def connect(cls, service: str, collection_path: str | None = None) -> SecretServiceVault:
        """Open a vault, or raise :class:`StorageError` (``UNAVAILABLE``) if there is no service."""
        vault = cls(service, collection_path)
        with vault._lock:
            vault._open()
        return vault

    # The vault API

    def get(self, name: str) -> str | None:
        def read(collection: Any) -> str | None:
            for item in collection.search_items(self._query(name)):
                self._unlock(item)
                return _secret_of(item).decode("utf-8")
            return None

        return self._call(read, writing=False)

    def set(self, name: str, value: str) -> None:
        def write(collection: Any) -> None:
            attributes = {**self._query(name), "application": self.APPLICATION}
            collection.create_item(
                f"Anjian: {name}", attributes, value.encode("utf-8"), replace=True
            )

        self._call(write, writing=True)

    def delete(self, name: str) -> bool:
        def remove(collection: Any) -> bool:
            for item in collection.search_items(self._query(name)):
                item.delete()
                return True
            return False

        return self._call(remove, writing=True)

    def close(self) -> None:
        with self._lock:
            self._drop()

    # Plumbing

    def _query(self, name: str) -> dict[str, str]:
        # The same attribute names keyring's SecretService backend uses by default.
        return {"service": self._service, "username": name}

    def _call(self, operation: Callable[[Any], T], writing: bool) -> T:
        import secretstorage.exceptions as sse

        with self._lock:
            for attempt in (1, 2):
                try:
                    with self._mapped(writing):
                        collection = self._open()
                        return operation(collection)
                except _Reconnect:
                    self._drop()
                    if attempt == 2:
                        raise StorageError(Problem.UNAVAILABLE, detail="ConnectionError") from None
                except sse.LockedException:
                    raise StorageError(Problem.LOCKED, detail="LockedException") from None
        raise AssertionError("unreachable")

    @contextmanager
    def _mapped(self, writing: bool) -> Iterator[None]:
        import secretstorage.exceptions as sse
        from jeepney.wrappers import DBusErrorResponse

        try:
            yield
        except StorageError:
            raise
        except (ConnectionError, BrokenPipeError, EOFError) as exc:
            raise _Reconnect() from exc
        except sse.PromptDismissedException:
            raise StorageError(Problem.UNLOCK_DISMISSED, detail="PromptDismissedException") from None
        except sse.LockedException:
            raise
        except sse.SecretServiceNotAvailableException:
            raise StorageError(Problem.UNAVAILABLE, detail="SecretServiceNotAvailable") from None
        except (DBusErrorResponse, sse.SecretStorageException, OSError) as exc:
            problem = Problem.WRITE_FAILED if writing else Problem.READ_FAILED
            raise StorageError(problem, detail=type(exc).__name__) from None

    def _open(self) -> Any:
        """The collection, connecting and unlocking as needed (may wait on a prompt)."""
        import secretstorage
        from secretstorage.util import open_session

        if self._collection is None:
            try:
                connection = secretstorage.dbus_init()
            except (secretstorage.exceptions.SecretServiceNotAvailableException, OSError,
                    ValueError) as exc:
                # No session bus at all (no address, a dead socket): no Secret Service.
                raise StorageError(Problem.UNAVAILABLE, detail=type(exc).__name__) from None
            try:
                if not secretstorage.check_service_availability(connection):
                    raise StorageError(Problem.UNAVAILABLE, detail="NoSecretsService")
                if self._collection_path:
                    collection = secretstorage.Collection(connection, self._collection_path)
                else:
                    collection = secretstorage.get_default_collection(connection)
                collection.session = open_session(connection)
            except BaseException:
                connection.close()
                raise
            self._connection, self._collection = connection, collection
            try:
                self.info = BackendInfo(
                    name=f"Secret Service ({collection.get_label()})",
                    backend_class=self.info.backend_class,
                    max_value=None,
                )
            except Exception:  # noqa: BLE001 - a label is only decoration
                pass
        self._unlock(self._collection)
        return self._collection

    @staticmethod
    def _unlock(target: Any) -> None:
        # Mirrors keyring: ask to unlock (this may show a prompt and wait), then
        # check again, because the user may have dismissed the prompt.
        if not target.is_locked():
            return
        dismissed = target.unlock()
        if target.is_locked():
            # Without a display no prompt can be shown (a cron job, SSH): the
            # keyring reports "dismissed", but to the user it is simply locked.
            prompted = dismissed and _has_display()
            problem = Problem.UNLOCK_DISMISSED if prompted else Problem.LOCKED
            raise StorageError(problem, detail="Locked")

    def _drop(self) -> None:
        if self._connection is not None:
            try:
                self._connection.close()
            except OSError:
                pass
        self._connection = self._collection = None


def _secret_of(item: Any) -> bytes:
    """``item.get_secret()``, without loading cryptography's OpenSSL backend object.

    secretstorage passes ``default_backend()`` to ``Cipher``; cryptography has
    not needed it since 3.1, and importing it costs about 6 ms (its RSA, EC and
    padding modules), a tenth of ``anjian-cli check``'s own work. The same
    D-Bus call, the same session and the same AES-128-CBC; the padding is checked
    rather than trusted. The item is unlocked by the caller.
    """
    from secretstorage.defines import SS_PREFIX
    from secretstorage.util import DBusAddressWrapper

    session = item.session
    wrapper = DBusAddressWrapper(item.item_path, SS_PREFIX + "Item", item.connection)
    (secret,) = wrapper.call("GetSecret", "o", session.object_path)
    value = bytes(secret[2])
    if not session.encrypted:
        return value
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    decryptor = Cipher(algorithms.AES(session.aes_key), modes.CBC(bytes(secret[1]))).decryptor()
    padded = decryptor.update(value) + decryptor.finalize()
    pad = padded[-1] if padded else 0
    if not 1 <= pad <= 16 or padded[-pad:] != bytes([pad]) * pad:
        from secretstorage.exceptions import SecretStorageException

        raise SecretStorageException("Bad padding in the secret")
    return padded[:-pad]


def _has_display() -> bool:
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


class _Reconnect(Exception):
    """The D-Bus connection broke; drop it and try once more."""

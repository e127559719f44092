"""The Secret Service vault reads what keyring writes, and refuses what it cannot trust."""

from __future__ import annotations

import os

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from keyring.backends import SecretService

from anjian.storage.errors import Problem, StorageError
from anjian.storage.vault import SecretServiceVault

# Lengths around the AES block size (padding of 16, 1 and 15 bytes), empty,
# multi-byte text and a value longer than one D-Bus read.
VALUES = ["", "a" * 15, "b" * 16, "c" * 17, "安检 密码 🔑", "x" * 200_000]


@pytest.mark.parametrize("value", VALUES, ids=lambda v: f"{len(v)}-chars")
def test_reads_what_keyrings_own_backend_wrote(
    vault: SecretServiceVault, service_name: str, value: str
) -> None:
    SecretService.Keyring().set_password(service_name, "entry", value)
    assert vault.get("entry") == value


def test_writes_what_keyrings_own_backend_reads(vault: SecretServiceVault,
                                                service_name: str) -> None:
    vault.set("entry", "安检 " * 50)
    assert SecretService.Keyring().get_password(service_name, "entry") == "安检 " * 50


def test_a_secret_with_bad_padding_is_a_read_failure_without_the_value(
    vault: SecretServiceVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    from secretstorage import util

    vault.set("entry", "never shown")
    key = vault._open().session.aes_key
    iv = os.urandom(16)
    plain = b"never shown" + b"\x05\x05\x05\x05\x03"  # one block; its padding is not PKCS#7
    encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    forged = encryptor.update(plain) + encryptor.finalize()
    real_call = util.DBusAddressWrapper.call

    def call(self, method, signature, *body):
        if method == "GetSecret":
            return ((body[0], iv, forged, "text/plain"),)
        return real_call(self, method, signature, *body)

    monkeypatch.setattr(util.DBusAddressWrapper, "call", call)
    with pytest.raises(StorageError) as caught:
        vault.get("entry")
    assert caught.value.problem is Problem.READ_FAILED
    assert "never shown" not in str(caught.value)
    assert "never shown" not in repr(caught.value.__cause__)

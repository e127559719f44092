"""No secret ever reaches a report or leaves the keyring in clear.

Canaries are planted through each feature's real code path in every place a
secret lives: a TOTP secret (#4), a password's reuse fingerprint and the
install's reuse key (#3), a recovery phrase's fingerprint (#6) and the copy
of the whole state an import keeps (#6). Then the security report and an
incident report are saved as HTML and as PDF (text extracted with pdftotext,
and the raw bytes), the state is exported, and every file is searched for
each canary. The export must still carry the secrets (encrypted): opening it
brings them back, so the search is not vacuous.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

import pytest

from anjian.core.accounts import changes
from anjian.core.backups.register import BackupKind, BackupRecord
from anjian.core.incidents import incident as incidents
from anjian.core.reports.html import render_html, render_text
from anjian.core.state import AccountKind
from anjian.core.twofactor.otpauth import OtpEntry
from anjian.core.twofactor.secret import secret_text
from anjian.core.twofactor.totp import TotpKey
from anjian.i18n import load_catalogue
from anjian.service import AnjianService
from anjian.storage import password_checks, phrases, totp_vault, transfer
from anjian.storage.lock import SaveLock
from anjian.storage.store import StateStore
from anjian.ui.report_pdf import pdf_bytes
from anjian.wordlists import password_scorer

from .conftest import MemoryVault

NOW = datetime(2026, 5, 4, 10, 0, tzinfo=timezone.utc)
PASSWORD = "CanaryPassw0rd!Zq9x"
PASSPHRASE = "canary passphrase 金丝雀 42"
TOTP_KEY = TotpKey(b"CANARY-TOTP-SECRET-20")
PHRASE = ("legal winner thank year wave sausage worth useful legal winner thank yellow")


@pytest.fixture
def planted(tmp_path) -> tuple[AnjianService, StateStore]:
    store = StateStore(MemoryVault(), SaveLock(tmp_path / "state.lock"))
    store.update(changes.add_account("acct-w", "OK 钱包", AccountKind.WALLET, "", NOW))
    wallet = store.load().state.accounts[0]
    totp_vault.add_entries(store, [OtpEntry("Bank", "alice", TOTP_KEY)], NOW)
    password_checks.save_check(store, password_scorer(), wallet.id, PASSWORD, None, NOW)
    store.update(lambda s: replace(s, backups=(BackupRecord(
        "b1", BackupKind.RECOVERY_PHRASE, "钢板，家里保险柜", wallet.id, done=NOW),)))
    phrases.register(store, "b1", PHRASE, None, NOW, cost=2**10)
    opened = incidents.open_incident("inc-1", wallet, NOW)
    opened = incidents.check_step(opened, "secure-email", NOW, "邮箱已改密码")
    opened = incidents.add_evidence(opened, incidents.Evidence(
        "ev-1", incidents.EvidenceKind.TRANSACTION, "TX-0xabc123", NOW))
    store.update(lambda s: replace(s, incidents=(opened,)))
    # An import over the state keeps the previous one (all its secrets) in the keyring.
    service = AnjianService(open_store=lambda: store, clock=lambda: NOW)
    kept = tmp_path / "before.anjian-backup"
    transfer.export_state(store, kept, PASSPHRASE, NOW, "test", cost=2**10)
    service.import_state(transfer.read_backup(kept, PASSPHRASE)[1])
    return service, store


def canaries(store: StateStore) -> set[str]:
    """Every secret typed in, and every run of 12+ base64 characters of every stored secret."""
    found = {PASSWORD, PASSPHRASE, PHRASE, secret_text(TOTP_KEY.secret)}
    words = PHRASE.split()
    found |= {" ".join(words[i:i + 3]) for i in range(len(words) - 2)}
    state = store.load().state
    purposes = {ref.purpose for ref in state.secrets}
    assert purposes == {"totp", "password-fingerprint", "password-reuse-key",
                        "recovery-phrase-fingerprint", "pre-import-state"}
    for ref in state.secrets:
        value = store.get_secret(ref)
        assert value
        found |= set(re.findall(r"[A-Za-z0-9+/=]{12,}", value))
    return found


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True, text=True, encoding="utf-8").stdout


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_canary_in_any_report_or_export(planted, qapp, tmp_path, language):
    service, store = planted
    secrets = canaries(store)
    catalogue = load_catalogue(language)
    outputs: dict[str, str | bytes] = {}
    for name, report in (("security", service.security_report()),
                         ("incident", service.incident_report("inc-1"))):
        html = render_html(report, catalogue)
        pdf = tmp_path / f"{name}.pdf"
        pdf.write_bytes(pdf_bytes(html, render_text(report.title, catalogue)))
        outputs[f"{name}.html"] = html
        outputs[f"{name}.pdf text"] = pdf_text(pdf)
        outputs[f"{name}.pdf bytes"] = pdf.read_bytes()
    exported = tmp_path / "state.anjian-backup"
    transfer.export_state(store, exported, PASSPHRASE, NOW, "test", cost=2**10)
    outputs["export"] = exported.read_bytes()

    assert "钢板，家里保险柜" in outputs["security.pdf text"]  # the search reads real text
    assert "TX-0xabc123" in outputs["incident.pdf text"]
    leaks = [(where, secret) for where, data in outputs.items() for secret in secrets
             if (secret.encode() if isinstance(data, bytes) else secret) in data]
    assert leaks == []


def test_the_export_does_carry_the_secrets_encrypted(planted, tmp_path):
    _, store = planted
    exported = tmp_path / "state.anjian-backup"
    transfer.export_state(store, exported, PASSPHRASE, NOW, "test", cost=2**10)
    _, contents = transfer.read_backup(exported, PASSPHRASE)
    state = store.load().state
    kept = {ref.id for ref in state.secrets if ref.purpose == "pre-import-state"}
    assert {k: v for k, v in contents.secrets.items()} == {
        ref.id: store.get_secret(ref) for ref in state.secrets if ref.id not in kept}
    assert secret_text(TOTP_KEY.secret) in contents.secrets.values()

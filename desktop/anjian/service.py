"""The one object the UI and the CLI talk to about the security state.

It opens the keyring lazily (opening can wait on an unlock prompt, so the UI
calls it from a worker thread) and keeps the latest :class:`Snapshot`. Widgets
never touch the keyring, zxcvbn or the store directly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING, Any

from anjian import KEYRING_SERVICE, content
from anjian.core.checklist.overview import Overview, overview
from anjian.core.checklist.progress import Answer, ChecklistProgress, snooze_until
from anjian.core.state import State
from anjian.paths import lock_path
from anjian.record import record
from anjian.storage.backends import open_vault
from anjian.storage.lock import SaveLock
from anjian.storage.store import Snapshot, StateStore
from anjian.storage.vault import BackendInfo

if TYPE_CHECKING:
    from pathlib import Path

    from anjian.core.backups.register import BackupRecord

Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


@record
class StorageStatus:
    """Where the state lives and how it was last found, for the status bar and ``check``."""

    backend: BackendInfo
    snapshot: Snapshot


class AnjianService:
    """Load, change and save the state; everything here may block on the keyring."""

    def __init__(
        self,
        open_store: Callable[[], StateStore] | None = None,
        clock: Clock = _utc_now,
    ) -> None:
        self._open_store = open_store or (lambda: default_store(clock))
        self._store: StateStore | None = None
        self.clock = clock
        self.snapshot: Snapshot | None = None

    @property
    def store(self) -> StateStore:
        """The store, opening the keyring on first use (may block)."""
        if self._store is None:
            self._store = self._open_store()
        return self._store

    def load(self) -> StorageStatus:
        """Read the state from the keyring."""
        self.snapshot = self.store.load()
        return StorageStatus(self.store.vault.info, self.snapshot)

    def update(self, change: Callable[[State], State]) -> StorageStatus:
        """Apply ``change`` to the latest saved state and save it."""
        self.snapshot = self.store.update(change)
        return StorageStatus(self.store.vault.info, self.snapshot)

    # -- checklist and reminders --------------------------------------------------

    def overview(self) -> Overview:
        """The checklist, score and due items of the state last loaded or saved."""
        state = self._current_state()
        return overview(state, content.checklist(), self.clock())

    def answer_item(self, item_id: str, answer: Answer) -> StorageStatus:
        """Record the user's answer to a checklist item (done, not applicable, later)."""
        now = self.clock()
        return self._update_checklist(lambda p: p.answered(item_id, answer, now))

    def snooze(self, due_id: str, days: int) -> StorageStatus:
        """Hide a due item for ``days`` days."""
        until = snooze_until(self.clock(), days)
        return self._update_checklist(lambda p: p.snoozed(due_id, until))

    def dismiss(self, due_id: str) -> StorageStatus:
        """Mark a due item "not applicable": an item's answer, a record's dismissal."""
        now = self.clock()
        if any(item.id == due_id for item in content.checklist()):
            return self._update_checklist(
                lambda p: p.answered(due_id, Answer.NOT_APPLICABLE, now))
        return self._update_checklist(lambda p: p.dismissing(due_id))

    def record_notified(self, due_ids: list[str]) -> StorageStatus | None:
        """Remember that these due items were just notified (at most once a day each)."""
        if not self._may_write_unasked():
            return None
        now = self.clock()
        return self._update_checklist(lambda p: p.notified_at(due_ids, now))

    def record_score(self) -> StorageStatus | None:
        """Add the score to the history when it changed since the last point.

        Only changes are saved: a day without one adds nothing, so opening the
        app does not rewrite the keyring."""
        if not self._may_write_unasked():
            return None
        now = self.clock()
        value = self.overview().score.value
        history = self._current_state().checklist.scores
        if history and history[-1][1] == value:
            return None
        return self._update_checklist(lambda p: p.with_score(value, now))

    def wizard_step(self, position: int, answer: Answer | None = None) -> StorageStatus:
        """Answer the wizard's step at ``position`` (and move on), or just move there."""
        now = self.clock()
        from anjian.core.checklist import wizard

        all_steps = wizard.steps(content.checklist())

        def change(progress: ChecklistProgress) -> ChecklistProgress:
            if answer is None:
                return wizard.go_to(progress, position, all_steps)
            return wizard.answer(progress, all_steps[position], answer, now)

        return self._update_checklist(change)

    def _update_checklist(
        self, change: Callable[[ChecklistProgress], ChecklistProgress]
    ) -> StorageStatus:
        return self.update(lambda state: replace(state, checklist=change(state.checklist)))

    def _may_write_unasked(self) -> bool:
        """Whether bookkeeping the user did not ask for may save: never on a first run
        (nothing saved yet), never over a damaged or read-only state."""
        snap = self.snapshot
        return (snap is not None and snap.state is not None and snap.damage is None
                and snap.read_only is None)

    def _current_state(self) -> State:
        if self.snapshot is None:
            self.load()
        assert self.snapshot is not None
        return self.snapshot.state or State.empty(self.clock())

    # -- backups and incidents (issue #6) ----------------------------------------
    # Heavy imports stay inside the methods: ``anjian-cli check`` must stay quick.

    def _status(self, snapshot: Snapshot) -> StorageStatus:
        self.snapshot = snapshot
        return StorageStatus(self.store.vault.info, snapshot)

    def save_backup(self, record: BackupRecord) -> StorageStatus:
        """Add a backup record, or replace the one with its id."""
        return self.update(lambda state: replace(state, backups=(
            *(r for r in state.backups if r.id != record.id), record)))

    def delete_backup(self, record_id: str) -> StorageStatus:
        """Remove a backup record and its phrase fingerprint."""
        from anjian.storage import phrases

        return self._status(phrases.forget(self.store, record_id))

    def register_phrase(self, record_id: str, typed: str, language: str | None) -> Any:
        """Keep the fingerprint of a valid phrase for the record: ``(PhraseCheck, status)``."""
        from anjian.storage import phrases

        check, snapshot = phrases.register(self.store, record_id, typed, language, self.clock())
        return check, (self._status(snapshot) if snapshot is not None else None)

    def test_phrase(self, record_id: str, typed: str, language: str | None) -> Any:
        """Compare a typed phrase with the record's fingerprint (a match counts as a test):
        ``(PhraseTest, status or None)``."""
        from anjian.storage import phrases

        result = phrases.compare(self.store, record_id, typed, language, self.clock())
        return result, (self._status(result.snapshot) if result.snapshot else None)

    def export_state(self, path: Path, passphrase: str) -> int:
        """Write the state and all its secrets to ``path``, sealed; the number of secrets."""
        from anjian import __version__
        from anjian.storage import transfer

        return transfer.export_state(self.store, path, passphrase, self.clock(), __version__)

    def read_backup(self, path: Path, passphrase: str) -> Any:
        """Open a backup file and check it, changing nothing: ``(State, Contents)``."""
        from anjian.storage import transfer

        return transfer.read_backup(path, passphrase)

    def import_state(self, contents: Any) -> StorageStatus:
        """Replace the state by an opened backup, keeping the current one to restore."""
        from anjian.storage import transfer

        return self._status(transfer.import_state(self.store, contents))

    def restore_previous_state(self) -> StorageStatus:
        """Put back the state the last import replaced."""
        from anjian.storage import transfer

        return self._status(transfer.restore_previous(self.store))

    def open_incident(self, account_id: str) -> StorageStatus:
        """Start the playbook for a stolen account."""
        from anjian.core.incidents.incident import open_incident
        from anjian.core.state import new_id

        now = self.clock()

        def change(state: State) -> State:
            account = state.account(account_id)
            if account is None:
                raise KeyError(account_id)
            return replace(state, incidents=(*state.incidents,
                                             open_incident(new_id(), account, now)))

        return self.update(change)

    def change_incident(self, incident_id: str, change: Callable[..., Any]) -> StorageStatus:
        """Apply ``change(incident, now)`` to one incident and save."""
        now = self.clock()
        return self.update(lambda state: replace(state, incidents=tuple(
            change(i, now) if i.id == incident_id else i for i in state.incidents)))

    def security_report(self) -> Any:
        """The security report of the saved state, as data."""
        from anjian.core.reports.content import security_report

        return security_report(self._current_state(), self.clock().astimezone(),
                               self.overview())

    def incident_report(self, incident_id: str) -> Any:
        """The report of one incident, as data."""
        from anjian.core.incidents.support import pinned_support
        from anjian.core.reports.content import incident_report

        state = self._current_state()
        incident = next(i for i in state.incidents if i.id == incident_id)
        return incident_report(incident, self.clock().astimezone(),
                               pinned_support(state, incident.account_id))

    # -- accounts, contacts, links and numbers (issue #5) --------------------------
    # Edits are pure changes from anjian.core.accounts.changes, passed to update().

    def account_findings(self) -> list[Any]:
        """What needs attention about bound contacts and official channels, most urgent first."""
        from anjian.core.accounts.findings import account_findings

        return account_findings(self._current_state(), self.clock())

    def pinned_domains(self) -> list[str]:
        """Every official website domain recorded in the state."""
        from anjian.core.accounts.channels import pinned_domains

        return pinned_domains(self._current_state().account_details.channels)

    def check_links(self, urls: list[str], official: list[str] | None = None) -> list[Any]:
        """The link check of each URL against ``official`` (default: the pinned domains)."""
        from anjian.core.accounts.links import check_links

        return check_links(urls, self.pinned_domains() if official is None else official)

    def check_number(self, number: str, region: str) -> Any:
        """The number check against every pinned official support number."""
        from anjian.core.accounts.channels import pinned_numbers
        from anjian.core.accounts.numbers import check_number

        channels = self._current_state().account_details.channels
        return check_number(number, pinned_numbers(channels), region)

    # -- two-factor: the 2FA map and the TOTP vault (issue #4) ----------------------
    # Vault secrets stay on this side (the worker): the window gets codes, and a
    # secret only when the user asks to reveal or export it.

    def save_two_factor_record(self, record: Any) -> StorageStatus:
        """Add or replace one account's entry in the 2FA map."""
        return self.update(lambda state: replace(
            state, two_factor=state.two_factor.with_record(record)))

    def two_factor_findings(self) -> list[Any]:
        """What the 2FA map says needs attention."""
        from anjian.core.twofactor.checks import backed_up
        from anjian.core.twofactor.records import AccountName, findings

        state = self._current_state()
        return findings(state.two_factor.records,
                        [AccountName(a.id, a.name) for a in state.accounts],
                        backed_up(state.accounts, state.two_factor.vault))

    def record_drill(self, drill: Any) -> StorageStatus:
        """Remember a passed enrollment drill (when, and the clock drift it found)."""
        return self.update(lambda state: replace(
            state, two_factor=state.two_factor.with_drill(drill)))

    def add_to_totp_vault(self, entries: list[Any]) -> Any:
        """Back up authenticator entries: ``(StorageStatus or None, Addition)``."""
        from anjian.storage import totp_vault

        addition = totp_vault.add_entries(self.store, entries, self.clock())
        status = self._status(addition.snapshot) if addition.snapshot is not None else None
        return status, addition

    def remove_from_totp_vault(self, entry_id: str) -> StorageStatus:
        """Delete a vault entry and its secret's keyring entry."""
        from anjian.storage import totp_vault

        return self._status(totp_vault.remove_entry(self.store, entry_id))

    def totp_codes(self) -> list[Any]:
        """The current and next code of every vault entry."""
        from anjian.storage import totp_vault

        return totp_vault.codes(self.store, self._current_state(), self.clock())

    def totp_secret(self, entry_id: str) -> str:
        """One vault entry's secret in groups of four (the user asked to see it)."""
        from anjian.storage import totp_vault

        return totp_vault.reveal(self.store, self._vault_entry(entry_id))

    def totp_export_uri(self, entry_id: str) -> str:
        """One vault entry as an ``otpauth://`` link (the user confirmed the risk)."""
        from anjian.storage import totp_vault

        return totp_vault.export_uri(self.store, self._vault_entry(entry_id))

    def _vault_entry(self, entry_id: str) -> Any:
        entry = self._current_state().two_factor.entry(entry_id)
        if entry is None:
            raise KeyError(entry_id)
        return entry

    # -- passwords (issue #3) -------------------------------------------------------
    # A password passes through here and is dropped: the state gets the score and
    # the findings, the keyring the keyed fingerprint in its own entry.

    def password_personal_inputs(self) -> tuple[Any, ...]:
        """The user's own details (profile, bound phones and e-mails) the scorer warns about."""
        from anjian.core.passwords.personal import personal_inputs

        return personal_inputs(self._current_state())

    def score_password(self, password: str, extra: tuple[Any, ...] = ()) -> Any:
        """The :class:`Strength` of ``password`` with the state's personal inputs and ``extra``."""
        from anjian.wordlists import password_scorer

        return password_scorer().score(password, (*self.password_personal_inputs(), *extra))

    def save_password_check(self, account_id: str, password: str,
                            changed: date | None = None) -> Any:
        """Score the account's password and keep the result and its fingerprint:
        ``(StorageStatus, Strength)``."""
        from anjian.storage.password_checks import save_check
        from anjian.wordlists import password_scorer

        snapshot, strength = save_check(self.store, password_scorer(), account_id, password,
                                        changed, self.clock())
        return self._status(snapshot), strength

    def forget_password_check(self, account_id: str) -> StorageStatus:
        """Remove the account's check and fingerprint."""
        from anjian.storage.password_checks import forget_check

        return self._status(forget_check(self.store, account_id))

    def set_password_changed(self, account_id: str, day: date | None) -> StorageStatus:
        """Record when the user says they last changed the account's password."""
        from anjian.core.passwords.records import PasswordCheck

        def change(state: State) -> State:
            check: PasswordCheck | None = state.passwords.check_for(account_id)
            if check is None:
                raise KeyError(account_id)
            return replace(state, passwords=state.passwords.with_check(
                replace(check, changed=day)))

        return self.update(change)

    def set_password_review_months(self, months: int) -> StorageStatus:
        """Change how often passwords come up for review (1-60 months)."""
        from anjian.storage.password_checks import set_review_months

        return self._status(set_review_months(self.store, months))

    def check_password_online(self, password: str, *, consent: bool) -> Any:
        """Ask Have I Been Pwned (5 hex digits of the SHA-1 only) after the user's yes:
        a :class:`PwnedResult`. The only network call in Anjian's password feature."""
        from anjian.pwned import check_online

        return check_online(password, consent=consent)

    def close(self) -> None:
        """Release the keyring connection."""
        if self._store is not None:
            self._store.vault.close()


def default_store(clock: Clock = _utc_now, service: str = KEYRING_SERVICE) -> StateStore:
    """The store on the user's keyring with the user's lock file."""
    return StateStore(open_vault(service), SaveLock(lock_path()), clock=clock)

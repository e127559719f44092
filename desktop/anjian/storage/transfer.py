"""Moving the whole state and its secrets out of the keyring into a sealed file, and back.

Export gathers the state document and the value of every secret it points
to, and writes them sealed (see :mod:`anjian.core.backups.archive`) with an
atomic write: a temporary file next to the target, fsync, rename. A crash
leaves either the old file or the new one, never half of one.

Import replaces the state, but first keeps the one it replaces: the previous
document and its secrets go into ONE keyring entry (``pre-import-state``),
referenced from the imported state, so :func:`restore_previous` can put it back
(itself keeping the imported one, so it can be undone too). The keyring, not a
file, because that copy holds every secret. Nothing is written before the file
has been fully opened and checked, so a bad file changes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from anjian.core.backups.archive import ArchiveError, Contents, seal, unseal
from anjian.core.migrations import upgrade
from anjian.core.state import DocumentError, SecretRef, State, from_document, new_id, to_document
from anjian.files import write_atomically
from anjian.i18n import N_, Text
from anjian.storage.store import Snapshot, StateStore

PRE_IMPORT_PURPOSE = "pre-import-state"


def _contents(store: StateStore, state: State) -> Contents:
    """The state and the values of its secrets, without a kept pre-import copy."""
    kept = tuple(ref for ref in state.secrets if ref.purpose != PRE_IMPORT_PURPOSE)
    secrets: dict[str, str] = {}
    for ref in kept:
        value = store.get_secret(ref)
        if value is not None:
            secrets[ref.id] = value
    return Contents(to_document(replace(state, secrets=kept)), secrets)


def export_state(store: StateStore, path: Path, passphrase: str, now: datetime,
                 app_version: str, cost: int | None = None) -> int:
    """Seal the saved state and its secrets into ``path``; return the number of secrets."""
    snapshot = store.load()
    state = snapshot.state or State.empty(now)
    contents = _contents(store, state)
    extra = {} if cost is None else {"n": cost}
    write_atomically(path, seal(contents, passphrase, now, app_version, **extra))
    return len(contents.secrets)


def read_backup(path: Path, passphrase: str) -> tuple[State, Contents]:
    """Open and check a backup file without changing anything; ArchiveError if it can't be."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArchiveError("unreadable", Text(N_("The file could not be read ({kind})."),
                                               {"kind": type(exc).__name__})) from None
    contents = unseal(data, passphrase)
    return _state_of(contents), contents


def _state_of(contents: Contents) -> State:
    try:
        upgraded = upgrade(contents.document)
        if upgraded.newer:
            raise ArchiveError("newer", Text(N_(
                "This backup was made by a newer version of Anjian. Update Anjian to import "
                "it. Nothing was imported.")))
        return from_document(upgraded.document)
    except DocumentError as bad:
        raise ArchiveError("damaged", bad.text) from None


def import_state(store: StateStore, contents: Contents,
                 new_ref: Callable[[], str] = new_id) -> Snapshot:
    """Replace the saved state by ``contents``, keeping the current one recoverable."""
    incoming = _state_of(contents)
    current = store.load()
    old_refs = current.state.secrets if current.state is not None else ()
    kept_ref: tuple[SecretRef, ...] = ()
    if current.state is not None:
        previous = _contents(store, current.state)
        ref = SecretRef(new_ref(), PRE_IMPORT_PURPOSE)
        store.put_secret(ref, json.dumps({"document": previous.document,
                                          "secrets": dict(previous.secrets)},
                                         ensure_ascii=False))
        kept_ref = (ref,)
    refs = tuple(r for r in incoming.secrets if r.purpose != PRE_IMPORT_PURPOSE)
    for ref in refs:
        if ref.id in contents.secrets:
            store.put_secret(ref, contents.secrets[ref.id])
    final = replace(incoming, secrets=(*refs, *kept_ref))
    # The commit point: until here the old state still names only old entries.
    snapshot = store.update(lambda _old: final)
    still_used = {r.id for r in final.secrets}
    for ref in old_refs:
        if ref.id not in still_used:
            store.delete_secret(ref)
    return snapshot


def previous_state(state: State) -> SecretRef | None:
    """The kept copy of the state an import replaced, if there is one."""
    return next((r for r in state.secrets if r.purpose == PRE_IMPORT_PURPOSE), None)


def restore_previous(store: StateStore) -> Snapshot:
    """Put back the state the last import replaced (the imported one is kept in turn)."""
    snapshot = store.load()
    ref = previous_state(snapshot.state) if snapshot.state is not None else None
    raw = store.get_secret(ref) if ref is not None else None
    if raw is None:
        raise ArchiveError("nothing-to-restore", Text(N_(
            "There is no earlier state kept from an import.")))
    try:
        kept = json.loads(raw)
        contents = Contents(kept["document"], kept["secrets"])
    except (ValueError, KeyError, TypeError):
        raise ArchiveError("damaged", Text(N_(
            "The kept earlier state is damaged and cannot be restored."))) from None
    return import_state(store, contents)

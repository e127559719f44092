"""The state store: load and save the security state in the keyring, never losing it.

A save writes the new generation's shards (if the backend needs them), copies the
current head to ``state.previous``, and then writes the new head: that last write
is the commit. A crash before it leaves the old head in place, pointing to data
that is still there; a crash after it leaves the new one. Shards that no head
names are removed by a later save.

A head that is damaged (unparseable, or its payload fails its checksum) is
reported, the last good generation from ``state.previous`` is used, and before
anything overwrites the damaged head it is kept aside as ``damaged.<time>``.

Every save happens under an inter-process lock and re-reads the head inside it:
:meth:`StateStore.update` applies a change to the latest state (no update is
lost), :meth:`StateStore.save` refuses with ``CONFLICT`` if someone else saved
since the caller loaded.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import datetime, timezone

from anjian import __version__
from anjian.core.migrations import upgrade
from anjian.core.state import DocumentError, SecretRef, State, from_document, to_document
from anjian.i18n import N_, Text
from anjian.record import record
from anjian.storage import codec
from anjian.storage.backends import SHARD_CHARS
from anjian.storage.codec import HEAD, PREVIOUS, Damaged, Head, NewerFormat
from anjian.storage.errors import Problem, StorageError
from anjian.storage.lock import SaveLock
from anjian.storage.vault import Vault

Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


@record
class Snapshot:
    """What :meth:`StateStore.load` found.

    ``state`` is ``None`` on a first run (nothing saved yet) and when nothing
    readable is left. ``token`` identifies the head that was read; pass it back
    to :meth:`StateStore.save` to detect concurrent changes.
    """

    state: State | None
    token: str
    generation: int = 0
    saved_at: datetime | None = None
    read_only: Text | None = None  # why the state may not be saved, if so
    damage: Text | None = None  # what was wrong with the newest copy, if anything
    quarantined: tuple[str, ...] = ()  # damaged copies kept aside, by entry name

    @property
    def first_run(self) -> bool:
        """No state has ever been saved here."""
        return self.state is None and self.damage is None and self.read_only is None


@record
class _Read:
    """A head as found, with the verdict on it."""

    raw: str | None
    head: Head | None = None
    snapshot: Snapshot | None = None  # set when the head and its payload are good
    damage: Text | None = None
    newer: Text | None = None


def _token(raw: str | None) -> str:
    return "" if raw is None else hashlib.sha256(raw.encode("utf-8")).hexdigest()


class StateStore:
    """Loads and saves the :class:`State` in a :class:`Vault`."""

    def __init__(
        self, vault: Vault, lock: SaveLock, clock: Clock = _utc_now, app_version: str = __version__
    ) -> None:
        self.vault = vault
        self._lock = lock
        self._clock = clock
        self._app_version = app_version
        self._shard_chars = vault.info.max_value

    @property
    def sharded(self) -> bool:
        """Whether payloads are cut into shards on this backend."""
        return self._shard_chars is not None

    # -- loading -------------------------------------------------------------------

    def load(self) -> Snapshot:
        """The current state, the last good one if the current is damaged, or a first run."""
        return self._interpret(self._read(self.vault.get(HEAD)))

    def _read(self, raw: str | None) -> _Read:
        if raw is None:
            return _Read(raw=None)
        try:
            head = codec.parse_head(raw)
        except NewerFormat as newer:
            return _Read(raw=raw, newer=_newer_text(newer.found))
        except Damaged as damaged:
            return _Read(raw=raw, damage=damaged.text)
        try:
            document = codec.decode_payload(self._payload(head), head.encoding)
            upgraded = upgrade(document)
            if upgraded.newer:
                return _Read(raw=raw, head=head, newer=_newer_text(upgraded.from_version))
            state = from_document(upgraded.document)
        except Damaged as damaged:
            return _Read(raw=raw, head=head, damage=damaged.text)
        except DocumentError as bad:
            return _Read(raw=raw, head=head, damage=bad.text)
        return _Read(
            raw=raw,
            head=head,
            snapshot=Snapshot(
                state=state,
                token=_token(raw),
                generation=head.generation,
                saved_at=_parse_time(head.saved_at),
                quarantined=head.quarantine,
            ),
        )

    def _interpret(self, current: _Read) -> Snapshot:
        if current.snapshot is not None:
            return current.snapshot
        token = _token(current.raw)
        if current.newer is not None:
            return Snapshot(state=None, token=token, read_only=current.newer)
        previous = self._read(self.vault.get(PREVIOUS))
        if current.raw is None and previous.raw is None:
            return Snapshot(state=None, token=token)
        damage = current.damage or Text(N_("The saved state's index entry is missing."))
        if previous.snapshot is None:
            return Snapshot(state=None, token=token, damage=damage)
        good = previous.snapshot
        return Snapshot(
            state=good.state,
            token=token,
            generation=good.generation,
            saved_at=good.saved_at,
            damage=damage,
            quarantined=good.quarantined,
        )

    def _payload(self, head: Head) -> str:
        if head.data is not None:
            return codec.verify(head, head.data)
        pieces = []
        for name in head.shard_names():
            piece = self.vault.get(name)
            if piece is None:
                raise Damaged(Text(N_("Part of the saved state is missing from the keyring.")))
            pieces.append(piece)
        return codec.verify(head, "".join(pieces))

    # -- saving --------------------------------------------------------------------

    def save(self, state: State, expected_token: str) -> Snapshot:
        """Save ``state`` if nobody saved since the load that gave ``expected_token``."""
        with self._lock.held():
            current = self._read(self.vault.get(HEAD))
            if _token(current.raw) != expected_token:
                raise StorageError(Problem.CONFLICT)
            return self._commit(current, state)

    def update(self, change: Callable[[State], State]) -> Snapshot:
        """Apply ``change`` to the latest saved state (or a new one) and save the result."""
        with self._lock.held():
            current = self._read(self.vault.get(HEAD))
            latest = self._interpret(current)
            if latest.read_only is not None:
                raise StorageError(Problem.READ_ONLY, latest.read_only)
            base = latest.state or State.empty(self._clock())
            return self._commit(current, change(base))

    def _commit(self, current: _Read, state: State) -> Snapshot:
        if current.newer is not None:
            raise StorageError(Problem.READ_ONLY, current.newer)
        payload, encoding = codec.encode_payload(to_document(state))
        try:
            return self._write_generation(current, state, payload, encoding)
        except StorageError as exc:
            if not self._learn_size_limit(exc, max(len(payload), len(current.raw or ""))):
                raise
            return self._write_generation(current, state, payload, encoding)

    def _learn_size_limit(self, exc: StorageError, largest: int) -> bool:
        """Whether a failed write is explained by a value size limit not known by class.

        If so, values are sharded from now on and the caller retries once; the
        retry fails again (and the original error stands) if size was not the cause.
        """
        if self.sharded or exc.problem is not Problem.WRITE_FAILED or largest <= SHARD_CHARS:
            return False
        self._shard_chars = SHARD_CHARS
        return True

    def _write_generation(
        self, current: _Read, state: State, payload: str, encoding: str
    ) -> Snapshot:
        good = current.snapshot is not None
        quarantined: tuple[str, ...] = ()
        if current.raw is not None and not good:
            quarantined = (self._quarantine(current.raw),)
        previous = current.head if good else self._last_good_head()
        generation = max(
            current.head.generation if current.head else 0,
            previous.generation if previous else 0,
        ) + 1

        shards = 0
        if self._shard_chars is not None:
            pieces = codec.split(payload, self._shard_chars)
            for name, piece in zip(codec.shard_names(generation, len(pieces)), pieces):
                self.vault.set(name, piece)
            shards = len(pieces)
        kept = (previous.quarantine if previous else ())
        head = Head(
            generation=generation,
            sha256=codec.digest(payload),
            length=len(payload),
            encoding=encoding,
            schema_version=state.schema_version,
            saved_at=self._clock().astimezone(timezone.utc).isoformat(timespec="seconds"),
            app_version=self._app_version,
            data=None if shards else payload,
            shards=shards,
            previous_generation=previous.generation if previous else 0,
            previous_shards=previous.shards if previous else 0,
            quarantine=(*kept, *quarantined)[-8:],
        )
        if good:
            assert current.raw is not None
            self.vault.set(PREVIOUS, current.raw)
        raw_head = codec.dump_head(head)
        self.vault.set(HEAD, raw_head)  # the commit point
        if good and current.head is not None:
            self._clean_up(current.head, head)
        return Snapshot(
            state=state,
            token=_token(raw_head),
            generation=generation,
            saved_at=_parse_time(head.saved_at),
            quarantined=head.quarantine,
        )

    def _last_good_head(self) -> Head | None:
        previous = self._read(self.vault.get(PREVIOUS))
        return previous.head if previous.snapshot is not None else None

    def _quarantine(self, raw: str) -> str:
        """Keep a damaged head aside under a new name; its shards stay where they are."""
        stamp = self._clock().astimezone(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
        name = f"damaged.{stamp}"
        self._write_blob(name, raw)
        return name

    def _clean_up(self, old: Head, new: Head) -> None:
        """Delete shards no head names any more; a failure here loses nothing."""
        if not self.sharded:
            return
        try:
            if old.previous_generation and old.previous_generation != new.generation:
                for name in codec.shard_names(old.previous_generation, old.previous_shards):
                    self.vault.delete(name)
            # Left over by an attempt at this generation that crashed with more shards.
            index = new.shards
            while self.vault.delete(f"state.g{new.generation}.{index}"):
                index += 1
        except StorageError:
            pass

    # -- secrets (each its own entry, never in the document) ------------------------

    def put_secret(self, ref: SecretRef, secret: str) -> None:
        """Store a secret under its own keyring entry."""
        self._write_blob(ref.entry_name(), secret)

    def get_secret(self, ref: SecretRef) -> str | None:
        """The secret of ``ref``, or ``None`` if it is not in the keyring."""
        return self._read_blob(ref.entry_name())

    def delete_secret(self, ref: SecretRef) -> None:
        """Remove a secret and any parts it was split into."""
        index = self.vault.get(ref.entry_name())
        if index is None:
            return
        try:
            count = codec.blob_part_count(index) or 0
        except Damaged:
            count = 0
        self.vault.delete(ref.entry_name())
        for i in range(count):
            self.vault.delete(f"{ref.entry_name()}.part{i}")

    def _write_blob(self, name: str, text: str) -> None:
        try:
            for entry, value in codec.blob_entries(name, text, self._shard_chars):
                self.vault.set(entry, value)
        except StorageError as exc:
            if not self._learn_size_limit(exc, len(text) + 1):
                raise
            for entry, value in codec.blob_entries(name, text, self._shard_chars):
                self.vault.set(entry, value)

    def _read_blob(self, name: str) -> str | None:
        index = self.vault.get(name)
        if index is None:
            return None
        try:
            count = codec.blob_part_count(index)
        except Damaged as damaged:
            raise StorageError(Problem.READ_FAILED, damaged.text) from None
        if count is None:
            return codec.blob_whole(index)
        parts = [self.vault.get(f"{name}.part{i}") for i in range(count)]
        if any(p is None for p in parts):
            raise StorageError(
                Problem.READ_FAILED,
                Text(N_("Part of a stored secret is missing from the keyring.")),
            )
        return "".join(p for p in parts if p is not None)


def _newer_text(version: int) -> Text:
    return Text(
        N_("This state was saved by a newer version of Anjian (format {version}). It is open "
           "read-only so that nothing the newer version saved is lost. Update Anjian to "
           "make changes."),
        {"version": version},
    )


def _parse_time(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None

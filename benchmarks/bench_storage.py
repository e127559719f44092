"""Loading and saving a 100-account state, against one raw keyring call of the same bytes.

Targets (ratio of medians, measured interleaved in the same run):

* ``StateStore.load()`` <= 1.5 x ``keyring.get_password`` of the head entry's exact text;
* ``StateStore.save(state, token)`` (under the save lock) <= 2.5 x
  ``keyring.set_password`` of the same text.

The state is saved under a bench service of its own (``anjian-bench-<random>``)
through ``anjian.service.default_store``, on whatever keyring the user's
configuration gives (the real Secret Service under with_keyring.sh); the raw copy
of the head goes under the same service with another entry name. Every entry
created is deleted at the end. The cold case (a new process: open the
connection, then load) is reported for information, beside a raw first
``keyring.get_password`` in a new process.

Run: ``benchmarks/with_keyring.sh python benchmarks/bench_storage.py``
(safe outside a private keyring too: it only touches its own service).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import uuid
from typing import Any

import _measure as m

LOAD_LIMIT = 1.5
SAVE_LIMIT = 2.5
RAW_ENTRY = "bench.raw-head"
COLD_RUNS = 7

# A new process: import, open the store (connect), load. Prints seconds as JSON.
COLD_OURS = """\
import json, sys, time
t0 = time.perf_counter()
from anjian.service import default_store
t1 = time.perf_counter()
store = default_store(service=sys.argv[1])
t2 = time.perf_counter()
snapshot = store.load()
t3 = time.perf_counter()
assert snapshot.state is not None and len(snapshot.state.accounts) == int(sys.argv[2])
store.vault.close()
print(json.dumps({"import": t1 - t0, "first": t3 - t1}))
"""

COLD_RAW = """\
import json, sys, time
t0 = time.perf_counter()
import keyring
t1 = time.perf_counter()
value = keyring.get_password(sys.argv[1], sys.argv[2])
t2 = time.perf_counter()
assert value
print(json.dumps({"import": t1 - t0, "first": t2 - t1}))
"""


def main() -> int:
    args = m.parser(__doc__.splitlines()[0]).parse_args()
    import keyring

    from anjian.service import default_store
    from anjian.storage.codec import HEAD
    from anjian.storage.errors import StorageError

    service = f"anjian-bench-{uuid.uuid4().hex[:12]}"
    scratch = tempfile.mkdtemp(prefix="anjian-bench-")
    config = os.path.join(scratch, "config")
    os.mkdir(config)
    os.environ["ANJIAN_CONFIG_DIR"] = config  # the save lock goes here
    state = m.sample_state(100)
    store = None
    verdicts: list[m.Verdict] = []
    try:
        store = default_store(service=service)
        store.update(lambda _: state)
        head_text = store.vault.get(HEAD)
        if head_text is None:
            raise m.BenchError("the head entry was not written")
        keyring.set_password(service, RAW_ENTRY, head_text)
        if keyring.get_password(service, RAW_ENTRY) != head_text:
            raise m.BenchError("the raw copy of the head does not read back")
        loaded = store.load()
        if loaded.state != state:
            raise m.BenchError("the state does not read back equal")
        print(f"keyring: {store.vault.info.name} ({store.vault.info.backend_class}); "
              f"service {service}")
        print(f"state: {len(state.accounts)} accounts; head entry {len(head_text)} characters "
              f"({len(head_text.encode('utf-8'))} bytes UTF-8)\n")

        # Loading.
        def check_load() -> None:
            if store.load().state is None:
                raise m.BenchError("load found no state")

        load = m.interleaved(
            {"raw": lambda: keyring.get_password(service, RAW_ENTRY), "ours": check_load},
            repeat=args.repeat, warmup=args.warmup,
        )
        verdicts.append(m.compare(
            "storage.load", "StateStore.load()", load["ours"],
            "keyring.get_password(head text)", load["raw"], LOAD_LIMIT,
        ))

        # Saving: the same state again, each time with the token of the last save.
        token = [store.load().token]

        def save() -> None:
            token[0] = store.save(state, token[0]).token

        saving = m.interleaved(
            {"raw": lambda: keyring.set_password(service, RAW_ENTRY, head_text), "ours": save},
            repeat=args.repeat, warmup=args.warmup,
        )
        verdicts.append(m.compare(
            "storage.save", "StateStore.save(state, token), with lock", saving["ours"],
            "keyring.set_password(head text)", saving["raw"], SAVE_LIMIT,
        ))
        final = store.load()
        if final.state != state or final.token != token[0]:
            raise m.BenchError("after the saves the state does not read back as saved")

        # Cold, for information: a new process each time, interleaved.
        env = m.child_env(args, scratch)
        results: dict[str, list[dict[str, float]]] = {"ours": [], "raw": []}

        def cold(kind: str, code: str, *argv: str) -> None:
            done = m.run_process([sys.executable, "-c", code, *argv], env)
            results[kind].append(json.loads(done.stdout))

        m.interleaved(
            {"ours": lambda: cold("ours", COLD_OURS, service, str(len(state.accounts))),
             "raw": lambda: cold("raw", COLD_RAW, service, RAW_ENTRY)},
            repeat=COLD_RUNS, warmup=1,
        )
        print(f"== cold (information only; a new process each, {COLD_RUNS} runs after 1 "
              "warm-up) ==")
        for kind, label in (("ours", "default_store() + first load()"),
                            ("raw", "first keyring.get_password()")):
            m.info(label, m.Stats(tuple(r["first"] for r in results[kind][1:])))
        for kind, label in (("ours", "import anjian.service"), ("raw", "import keyring")):
            m.info(f"  (before that: {label})",
                   m.Stats(tuple(r["import"] for r in results[kind][1:])))
        print()
    except m.BenchError as exc:
        verdicts.append(m.failed("storage", LOAD_LIMIT, str(exc)))
    except StorageError as exc:
        verdicts.append(m.failed("storage", LOAD_LIMIT, f"keyring: {exc} ({exc.detail})"))
    finally:
        if store is not None:
            _clean_up(store, service, keyring)
        shutil.rmtree(scratch, ignore_errors=True)
    return m.finish(verdicts)


def _clean_up(store: Any, service: str, keyring: Any) -> None:
    """Delete every entry of the bench service; say so if any is left."""
    from anjian.storage.codec import HEAD, PREVIOUS
    from anjian.storage.errors import StorageError

    try:
        for name in (HEAD, PREVIOUS):
            store.vault.delete(name)
    except StorageError as exc:
        print(f"warning: could not delete the bench entries: {exc}", file=sys.stderr)
    try:
        keyring.delete_password(service, RAW_ENTRY)
    except keyring.errors.PasswordDeleteError:
        pass
    store.vault.close()
    left = _leftovers(service)
    if left:
        print(f"warning: entries were left under {service} (now deleted): {left}", file=sys.stderr)


def _leftovers(service: str) -> list[str]:
    """Entries still under ``service`` on the Secret Service (deleting any found)."""
    try:
        import secretstorage
    except ImportError:
        return []
    connection = secretstorage.dbus_init()
    try:
        collection = secretstorage.get_default_collection(connection)
        found = []
        for item in collection.search_items({"service": service}):
            found.append(item.get_attributes().get("username", "?"))
            item.delete()
        return found
    except secretstorage.exceptions.SecretStorageException:
        return []
    finally:
        connection.close()


if __name__ == "__main__":
    raise SystemExit(main())

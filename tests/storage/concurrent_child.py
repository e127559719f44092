"""A process that adds accounts one save at a time (run by test_concurrency.py).

``python -m tests.storage.concurrent_child SERVICE LOCK MODE PREFIX COUNT``
"""

from __future__ import annotations

import sys

from anjian.core.state import Account

from .crash_child import open_store
from .states import CREATED


def main(argv: list[str]) -> None:
    service, lock, mode, prefix, count = argv
    store = open_store(service, lock, mode)
    for i in range(int(count)):
        account = Account(id=f"{prefix}-{i}", name=f"{prefix} {i}", created=CREATED)
        store.update(lambda s, a=account: s.with_account(a))
    store.vault.close()


if __name__ == "__main__":
    main(sys.argv[1:])

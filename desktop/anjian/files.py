"""Writing a file so that a crash leaves the old one or the new one, never half of one."""

from __future__ import annotations

import os
from pathlib import Path


def write_atomically(path: Path, data: bytes, *, make_folder: bool = False) -> None:
    """Write ``data`` to ``path`` via a temporary file, fsync and rename (owner-only mode).

    The folder must exist unless ``make_folder`` is set: a report or an export
    to a folder that is not there is the user's mistake to hear about.
    """
    import tempfile  # only when writing: keeps anjian-cli check quick

    if make_folder:
        path.parent.mkdir(parents=True, exist_ok=True)
    folder = path.resolve().parent
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
    try:  # the rename itself is durable only once the folder is synced (POSIX)
        directory = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(directory)
    except OSError:
        pass
    finally:
        os.close(directory)

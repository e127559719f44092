"""Asking for a passphrase on the command line: the terminal, or a file descriptor.

A passphrase never comes from ``argv`` (other users can read a process's
arguments) or from an environment variable (inherited by every child). On a
terminal it is asked with :func:`getpass.getpass`, twice when a new one is
chosen. Without a terminal (a script, a pipe) the caller must say where it
comes from with ``--passphrase-fd N``: the first line read from that open file
descriptor, so a script can pass it through a pipe or a file it controls.
Without either, the command refuses rather than reading stdin by surprise.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from anjian.i18n import N_, Catalogue, Text


class NoPassphrase(Exception):
    """No passphrase could be obtained; ``text`` says why."""

    def __init__(self, text: Text) -> None:
        super().__init__(str(text))
        self.text = text


def add_argument(parser: argparse.ArgumentParser, catalogue: Catalogue) -> None:
    """The ``--passphrase-fd N`` option."""
    parser.add_argument(
        "--passphrase-fd", type=int, metavar="N",
        help=catalogue.gettext(N_("Read the passphrase from the first line of open file "
                                  "descriptor N instead of asking on the terminal.")))


def read_passphrase(args: argparse.Namespace, tr: object, confirm: bool) -> str:
    """The passphrase, from ``--passphrase-fd`` or asked on the terminal."""
    if args.passphrase_fd is not None:
        return _from_fd(args.passphrase_fd)
    if not (sys.stdin is not None and sys.stdin.isatty()):
        raise NoPassphrase(Text(N_(
            "There is no terminal to ask for the passphrase. Run this in a terminal, or "
            "give it with --passphrase-fd N.")))
    translate = tr  # the command's Output.tr
    first = getpass.getpass(translate(N_("Passphrase: ")))  # type: ignore[operator]
    if confirm:
        again = getpass.getpass(translate(N_("The same passphrase again: ")))  # type: ignore[operator]
        if again != first:
            raise NoPassphrase(Text(N_("The two passphrases differ. Nothing was done.")))
    return first


def _from_fd(fd: int) -> str:
    try:
        chunks = []
        while True:
            chunk = os.read(fd, 4096)
            if not chunk:
                break
            chunks.append(chunk)
            if b"\n" in chunk:
                break
    except OSError:
        raise NoPassphrase(Text(N_("File descriptor {fd} could not be read."),
                                {"fd": fd})) from None
    line = b"".join(chunks).split(b"\n", 1)[0].rstrip(b"\r")
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        raise NoPassphrase(Text(N_("The passphrase read from file descriptor {fd} is not "
                                   "UTF-8 text."), {"fd": fd})) from None

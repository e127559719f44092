"""``anjian-cli password``: score passwords read from standard input, one a line.

Passwords are never taken from the command line (argv is visible to other
users of the computer and kept in shell history). From a terminal, one
password is read without echo; from a pipe, every line is scored. With
``--json`` each line gives one JSON object on one line (JSON Lines); a line
that cannot be scored gives an object with ``error`` and the run goes on.
Output never contains the password or any part of it: patterns are reported
by kind and position. The user's own details in the state (name, birthday,
bound phones and e-mails) are always used; ``--personal`` adds more.

Exit 0 when every password scores 3 or 4 and none is on a leak list, 1 when
any is weaker or a line could not be scored, 2 on an error.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Iterator
from typing import Any

from anjian.cli import EXIT_FINDINGS, EXIT_OK, Output
from anjian.i18n import N_, Catalogue, Text

STRONG_ENOUGH = 3


def configure(parser: argparse.ArgumentParser, catalogue: Catalogue) -> None:
    """``--personal VALUE`` (repeatable)."""
    tr = catalogue.gettext
    parser.add_argument("--personal", action="append", default=[], metavar="VALUE",
                        help=tr(N_("A detail about you a password should not contain: a name, "
                                   "birthday, phone number or e-mail (repeatable).")))


def run(args: argparse.Namespace, out: Output) -> int:
    """Score each line of standard input."""
    from anjian.core.passwords.personal import classify
    from anjian.core.passwords.scorer import PasswordTooLong
    from anjian.wordlists import password_scorer

    personal = (*_state_inputs(out), *(classify(v) for v in args.personal if v.strip()))
    scorer = password_scorer()
    worst = EXIT_OK
    for number, line in enumerate(_lines(), start=1):
        if isinstance(line, Text):
            worst = EXIT_FINDINGS
            _emit_error(out, number, "not-utf8", line)
            continue
        try:
            strength = scorer.score(line, personal)
        except PasswordTooLong as exc:
            worst = EXIT_FINDINGS
            _emit_error(out, number, "too-long", exc.text)
            continue
        except Exception as exc:  # noqa: BLE001 - one bad line must not end the run
            worst = EXIT_FINDINGS
            _emit_error(out, number, "internal", Text(N_(
                "This line could not be scored ({kind})."), {"kind": type(exc).__name__}))
            continue
        if strength.score < STRONG_ENOUGH or strength.in_leak_lists:
            worst = EXIT_FINDINGS
        _emit(out, number, strength)
    scorer.forget()
    return worst


def _state_inputs(out: Output) -> tuple[Any, ...]:
    """The personal inputs of the saved state; without a usable keyring, none (and a note)."""
    from anjian.service import AnjianService
    from anjian.storage.errors import StorageError

    service = AnjianService()
    try:
        return service.password_personal_inputs()
    except StorageError as exc:
        print(out.tr(Text(N_("Note: your saved details could not be read ({problem}); only "
                             "--personal values are used."), {"problem": out.tr(exc.text)})),
              file=out.stderr)
        return ()
    finally:
        service.close()


def _lines() -> Iterator[str | Text]:
    """Each password: the lines of a pipe, or one typed without echo at a terminal."""
    stdin = sys.stdin
    if stdin.isatty():
        yield getpass.getpass("")
        return
    raw = getattr(stdin, "buffer", None)
    if raw is None:  # a text stream without bytes underneath (tests, some embedders)
        for line in stdin:
            yield line.removesuffix("\n").removesuffix("\r")
        return
    for data in raw:
        try:
            yield data.decode("utf-8").removesuffix("\n").removesuffix("\r")
        except UnicodeDecodeError:
            yield Text(N_("This line is not valid UTF-8 text."))


def _emit(out: Output, number: int, strength: Any) -> None:
    tr = out.tr
    if out.as_json:
        record = {
            "line": number,
            "score": strength.score,
            "label": tr(strength.label),
            "guesses_log10": round(strength.guesses_log10, 3),
            "crack_times_seconds": strength.crack_times_seconds,
            "crack_times": {key: tr(text) for key, (_, text)
                            in zip(strength.crack_times_seconds, strength.crack_times())},
            "warning": tr(strength.warning) if strength.warning else None,
            "suggestions": [tr(s) for s in strength.suggestions],
            "patterns": [{"kind": p.kind, "label": tr(p.label), "start": p.start, "end": p.end,
                          "guesses_log10": round(p.guesses_log10, 3), "personal": p.personal,
                          "chinese": p.is_chinese} for p in strength.patterns],
            "in_leak_lists": strength.in_leak_lists,
            "length": strength.length,
        }
        out.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        return
    print(tr(Text(N_("Line {line}: {label} ({score} of 4), about 10^{guesses} guesses"),
                  {"line": number, "label": tr(strength.label), "score": strength.score,
                   "guesses": f"{strength.guesses_log10:.1f}"})), file=out.stdout)
    if strength.in_leak_lists:
        leaked = tr(N_("This exact password is in public leak lists."))
        print(f"    [!!] {leaked}", file=out.stdout)
    if strength.warning:
        print(f"    [!] {tr(strength.warning)}", file=out.stdout)
    kinds = dict.fromkeys(tr(p.label) for p in strength.patterns)
    if kinds:
        print("    " + tr(Text(N_("Found: {patterns}"), {"patterns": ", ".join(kinds)})),
              file=out.stdout)
    for scenario, duration in strength.crack_times():
        print(f"    {tr(scenario)}: {tr(duration)}", file=out.stdout)
    for suggestion in strength.suggestions:
        print(f"    - {tr(suggestion)}", file=out.stdout)


def _emit_error(out: Output, number: int, problem: str, text: Text) -> None:
    if out.as_json:
        out.stdout.write(json.dumps({"line": number, "error": {
            "id": problem, "message": out.tr(text)}}, ensure_ascii=False) + "\n")
    else:
        print(out.tr(Text(N_("Line {line}: {message}"),
                          {"line": number, "message": out.tr(text)})), file=out.stdout)


"""What the account checks say: a stable id for programs and a translatable text for people."""

from __future__ import annotations

from enum import Enum

from anjian.i18n import Text
from anjian.record import record


class Severity(str, Enum):
    """How much a reason should worry the user; shown as an icon and a word, never colour alone."""

    OK = "ok"
    CAUTION = "caution"
    DANGER = "danger"


@record
class Reason:
    """One finding of a check: ``id`` is stable (for ``--json`` and tests), ``text`` is for people."""

    id: str
    text: Text
    severity: Severity = Severity.CAUTION


class InputProblem(ValueError):
    """What a person typed cannot be used; ``id`` is stable, ``text`` says why in words."""

    def __init__(self, problem_id: str, text: Text) -> None:
        super().__init__(str(text))
        self.id = problem_id
        self.text = text

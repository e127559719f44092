"""Our password scorer against plain zxcvbn 4.5.0 on the same inputs.

Target: scoring every input once with Anjian's scorer (Chinese dictionaries
and matchers, personal inputs of a sample profile, separators retried) takes
<= 1.5 x the median time of ``zxcvbn.zxcvbn`` over the same inputs. Inputs:
the reference set of tests/core/passwords (Chinese patterns) plus random
passwords of 8-32 characters and 5-word passphrases, all within zxcvbn's
72-character limit. Our scorer's cache is emptied after every round, so no
round profits from an earlier one. Also prints the reference-set target
figures of both scorers, for information.
"""

from __future__ import annotations

import random
import string
import sys
from pathlib import Path

import _measure as m

LIMIT = 1.5
ROOT = Path(__file__).resolve().parent.parent


def inputs() -> tuple[list[str], list[str]]:
    """(reference set, random passwords and passphrases)."""
    lines = (ROOT / "tests/core/passwords/reference_set.txt").read_text("utf-8").splitlines()
    reference = [line.split("\t")[1] for line in lines if line and not line.startswith("#")]
    rng = random.Random(20260401)
    alphabet = string.ascii_letters + string.digits + "!@#$%^&*"
    words = ["orbit", "tundra", "velvet", "mosaic", "glade", "copper", "lantern", "harbor",
             "quartz", "meadow", "falcon", "ember", "willow", "canyon", "saffron", "pixel"]
    randoms = ["".join(rng.choice(alphabet) for _ in range(rng.choice((8, 12, 16, 24, 32))))
               for _ in range(60)]
    phrases = ["-".join(rng.choice(words) for _ in range(5)) for _ in range(20)]
    return reference, randoms + phrases


def main() -> int:
    args = m.parser(__doc__.splitlines()[0], repeat=15, warmup=2).parse_args()
    sys.path.insert(0, str(ROOT / "desktop"))
    from zxcvbn import zxcvbn

    from anjian.core.passwords.personal import PersonalKind, PersonalValue
    from anjian.wordlists import password_scorer

    reference, others = inputs()
    everything = reference + others
    scorer = password_scorer()
    personal = (PersonalValue(PersonalKind.NAME, "张伟"),
                PersonalValue(PersonalKind.BIRTHDAY, "1990-05-17"),
                PersonalValue(PersonalKind.PHONE, "13957218846"))

    def ours() -> None:
        for password in everything:
            scorer.score(password, personal)
        scorer.forget()

    def plain() -> None:
        for password in everything:
            zxcvbn(password)

    print(f"{len(everything)} inputs: {len(reference)} reference-set passwords, "
          f"{len(others)} random passwords and passphrases")
    stats = m.interleaved({"ours": ours, "plain": plain}, args.repeat, args.warmup)
    verdict = m.compare("pw-scorer", "Anjian's scorer, all inputs", stats["ours"],
                        "plain zxcvbn 4.5.0, all inputs", stats["plain"], LIMIT)
    weak = sum(scorer.score(p).score <= 1 for p in reference) / len(reference)
    strong = sum(scorer.score(p).score >= 3 for p in reference)
    plain_weak = sum(zxcvbn(p)["score"] <= 1 for p in reference) / len(reference)
    plain_strong = sum(zxcvbn(p)["score"] >= 3 for p in reference) / len(reference)
    print(f"  reference set ({len(reference)}): ours {weak:.1%} score <= 1, {strong} score >= 3; "
          f"plain zxcvbn {plain_weak:.1%} score <= 1, {plain_strong:.1%} score >= 3")
    return m.finish([verdict])


if __name__ == "__main__":
    raise SystemExit(main())

"""Edit distance between short strings (domain names), for typo and look-alike checks."""

from __future__ import annotations


def edit_distance(a: str, b: str) -> int:
    """Optimal string alignment distance: insertions, deletions, substitutions and
    swaps of two neighbouring characters each count 1 (``gmial`` → ``gmail`` is 1)."""
    if a == b:
        return 0
    if abs(len(a) - len(b)) > 3:
        return abs(len(a) - len(b))  # far apart anyway; domains are short but input is not
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[len(b)]

"""Pure grading of a learner's response, one rule per question kind.

* multiple choice, true/false: the chosen option index against ``correct``;
* cloze: the typed words against the answer and its accepted aliases, tolerant of case,
  accents, punctuation, articles (a/an/the) and small typos — the allowed edit distance
  grows with the answer's length, never for very short answers or numbers; a typo that
  was accepted is reported as a near miss so the learner sees the right spelling;
* flashcard: self-graded, so "correct" is simply "not rated Again".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from questions.model import Kind

ARTICLES = frozenset({"a", "an", "the"})
_NON_WORD = re.compile(r"[^\w]+")
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class Grade:
    correct: bool
    near_miss: bool = False
    # The accepted answer the response matched (to show "you typed X, we expected Y").
    matched: str | None = None


def grade_choice(correct_index: int | None, chosen: int | None) -> Grade:
    """Multiple choice and true/false: right if the chosen index is the correct one."""
    ok = chosen is not None and correct_index is not None and chosen == correct_index
    return Grade(correct=ok)


def grade_typed(answer: str, accepted: tuple[str, ...] | list[str], typed: str) -> Grade:
    """A typed answer against the canonical answer and its aliases."""
    response = normalise(typed)
    if not response:
        return Grade(correct=False)
    candidates = [answer, *accepted]
    for candidate in candidates:
        if normalise(candidate) == response:
            return Grade(correct=True, matched=candidate)
    for candidate in candidates:
        target = normalise(candidate)
        if target and _close_enough(target, response):
            return Grade(correct=True, near_miss=True, matched=candidate)
    return Grade(correct=False)


def grade_flashcard(again: bool) -> Grade:
    return Grade(correct=not again)


def grade(
    kind: str,
    *,
    answer: str,
    accepted: tuple[str, ...] | list[str] = (),
    correct_index: int | None = None,
    chosen: int | None = None,
    typed: str = "",
) -> Grade:
    """Dispatch on kind for the auto-graded kinds (flashcards use ``grade_flashcard``)."""
    if kind in (Kind.MULTIPLE_CHOICE, Kind.TRUE_FALSE):
        return grade_choice(correct_index, chosen)
    if kind == Kind.CLOZE:
        return grade_typed(answer, accepted, typed)
    raise ValueError(f"{kind} questions are self-graded")


def normalise(text: str) -> str:
    """Lower case, no accents, apostrophes dropped, other punctuation as spaces, no articles."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = plain.replace("'", "").replace("’", "")
    words = [w for w in _NON_WORD.sub(" ", plain).split() if w not in ARTICLES]
    return " ".join(words).replace("_", " ").strip()


def allowed_typos(length: int) -> int:
    """Edits tolerated for an answer of this many characters (strict for short words,
    so "hypocalcemia" never accepts "hypercalcemia")."""
    if length <= 4:
        return 0
    if length <= 12:
        return 1
    return 2


def _close_enough(target: str, response: str) -> bool:
    # A number is a fact: 1990 is not a typo of 1991.
    if _DIGITS.findall(target) != _DIGITS.findall(response):
        return False
    limit = allowed_typos(len(target))
    if limit == 0 or abs(len(target) - len(response)) > limit:
        return False
    return edit_distance(target, response) <= limit


def edit_distance(a: str, b: str) -> int:
    """Optimal string alignment distance: insertions, deletions, substitutions, swaps."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], prev2[j - 2] + 1)
        prev2, prev = prev, row
    return prev[-1]

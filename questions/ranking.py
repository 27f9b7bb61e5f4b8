"""Ranking and the budget: which of the questions that passed the gates a deck ships.

Every question gets a score: the importance of its fact (definitions, glosses and numbers
above sentences of filler), the worth of its answer (rare words, numbers with units, terms
the article repeats) and the quality of its form (short stems, short answers; a multiple
choice or a false statement is scarcer than a flashcard). The best are kept, greedily:

- at most ``PER_1000_WORDS`` questions per 1,000 words of article, but at least ``MINIMUM``;
- at most one question of a kind per fact, and at most two questions with the same answer;
- true/false items with either answer at most one more than those with the other, so
  answering "True" (or "False") to everything cannot score well.

Ties break on the question id, so the choice is the same on every run.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from collections.abc import Callable

from questions.model import Kind, Question
from questions.rarity import RARE_ZIPF, is_trivial_word, zipf
from questions.textutil import squash

PER_1000_WORDS = 38
MINIMUM = 8
SAME_ANSWER = 2
PER_SENTENCE = 1
KIND_STEP = 0.5
SECTION_STEP = 0.7
REPEAT_STEP = 0.75
REPEAT_CAP = 2.0
FACT_VALUE = {
    "definition": 6.0,
    "gloss": 5.0,
    "abbreviation": 5.0,
    "list_item": 5.0,
    "alias": 4.0,
    "key_term": 4.0,
    "cause": 4.0,
    "qa": 7.5,
    "trigger": 3.0,
    "trigger_item": 3.0,
    "statement": 3.0,
    "effect": 2.0,
}
KIND_VALUE = {Kind.MULTIPLE_CHOICE: 1.5, Kind.CLOZE: 1.0, Kind.FLASHCARD: 0.0, Kind.TRUE_FALSE: 0.5}
_WORD_RE = re.compile(r"\w+")
_TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d[\d.,%–-]*")


def answer_value(answer: str, long_ok: bool = False) -> float:
    """Rare words and numbers are worth asking; a sentence-long answer is a weak card,
    unless ``long_ok`` (a FAQ's answer is a sentence by nature)."""
    tokens = _TOKEN_RE.findall(answer)
    if any(t[0].isdigit() for t in tokens):
        return 3.0
    terms = [t for t in tokens if not is_trivial_word(t)]
    if not terms:
        return -3.0
    rarity = sum(max(0.0, RARE_ZIPF + 1.5 - zipf(t)) for t in terms) / len(terms)
    return min(rarity, 3.0) - (0 if long_ok else max(0, len(tokens) - 6) * 0.3)


def score(q: Question, count: Callable[[str], int]) -> float:
    """``count`` says how often the article uses a phrase: a term it repeats is a key term."""
    value = FACT_VALUE.get(q.fact_kind, 3.0) + KIND_VALUE[q.kind]
    if q.kind != Kind.TRUE_FALSE:
        value += answer_value(q.answer, q.fact_kind == "qa") + min(
            REPEAT_CAP, REPEAT_STEP * (count(q.answer) - 1)
        )
    return value - max(0, len(q.prompt.split()) - 30) * 0.1


def budget(words: int) -> int:
    return max(MINIMUM, words * PER_1000_WORDS // 1000)


def rank(
    questions: list[Question],
    text: str,
    count: Callable[[str], int],
    parts: dict[str, str] | None = None,
) -> list[Question]:
    """The best questions within the budget of an article of ``text``, best first.

    Each question's score is lowered a little for every question of its kind and of its
    part of the article already kept, so a deck is neither all flashcards nor all about one
    section. ``parts`` maps a fact id to its part when that is not its section (one list or
    table of a section that holds two).
    Lazy greedy: penalties only grow, so a stored score bounds the current one, and a
    question is taken when its current score still beats every stored score.
    """
    limit = budget(len(_WORD_RE.findall(text)))
    picked = _Picked(parts or {})
    heap = [(-score(q, count), q.id, i) for i, q in enumerate(questions)]
    heapq.heapify(heap)
    waiting: list[tuple[float, str, int]] = []  # true/false items until the other answer
    while heap and len(picked.kept) < limit:
        entry = heapq.heappop(heap)
        q = questions[entry[2]]
        if picked.waits(q):
            waiting.append(entry)
            continue
        if not picked.allows(q):
            continue
        current = -_turn_score(q, picked, count)
        if heap and current > heap[0][0]:
            heapq.heappush(heap, (current, entry[1], entry[2]))  # no longer the best
            continue
        picked.offer(q)
        if q.kind == Kind.TRUE_FALSE:
            for item in waiting:
                heapq.heappush(heap, item)
            waiting.clear()
    return picked.kept


def _turn_score(q: Question, picked: _Picked, count: Callable[[str], int]) -> float:
    crowded = KIND_STEP * picked.by_kind[q.kind]
    crowded += SECTION_STEP * picked.by_section[picked.part(q)]
    return score(q, count) - crowded


class _Picked:
    """The questions kept so far, and what that allows next."""

    def __init__(self, parts: dict[str, str]) -> None:
        self.parts = parts
        self.kept: list[Question] = []
        self.by_kind: Counter[Kind] = Counter()
        self.by_section: Counter[str] = Counter()
        self.sources: Counter[int] = Counter()
        self.kinds: set[tuple[str, Kind]] = set()
        self.answers: Counter[str] = Counter()
        self.truth: Counter[str] = Counter()

    def part(self, q: Question) -> str:
        return self.parts.get(q.fact_id, q.source.section)

    def waits(self, q: Question) -> bool:
        """A true/false item waits while its answer would outnumber the other one by two."""
        if q.kind != Kind.TRUE_FALSE:
            return False
        other = "False" if q.answer == "True" else "True"
        return self.truth[q.answer] >= self.truth[other] + 1

    def allows(self, q: Question) -> bool:
        if (q.fact_id, q.kind) in self.kinds or self.sources[q.source.start] >= PER_SENTENCE:
            return False
        return q.kind == Kind.TRUE_FALSE or self.answers[squash(q.answer)] < SAME_ANSWER

    def offer(self, q: Question) -> None:
        if not self.allows(q):
            return
        self.kept.append(q)
        self.by_kind[q.kind] += 1
        self.by_section[self.part(q)] += 1
        self.sources[q.source.start] += 1
        self.kinds.add((q.fact_id, q.kind))
        if q.kind == Kind.TRUE_FALSE:
            self.truth[q.answer] += 1
        else:
            self.answers[squash(q.answer)] += 1

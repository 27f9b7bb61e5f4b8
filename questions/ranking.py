"""Ranking and the budget: which of the questions that passed the gates a deck ships.

Every question gets a score: the importance of its fact (definitions, glosses and numbers
above sentences of filler), the worth of its answer (rare words, numbers with units, terms
the article repeats) and the quality of its form (short stems, short answers; a multiple
choice or a false statement is scarcer than a flashcard). The best are kept, greedily:

- at most ``PER_1000_WORDS`` questions per 1,000 words of article, but at least ``MINIMUM``;
- at most one question of a kind per fact, one per source sentence, one per answer,
  ``PER_LIST`` per list (one of them true/false: those quote the list's wording);
- a key term's sentence as a true/false item only where the deck needs one more than
  its cloze (``TRUE_FALSE_DISCOUNT``);
- a kind the deck has none of yet is preferred (``FIRST_OF_KIND``): a deck of clozes
  only tests one way;
- as many false true/false items as true ones (one more only in a deck at its minimum),
  so answering "True" (or "False") to everything cannot score well;
- never one fact asked both ways: two questions of facts of different forms (a sentence
  and a table row, a glossary entry, a list item) each of whose answer the other's stem
  says ("Stockfish came through {{blank}}" → Bergen, "Which commodity has Bergen as its
  main source?" → Stockfish), words folded and singular, test one fact; the better-ranked
  one is kept (``_Picked.reverses``). Two facts of one form (two sentences that each name
  both terms: "zooxanthellae give corals their colours", "stressed corals expel their
  zooxanthellae") are two statements of the article, each asked in its own terms.

Ties break on the question id, so the choice is the same on every run.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from collections.abc import Callable

from questions.model import Kind, Question
from questions.nlp import singular
from questions.rarity import RARE_ZIPF, is_trivial_word, zipf
from questions.textutil import squash

PER_1000_WORDS = 38
MINIMUM = 8
SAME_ANSWER = 1
# Questions on the items of one list: more and the list's wording dominates the deck.
PER_LIST = 2
PER_SENTENCE = 1
KIND_STEP = 1.5
# A popped question within this of the best stored score is taken, not put back.
TOLERANCE = 0.2
# The kind penalty grows with a kind's count in a small deck, with its share in a big one.
KIND_WINDOW = 8
SECTION_STEP = 0.7
# A kind the deck has none of yet gains this: a deck of all four kinds tests more ways.
FIRST_OF_KIND = 3.0
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
# A key term's sentence as a true/false item tests less than its cloze (which names the
# term): it is kept where the deck needs a true/false item more than another cloze.
TRUE_FALSE_DISCOUNT = {"key_term": 1.0}
KIND_VALUE = {Kind.MULTIPLE_CHOICE: 1.5, Kind.CLOZE: 1.0, Kind.FLASHCARD: 0.0, Kind.TRUE_FALSE: 2.5}
_WORD_RE = re.compile(r"\w+")
_TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d[\d.,%–-]*")
_FOLD_RE = re.compile(r"[^\W_]+")
Folded = tuple[str, ...]  # a text's words, folded (``folded``)


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
    if q.kind == Kind.TRUE_FALSE:
        value -= TRUE_FALSE_DISCOUNT.get(q.fact_kind, 0.0)
    else:
        value += answer_value(q.answer, q.fact_kind == "qa") + min(
            REPEAT_CAP, REPEAT_STEP * (count(q.answer) - 1)
        )
    return value - max(0, len(q.prompt.split()) - 30) * 0.1


def folded(text: str) -> Folded:
    """The text's words in lower case and singular: "Stockfish" / "stockfishes" are one."""
    return tuple(singular(w) for w in _FOLD_RE.findall(text.casefold()))


def says(text: Folded, phrase: Folded) -> bool:
    """Does the folded ``text`` hold the folded ``phrase``, word for word?"""
    n = len(phrase)
    return n > 0 and any(text[k : k + n] == phrase for k in range(len(text) - n + 1))


def budget(words: int) -> int:
    return max(MINIMUM, words * PER_1000_WORDS // 1000)


def rank(
    questions: list[Question],
    text: str,
    count: Callable[[str], int],
    parts: dict[str, str] | None = None,
) -> list[Question]:
    """The best questions within the budget of an article of ``text``, best first.

    Each question's score is lowered for its kind's share of the questions already kept
    and for every question of its part of the article already kept, so a deck is neither
    all flashcards nor all about one section. ``parts`` maps a fact id to its part when
    that is not its section (one list or table of a section that holds two).
    Lazy greedy: a popped question whose current score fell below the next stored score
    goes back in line; otherwise it is taken.
    """
    limit = budget(len(_WORD_RE.findall(text)))
    picked = _Picked(parts or {}, [squash(q.answer) for q in questions])
    static = [score(q, count) for q in questions]
    heap = [(-static[i], q.id, i) for i, q in enumerate(questions)]
    heapq.heapify(heap)
    waiting: dict[str, list[tuple[float, str, int]]] = {"True": [], "False": []}
    while heap and len(picked.kept) < limit:
        entry = heapq.heappop(heap)
        i = entry[2]
        q = questions[i]
        if not picked.allows(i, q):
            continue
        if picked.waits(q):
            heapq.heappush(waiting[q.answer], entry)  # until an item answered the other way
            continue
        current = picked.penalty(q) - static[i]
        if heap and current > heap[0][0] + TOLERANCE:
            heapq.heappush(heap, (current, entry[1], i))  # no longer the best
            continue
        picked.offer(i, q)
        other = waiting["False" if q.answer == "True" else "True"]
        if q.kind == Kind.TRUE_FALSE and other:
            heapq.heappush(heap, heapq.heappop(other))
    _fill_to_minimum(picked, questions, waiting)
    return _balanced(picked.kept)


def _fill_to_minimum(
    picked: _Picked, questions: list[Question], waiting: dict[str, list[tuple[float, str, int]]]
) -> None:
    """A short article whose true/false items found no twin of the other answer still ships
    ``MINIMUM`` questions: the waiting items, best first, rather than too small a deck."""
    rest = sorted(waiting["True"] + waiting["False"])
    for _, _, i in rest:
        if len(picked.kept) >= MINIMUM:
            return
        if picked.allows(i, questions[i]):
            picked.offer(i, questions[i])


def _balanced(kept: list[Question]) -> list[Question]:
    """Without the last false item when false ones outnumber true ones (by one, at most):
    then exactly half of a deck's true/false items are false."""
    false = [i for i, q in enumerate(kept) if q.kind == Kind.TRUE_FALSE and q.answer == "False"]
    true = sum(1 for q in kept if q.kind == Kind.TRUE_FALSE and q.answer == "True")
    if len(false) > true and len(kept) > MINIMUM:
        return kept[: false[-1]] + kept[false[-1] + 1 :]
    return kept


class _Picked:
    """The questions kept so far, and what that allows next."""

    def __init__(self, parts: dict[str, str], folded: list[str]) -> None:
        self.parts = parts
        self.folded = folded  # each question's answer, folded
        self.kept: list[Question] = []
        self.by_kind: Counter[Kind] = Counter()
        self.by_section: Counter[str] = Counter()
        self.sources: Counter[int] = Counter()
        self.kinds: set[tuple[str, Kind]] = set()
        self.answers: Counter[str] = Counter()
        self.truth: Counter[str] = Counter()
        self.lists: Counter[tuple[str, bool]] = Counter()  # per (part, true/false?)
        # Kept questions (not true/false) by the first folded word of their answer, with
        # their fact's kind, folded answer and stem: a later question is looked up by its
        # stem's words.
        self.by_answer_word: dict[str, list[tuple[str, Folded, Folded]]] = {}

    def part(self, q: Question) -> str:
        return self.parts.get(q.fact_id, q.source.section)

    def waits(self, q: Question) -> bool:
        """A true item waits until false ones are as many; a false one while false ones
        outnumber true ones: a deck's first true/false item is false, and "always True"
        scores at most half."""
        if q.kind != Kind.TRUE_FALSE:
            return False
        if q.answer == "True":
            return self.truth["True"] >= self.truth["False"]
        return self.truth["False"] >= self.truth["True"] + 1

    def penalty(self, q: Question) -> float:
        """How much the questions already kept lower this one's score."""
        share = self.by_kind[q.kind] * KIND_WINDOW / (len(self.kept) + KIND_WINDOW)
        first = FIRST_OF_KIND if not self.by_kind[q.kind] else 0.0
        return KIND_STEP * share + SECTION_STEP * self.by_section[self.part(q)] - first

    def full_list(self, q: Question) -> bool:
        """Has the list of this list item given its ``PER_LIST`` questions (or, for a
        true/false item, its one true/false item) already?"""
        part = self.part(q)
        if q.kind == Kind.TRUE_FALSE and self.lists[(part, True)]:
            return True
        return self.lists[(part, True)] + self.lists[(part, False)] >= PER_LIST

    def allows(self, i: int, q: Question) -> bool:
        if (q.fact_id, q.kind) in self.kinds or self.sources[q.source.start] >= PER_SENTENCE:
            return False
        if q.fact_kind == "list_item" and self.full_list(q):
            return False
        if q.kind == Kind.TRUE_FALSE:
            return True
        return self.answers[self.folded[i]] < SAME_ANSWER and not self.reverses(q)

    def reverses(self, q: Question) -> bool:
        """Does a kept question ask this one's fact the other way round: its answer in this
        stem, and this answer in its stem?"""
        stem = folded(q.prompt)
        answer = folded(q.answer)
        for word in set(stem) & self.by_answer_word.keys():
            for form, kept_answer, kept_stem in self.by_answer_word[word]:
                if form == q.fact_kind:
                    continue  # two sentences that name both terms: two statements
                if says(stem, kept_answer) and says(kept_stem, answer):
                    return True
        return False

    def offer(self, i: int, q: Question) -> None:
        self.kept.append(q)
        self.by_kind[q.kind] += 1
        self.by_section[self.part(q)] += 1
        self.sources[q.source.start] += 1
        self.kinds.add((q.fact_id, q.kind))
        if q.fact_kind == "list_item":
            self.lists[(self.part(q), q.kind == Kind.TRUE_FALSE)] += 1
        if q.kind == Kind.TRUE_FALSE:
            self.truth[q.answer] += 1
        else:
            self.answers[self.folded[i]] += 1
            answer = folded(q.answer)
            if answer:
                entry = (q.fact_kind, answer, folded(q.prompt))
                self.by_answer_word.setdefault(answer[0], []).append(entry)

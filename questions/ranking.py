"""Ranking and the budget: which of the questions that passed the gates a deck ships.

Every question gets a score: the importance of its fact (definitions, glosses and numbers
above sentences of filler), the worth of its answer (rare words, numbers with units, terms
the article repeats) and the quality of its form (short stems, short answers; a multiple
choice or a false statement is scarcer than a flashcard). The best are kept, greedily:

- at most ``PER_1000_WORDS`` questions per 1,000 words of article, but at least ``MINIMUM``;
- at most one question of a kind per fact, one per source sentence, one per answer (a
  name asked whole and by its last word alone, "James Lind" / "Lind", is one answer:
  ``name_key``),
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
- one fact, one question (``_Picked.repeats``): a question that asks a value another kept
  question already says is a duplicate when the two also share a word of their subject
  ("Which pit has 6,000 m² as its approximate area?" after "The approximate area of Pit 1
  is 6,000 m²."; "May ___: Gosling takes Photo 51" after "… taken in May 1952 by Raymond
  Gosling"). A question asks its answer when that holds a number, and a true/false item
  the numbers of its statement (each with the word after it); a rare term it answers is
  asked only between two definitions, one of which asks what that term is ("Which term
  does the article define as 'a weak acid whose colour …'?" → Indicator, after "What is
  an acid-base indicator?"), since a term is said by many sentences about other facts.
  The subject word is a rare word (``SUBJECT_ZIPF``) of both stems outside the value. Two
  stems that quote one definition ("The article defines 'GDP' as '…'" and "…
  'opportunity cost' as '…'", or "Which term does the article define as '…'?") ask one
  fact; such a statement is considered after every other question (``requoted``), so
  the question on the term is kept.

Ties break on the question id, so the choice is the same on every run.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache

from questions.model import CLOZE_BLANK, Kind, Question
from questions.nlp import singular
from questions.rarity import RARE_ZIPF, is_trivial_word, zipf
from questions.textutil import STOPWORDS, SUMMARY_HEADING_RE, squash

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
# A word rarer than this in English, said by two stems, names a subject they share
# ("Gosling", "symptoms", "approximate area"); commoner words ("time", "first") do not.
SUBJECT_ZIPF = 5.0
# An answer term rarer than this is a value a stem gives away ("indicator"); a commoner
# one ("Sun") is said by many stems about other facts.
ASKED_ZIPF = 4.5
# A number asked where another candidate's stem states it with its subject ("May ___:
# Gosling takes Photo 51" beside "{{blank}} is an X-ray image taken in May 1952 by Raymond
# Gosling") ranks this much lower, so the question on the term is kept and the number,
# which its stem shows, is not asked again (``restated_numbers``).
RESTATED = 2.0
# Facts whose question asks what a term is: a term answered elsewhere repeats them.
DEFINING = frozenset(["definition", "gloss", "alias", "abbreviation"])
TERM_STEM = 8  # words of a stem that asks what a term is: "What is an acid-base indicator?"
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
    # A property or a doer asked back ("What is the most common cause of CMT?", "Who
    # explained the origin of atolls?"): a question a teacher writes, not a lifted sentence.
    "attribute": 6.0,
    "agent": 6.0,
    "date": 5.0,
    "action": 3.5,  # "What does calcitonin regulate?": below a key term's cloze of one sentence
    "actor": 3.5,  # "What regulates calcium in the blood?"
}
# A key term's sentence as a true/false item tests less than its cloze (which names the
# term): it is kept where the deck needs a true/false item more than another cloze.
TRUE_FALSE_DISCOUNT = {"key_term": 1.0}
KIND_VALUE = {Kind.MULTIPLE_CHOICE: 1.5, Kind.CLOZE: 1.0, Kind.FLASHCARD: 0.0, Kind.TRUE_FALSE: 2.5}
_WORD_RE = re.compile(r"\w+")
_TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d[\d.,%–-]*")
_FOLD_RE = re.compile(r"[^\W_]+")
_QUOTE_RE = re.compile(r"“([^”]+)”")
NEAR_CAP = 12
QUOTE_WORDS = 5  # a quoted definition this long, in two stems, is one fact asked twice
Folded = tuple[str, ...]  # a text's words, folded (``folded``)
# A quantity: a number first, or after lower-case words ("about 4.6 billion years", "up
# to 70 days"); "Type 2 diabetes", "Photo 51" are names with a number.
_QUANTITY_RE = re.compile(r"^(?:[a-z][\w'’-]*\s+)*\d")


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
        value += answer_value(q.answer, q.fact_kind in ("qa", "attribute")) + min(
            REPEAT_CAP, REPEAT_STEP * (count(q.answer) - 1)
        )
    return value - max(0, len(q.prompt.split()) - 30) * 0.1


# Each stem is folded again for every candidate the ranking weighs beside it.
@lru_cache(maxsize=65536)
def folded(text: str) -> Folded:
    """The text's words in lower case and singular: "Stockfish" / "stockfishes" are one."""
    return tuple(singular(w) for w in _FOLD_RE.findall(text.casefold()))


def says(text: Folded, phrase: Folded) -> bool:
    """Does the folded ``text`` hold the folded ``phrase``, word for word?"""
    n = len(phrase)
    return n > 0 and any(text[k : k + n] == phrase for k in range(len(text) - n + 1))


RESTATED_SHARE = 0.5  # of a definition's content words a stem must say to restate it
DEFINITION_WORDS = 3  # content words from which an answer is a definition, not a term


def _restates(text: Folded, answer: Folded) -> bool:
    """Does ``text`` say ``answer``: word for word, or, for a definition, half its content
    words ("Groups of ___ marched …, whipping themselves in public as an act of penance"
    restates "groups who whipped themselves in public as penance for sin")?"""
    if says(text, answer):
        return True
    content = {w for w in answer if w not in STOPWORDS}
    if len(content) < DEFINITION_WORDS:
        return False
    return len(content & set(text)) >= RESTATED_SHARE * len(content)


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
    asked = [_Asked(q) for q in questions]
    picked = _Picked(parts or {}, [squash(q.answer) for q in questions], asked)
    picked.count = count
    static = _scores(questions, count, asked)
    late = set(requoted(questions)) | set(summarising(questions))
    waiting: dict[str, list[tuple[float, str, int]]] = {}
    for chosen in (False, True):  # a statement that would answer a term's question: last
        heap = [(-static[i], q.id, i) for i, q in enumerate(questions) if (i in late) == chosen]
        heapq.heapify(heap)
        _greedy(heap, questions, static, picked, waiting, limit)
    _fill_to_minimum(picked, questions, waiting)
    return _balanced(picked.kept)


def _greedy(
    heap: list[tuple[float, str, int]],
    questions: list[Question],
    static: list[float],
    picked: _Picked,
    waiting: dict[str, list[tuple[float, str, int]]],
    limit: int,
) -> None:
    """Lazy greedy: a popped question whose current score fell below the next stored
    score goes back in line; otherwise it is taken."""
    while heap and len(picked.kept) < limit:
        entry = heapq.heappop(heap)
        i = entry[2]
        q = questions[i]
        if not picked.allows(i, q):
            continue
        if picked.waits(q):
            # until an item of its family answered the other way
            heapq.heappush(waiting.setdefault(truth_key(q), []), entry)
            continue
        current = picked.penalty(q) - static[i]
        if heap and current > heap[0][0] + TOLERANCE:
            heapq.heappush(heap, (current, entry[1], i))  # no longer the best
            continue
        picked.offer(i, q)
        other = waiting.get(truth_key(q, flipped=True), [])
        if q.kind == Kind.TRUE_FALSE and other:
            heapq.heappush(heap, heapq.heappop(other))


def _scores(
    questions: list[Question], count: Callable[[str], int], asked: list[_Asked]
) -> list[float]:
    """Each question's score, lower for a number another question's stem restates."""
    static = [score(q, count) for q in questions]
    for i in restated_numbers(questions, asked):
        static[i] -= RESTATED
    for i in given_away(questions):
        static[i] -= RESTATED  # "The firm of ___ & Watt" beside "… with Matthew Boulton"
    for i in later_mentions(questions):
        static[i] -= RESTATED  # "___ published his results" → Lind, beside "… James Lind"
    return static


def later_mentions(questions: list[Question]) -> list[int]:
    """The questions (not true/false) asking a name by its last word alone where another
    asks it whole ("Lind" beside "James Lind"): the sentence naming the person in full
    introduces them; one that says the surname leans on it ("Lind published his results")."""
    keys = [name_key(q.answer) if q.kind != Kind.TRUE_FALSE else None for q in questions]
    whole = {key[0] for key in keys if key and key[1]}
    return [i for i, key in enumerate(keys) if key and not key[1] and key[0] in whole]


def given_away(questions: list[Question]) -> list[int]:
    """The questions (not true/false) asking a name that the stem of a question on an
    adjacent sentence prints as it is ("The firm of ___ & Watt" beside "… partnership with
    Matthew Boulton"): of such a pair, the one printing it keeps its own fact. A common noun
    two stems share is the passage's subject; there the better-ranked question is kept."""
    said: dict[int, list[_Said]] = {}
    mine = [_Said(q) if q.kind != Kind.TRUE_FALSE else None for q in questions]
    names = [q.answer if q.answer[:1].isupper() else "" for q in questions]
    for entry in mine:
        if entry is not None:
            said.setdefault(entry.start // NEAR_TEXT, []).append(entry)
    out = []
    for i, entry in enumerate(mine):
        if entry is None or not entry.answer or not names[i]:
            continue
        block = entry.start // NEAR_TEXT
        near = [o for b in (block - 1, block, block + 1) for o in said.get(b, [])]
        if any(
            o.start != entry.start and _adjacent(entry, o) and names[i] in o.prompt for o in near
        ):
            out.append(i)
    return out


def requoted(questions: list[Question]) -> list[int]:
    """The true/false items quoting a definition that a question asking for its term also
    quotes: the term's question is kept, and the statement, which would answer it, not."""
    asked = {
        folded(quote[-1])
        for q in questions
        if q.kind != Kind.TRUE_FALSE and (quote := _QUOTE_RE.findall(q.prompt))
    }
    return [
        i
        for i, q in enumerate(questions)
        if q.kind == Kind.TRUE_FALSE and (quote := _QUOTE_RE.findall(q.prompt))
        if len(folded(quote[-1])) >= QUOTE_WORDS and folded(quote[-1]) in asked
    ]


# A section that restates the body's facts ("Key points", "Summary", "In brief").
SUMMARY_RE = SUMMARY_HEADING_RE


def summarising(questions: list[Question]) -> list[int]:
    """The questions of a summary section: it restates facts the body states, so they are
    considered after the body's, and one whose answer a kept stem says (or that says a
    kept answer) is not asked again (``_Picked.neighbours``)."""
    return [i for i, q in enumerate(questions) if SUMMARY_RE.match(q.source.section.strip())]


def _fill_to_minimum(
    picked: _Picked, questions: list[Question], waiting: dict[str, list[tuple[float, str, int]]]
) -> None:
    """A short article whose true/false items found no twin of the other answer still ships
    ``MINIMUM`` questions: the waiting items, best first, then those a neighbour's stem
    gives away (``_Picked.neighbours``), rather than too small a deck."""
    rest = sorted(entry for line in waiting.values() for entry in line)
    for _, _, i in rest:
        if len(picked.kept) >= MINIMUM:
            return
        if picked.allows(i, questions[i]):
            picked.offer(i, questions[i])
    for i in list(dict.fromkeys(picked.spared)):
        if len(picked.kept) >= MINIMUM:
            return
        if picked.allows(i, questions[i], near_ok=True):
            picked.offer(i, questions[i])


def _balanced(kept: list[Question]) -> list[Question]:
    """Without the last false item when false ones outnumber true ones (by one, at most):
    then exactly half of a deck's true/false items are false."""
    false = [i for i, q in enumerate(kept) if q.kind == Kind.TRUE_FALSE and q.answer == "False"]
    true = sum(1 for q in kept if q.kind == Kind.TRUE_FALSE and q.answer == "True")
    if len(false) > true and len(kept) > MINIMUM:
        return kept[: false[-1]] + kept[false[-1] + 1 :]
    return kept


def truth_key(q: Question, flipped: bool = False) -> str:
    """A true/false item's family and answer: table rows and prose are balanced apart, so
    neither "the table's items are false" nor "the copied sentences are true" scores (audit
    23: four of five table items were false, every copied sentence true)."""
    family = "table" if q.fact_kind == "table_cell" else "prose"
    answer = q.answer if not flipped else ("False" if q.answer == "True" else "True")
    return f"{family}:{answer}"


class _Picked:
    """The questions kept so far, and what that allows next."""

    def __init__(self, parts: dict[str, str], folded: list[str], asked: list[_Asked]) -> None:
        self.parts = parts
        self.folded = folded  # each question's answer, folded
        self.kept: list[Question] = []
        self.by_kind: Counter[Kind] = Counter()
        self.by_section: Counter[str] = Counter()
        self.sources: Counter[int] = Counter()
        self.kinds: set[tuple[str, Kind]] = set()
        self.answers: Counter[str] = Counter()
        self.names: set[tuple[str, bool]] = set()  # kept names' ``name_key``s
        self.truth: Counter[str] = Counter()
        self.lists: Counter[tuple[str, bool]] = Counter()  # per (part, true/false?)
        # Kept questions (not true/false) by the first folded word of their answer, with
        # their fact's kind, folded answer and stem: a later question is looked up by its
        # stem's words.
        self.by_answer_word: dict[str, list[tuple[str, Folded, Folded]]] = {}
        self.asked_of = asked  # each question's values and stem, folded
        self.asked = _AskedIndex()
        # Kept questions (not true/false) by the stretch of text their source is in, and the
        # summary sections' questions: each answer is checked against the stems near it.
        self.nearby: dict[int, list[_Said]] = {}
        self.everywhere: list[_Said] = []
        self.spared: list[int] = []  # refused only beside a neighbour, best first
        # Each candidate's ``_Said``, by ``id``: a candidate is weighed again after every
        # question kept.
        self.said_of: dict[int, _Said] = {}
        self.count: Callable[[str], int] = lambda _: 1  # how often the article says a phrase

    def part(self, q: Question) -> str:
        return self.parts.get(q.fact_id, q.source.section)

    def waits(self, q: Question) -> bool:
        """A true item waits until false ones are as many; a false one while false ones
        outnumber true ones: a deck's first true/false item is false, and "always True"
        scores at most half."""
        if q.kind != Kind.TRUE_FALSE:
            return False
        mine, other = self.truth[truth_key(q)], self.truth[truth_key(q, flipped=True)]
        return mine >= other if q.answer == "True" else mine >= other + 1

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

    def allows(self, i: int, q: Question, near_ok: bool = False) -> bool:
        if (q.fact_id, q.kind) in self.kinds or self.sources[q.source.start] >= PER_SENTENCE:
            return False
        if self.repeats(i):
            return False
        if q.fact_kind == "list_item" and self.full_list(q):
            return False
        if q.kind == Kind.TRUE_FALSE:
            return True
        if self.answers[self.folded[i]] >= SAME_ANSWER or self.reverses(q):
            return False
        if (key := name_key(q.answer)) and (key[0], not key[1]) in self.names:
            return False  # "Lind" after "James Lind": one person asked twice
        if self.neighbours(q) and not near_ok:
            self.spared.append(i)  # the deck may still need it (``_fill_to_minimum``)
            return False
        return True

    def neighbours(self, q: Question) -> bool:
        """Does a kept question of an adjacent sentence say this answer in its stem, or ask
        one this stem says ("The piston was chained …" / "… pulled the ___ back up" →
        piston)? The two give each other away. A summary section's question is checked
        against every kept one: it restates the body ("Key points")."""
        mine = self.said_of.get(id(q))
        if mine is None:
            mine = self.said_of[id(q)] = _Said(q, self.count)
        summary = SUMMARY_RE.match(q.source.section.strip()) is not None
        block = q.source.start // NEAR_TEXT
        near = [e for b in (block - 1, block, block + 1) for e in self.nearby.get(b, [])]
        for other in self.everywhere if summary else near:
            close = summary or _adjacent(mine, other)
            if close and (says(other.stem, mine.answer) or says(mine.stem, other.answer)):
                return True
        return False

    def repeats(self, i: int) -> bool:
        """Does a kept question say the value question ``i`` asks, or ask a value it says,
        about a subject both stems name? Then one of them gives the other away."""
        mine = self.asked_of[i]
        return any(mine.overlaps(kept) for kept in self.asked.near(mine))

    def reverses(self, q: Question) -> bool:
        """Does a kept question ask this one's fact the other way round: its answer in this
        stem, and this answer in its stem?"""
        stem = folded(q.prompt)
        answer = folded(q.answer)
        for word in set(stem) & self.by_answer_word.keys():
            for form, kept_answer, kept_stem in self.by_answer_word[word]:
                if form == q.fact_kind:
                    continue  # two sentences that name both terms: two statements
                if _restates(stem, kept_answer) and _restates(kept_stem, answer):
                    return True
        return False

    def offer(self, i: int, q: Question) -> None:
        self.kept.append(q)
        self.by_kind[q.kind] += 1
        self.by_section[self.part(q)] += 1
        self.sources[q.source.start] += 1
        self.kinds.add((q.fact_id, q.kind))
        self.asked.add(self.asked_of[i])
        if q.fact_kind == "list_item":
            self.lists[(self.part(q), q.kind == Kind.TRUE_FALSE)] += 1
        if q.kind == Kind.TRUE_FALSE:
            self.truth[truth_key(q)] += 1
        else:
            self.answers[self.folded[i]] += 1
            if key := name_key(q.answer):
                self.names.add(key)
            said = self.said_of.get(id(q)) or _Said(q, self.count)
            self.nearby.setdefault(q.source.start // NEAR_TEXT, []).append(said)
            self.everywhere.append(said)
            answer = folded(q.answer)
            if answer:
                entry = (q.fact_kind, answer, folded(q.prompt))
                self.by_answer_word.setdefault(answer[0], []).append(entry)


NAME_WORDS = 4  # "Johann Sebastian Bach"; a longer run of capitals is a title


def name_key(answer: str) -> tuple[str, bool] | None:
    """A name's last word, folded, and whether the name has more words than that ("James
    Lind" → ("lind", True), "Lind" → ("lind", False)): the same name asked with and without
    its first words is one answer. None for an answer that is not a run of capitalised
    words. Two whole names sharing a last word ("Henry Purcell", "Daniel Purcell") are two."""
    parts = answer.split()
    if not parts or len(parts) > NAME_WORDS:
        return None
    if not all(p[:1].isupper() and p.replace("-", "").replace(".", "").isalpha() for p in parts):
        return None
    return squash(parts[-1]), len(parts) > 1


# Two sources this close (characters between one's end and the other's start) are
# adjacent sentences; kept questions are filed by blocks of this many characters.
NEAR_TEXT = 240
RECURRING = 5  # a lower-case answer said this often is the passage's subject, not its fact


class _Said:
    """A kept question's place, folded stem (blank left out) and folded answer."""

    def __init__(self, q: Question, count: Callable[[str], int] = lambda _: 1) -> None:
        self.section = q.source.section
        self.start, self.end = q.source.start, q.source.end
        self.prompt = q.prompt
        self.stem = folded(q.prompt.replace(CLOZE_BLANK, " "))
        self.sentence = q.fact_kind == "key_term"  # a term, a table row: another fact each
        if not self.sentence:
            self.stem, self.prompt = (), ""
        answer = folded(q.answer)
        # Only an answer of a content word gives itself away: not "the", "one" or "2". Only
        # sentences lifted as they stand: a definition's or a table row's term is the
        # subject of many sentences, each about another fact.
        content = any(not is_trivial_word(w) for w in answer)
        # A common term the article keeps saying ("glucose") is in many stems by necessity;
        # a name ("Boulton") or a term said a few times is given away by one.
        if count(q.answer) >= RECURRING and not q.answer[:1].isupper():
            content = False
        self.answer = answer if content and self.sentence else ()


def _adjacent(a: _Said, b: _Said) -> bool:
    """Are two sources of one section next to each other (or one inside the other)?"""
    gap = max(a.start, b.start) - min(a.end, b.end)
    return a.section == b.section and gap <= NEAR_TEXT


def _is_number(word: str) -> bool:
    """A folded word that is a number ("1952", "000" of "6,000"), not a name ("G11")."""
    return word[:1].isdigit()


def _first_number(value: Folded) -> str:
    return next((w for w in value if _is_number(w)), "")


def asked_values(q: Question) -> tuple[list[Folded], list[Folded]]:
    """The values ``q`` asks, folded: numbers and rare terms. A question's answer when it
    holds a number; for a true/false item, each number of its statement with the word
    after it ("6 000 m²" → ("000", "m²"); "2 to 5 days" → ("2", "to"), ("5", "day")); its
    answer when that is a rare term (the second list)."""
    if q.kind == Kind.TRUE_FALSE:
        words = folded(q.prompt)
        # A number that ends the statement has no unit to tell it apart: "have type 2."
        return [words[k : k + 2] for k, w in enumerate(words[:-1]) if _is_number(w)], []
    answer = folded(q.answer)
    if _QUANTITY_RE.match(q.answer):
        return [answer], []
    rare = all(zipf(w) < ASKED_ZIPF and not is_trivial_word(w) for w in answer)
    return [], [answer] if answer and rare else []


class _Asked:
    """What one question asks and says, folded, for ``_Picked.repeats``."""

    def __init__(self, q: Question) -> None:
        self.start = q.source.start
        self.numbers, self.terms = asked_values(q)
        self.stem = folded(q.prompt)
        self.text = self.stem if q.kind == Kind.TRUE_FALSE else self.stem + folded(q.answer)
        # "What is an acid-base indicator?": a short stem on a definition asks what its
        # term is; a long one quotes a definition that names other terms in passing.
        self.defining = q.fact_kind in DEFINING and q.kind != Kind.TRUE_FALSE
        quoted = _QUOTE_RE.findall(q.prompt)
        self.quote = folded(quoted[-1]) if quoted else ()
        self.asks_term = self.defining and len(self.stem) <= TERM_STEM

    def gives_number(self, value: Folded, asker: _Asked) -> bool:
        """Does this stem state ``value``, which ``asker`` asks, with a shared subject?"""
        return says(self.stem, value) and _shared_subject(self.stem, asker.stem, value)

    def overlaps(self, other: _Asked) -> bool:
        if len(self.quote) >= QUOTE_WORDS and self.quote == other.quote:
            return True  # one definition quoted twice: "GDP" as it (true), "cost" as it (false)
        return self._gives(other) or other._gives(self)

    def _gives(self, other: _Asked) -> bool:
        """Does ``other`` say a value this one asks, with a subject word both stems name?"""
        for value in self.numbers:
            if says(other.text, value) and _shared_subject(self.stem, other.stem, value):
                return True
        if not (self.defining and other.asks_term):
            return False
        return any(
            says(other.stem, t) and _shared_subject(self.stem, other.text, t) for t in self.terms
        )


def _shared_subject(stem: Folded, other: Folded, value: Folded) -> bool:
    """Do both stems name a rare word (of four letters or more: not a unit such as "mol")
    other than the value's own words?"""
    common = (set(stem) & set(other)) - set(value)
    return any(
        w.isalpha() and len(w) > 3 and zipf(w) < SUBJECT_ZIPF and not is_trivial_word(w)
        for w in common
    )


def restated_numbers(questions: list[Question], asked: list[_Asked]) -> list[int]:
    """The questions (not true/false) asking a number that another question's stem, on a
    term from another sentence, states about a subject both stems name (``asked``: each
    question's ``_Asked``)."""
    said: dict[str, list[_Asked]] = {}
    for q, entry in zip(questions, asked, strict=True):
        if q.kind != Kind.TRUE_FALSE and not _QUANTITY_RE.match(q.answer):
            for word in set(entry.stem):
                if _is_number(word):
                    said.setdefault(word, []).append(entry)
    out = []
    for i, q in enumerate(questions):
        mine = asked[i]
        if q.kind == Kind.TRUE_FALSE or not mine.numbers:
            continue
        value = mine.numbers[0]
        others = said.get(_first_number(value), [])
        if len(others) > 2 * NEAR_CAP:
            continue  # a number this many stems say is a common value, not one fact's
        if any(o.start != q.source.start and o.gives_number(value, mine) for o in others):
            out.append(i)
    return out


class _AskedIndex:
    """The kept questions' ``_Asked``, looked up by what could make them overlap a new one:
    a number with the word after it (or alone, when it ends the value), a term's first
    word, or a quoted definition. Near linear in the deck: a 2 MB article keeps a thousand
    questions, and many of them say "2"."""

    def __init__(self) -> None:
        self.by_word: dict[tuple[str, Folded], list[_Asked]] = {}
        self.quotes: dict[Folded, list[_Asked]] = {}
        # Each candidate's keys, by ``id``: it is looked up again after every question kept.
        self.probes: dict[int, list[tuple[str, Folded]]] = {}

    def _put(self, key: tuple[str, Folded], entry: _Asked) -> None:
        self.by_word.setdefault(key, []).append(entry)

    def add(self, entry: _Asked) -> None:
        for key in _number_keys(entry.text):
            self._put(("says", key), entry)
        for value in entry.numbers:
            self._put(("asks", _value_key(value)), entry)
        if entry.asks_term:
            for word in set(entry.stem):
                self._put(("names", (word,)), entry)
        if entry.defining:
            for term in entry.terms:
                self._put(("answers", term[:1]), entry)
        self.quotes.setdefault(entry.quote, []).append(entry)

    def _keys(self, mine: _Asked) -> list[tuple[str, Folded]]:
        keys = [("says", _value_key(value)) for value in mine.numbers]
        keys += [("asks", key) for key in _number_keys(mine.text)]
        if mine.defining:
            keys += [("names", term[:1]) for term in mine.terms]
        if mine.asks_term:
            keys += [("answers", (w,)) for w in set(mine.stem)]
        return keys

    def near(self, mine: _Asked) -> list[_Asked]:
        keys = self.probes.get(id(mine))
        if keys is None:
            keys = self.probes[id(mine)] = self._keys(mine)
        lists = [self.by_word.get(key, []) for key in keys]
        # A value more than NEAR_CAP kept stems say is a common one ("2 days" on a long
        # page), not one fact's: looking through them all would make the ranking quadratic.
        found = [e for entries in lists if len(entries) <= NEAR_CAP for e in entries]
        if len(mine.quote) >= QUOTE_WORDS:
            found += self.quotes.get(mine.quote, [])
        return list({id(e): e for e in found}.values())


def _value_key(value: Folded) -> Folded:
    """A value's first number with the word after it, or alone when it ends the value."""
    k = next((k for k, w in enumerate(value) if _is_number(w)), 0)
    return value[k : k + 2]


def _number_keys(text: Folded) -> set[Folded]:
    """Every number of ``text`` alone and with the word after it: the keys a value it says
    is found by (``_value_key``)."""
    keys = set()
    for k, word in enumerate(text):
        if _is_number(word):
            keys.add(text[k : k + 1])
            keys.add(text[k : k + 2])
    return keys

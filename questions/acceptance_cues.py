"""Acceptance rules from blind audit 1 (``briefs/audit1-default.md``): cues that give an answer
away, and answers a learner cannot be expected to match.

- ``label_leak``: a section label glued before a stem ("Hypocalcemia: ___ play …") holds the
  answer's root ("calcium"), so the label answers the question; or, in a multiple choice,
  the label's root is in the key alone ("Chloride: … lead to ___" → "hypochloremia");
- ``option_cue``: the key is the only option sharing a content word with the stem;
- ``generic_phrase``: a blank of several everyday words with a plural head ("nerve signals")
  that synonyms ("nerve impulses", "messages") fill as well, unless the article defines it;
- ``cognate_leak``: a gloss whose two names share a word stem ("Hansetag", "Hanseatic Diet"),
  so either gives the other away;
- ``open_answer``: a flashcard keyed to a partial list (the passing examples after
  "including" or "like", a list "… or other …") or to a long series where an open question
  ("what does X involve?") needs a short, complete definition.

Each is a pure function of the candidate and the article's ``Lexicon`` (``questions.acceptance``
runs them with its own rules); no rule knows any article's words.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lemminflect import getAllLemmas

from questions.gates import GENERIC_STEMS, TEMPLATE_STEMS
from questions.model import Kind, Question
from questions.rarity import is_trivial_word, zipf
from questions.textutil import content_stems, content_words, find_phrase, squash, words

if TYPE_CHECKING:
    from questions.acceptance import Lexicon

CUE_REASONS = {
    "label_leak": "the section label glued before the stem holds the answer's root",
    "option_cue": "the key stands out: the only option sharing a word with the stem, or a range",
    "generic_phrase": "the blank is a phrase of everyday words that synonyms fill as well",
    "open_answer": "the keyed answer is a partial list or a long series, not a definition",
    "cognate_leak": "a gloss's key shares the word stem of the name the stem asks about",
}
FRAME_RE = re.compile(r"([^:{}“”]{1,60}): (?=[A-Z{_])")
EVERYDAY_ZIPF = 4.0  # "nerve" 4.2, "signals" 4.3; "spinal" 3.9, "calcium" 3.8, "myelin" 2.5
# What introduces examples, so that the words after it are some of the items, not all.
EXAMPLE_LEAD = re.compile(
    r"\b(?:including|such as|e\.g\.|for example|especially|(?<!look )(?<!looks )like)\W*$", re.I
)
OPEN_RE = re.compile(r"\b(?:other|others|etc|and so on)\b", re.I)
# Flashcards of these facts ask an open question ("what does X involve?").
OPEN_KINDS = frozenset(["list_item", "trigger", "trigger_item", "effect"])
SERIES_WORDS = 8


def _label(prompt: str) -> str:
    """The "Entity: " label before a stem's sentence (inside its quotation, if quoted)."""
    body = prompt.split("“", 1)[1] if "“" in prompt else prompt
    frame = FRAME_RE.match(body)
    return frame.group(1) if frame and len(frame.group(1).split()) <= 6 else ""


def _root(word: str) -> str:
    """The start of a word that its derived forms keep ("calcium" → "calc" in "hypocalcemia")."""
    w = word.casefold()
    w = w[:-1] if w.endswith("s") and len(w) > 4 else w
    return w[: max(4, len(w) - 3)]


def label_leak(q: Question, lex: Lexicon) -> list[str]:
    if q.kind == Kind.TRUE_FALSE:
        return []
    label = [w.casefold() for w in words(_label(q.prompt))]
    roots = {_root(w) for w in content_words(q.answer) if len(w) >= 5 and not is_trivial_word(w)}
    if any(r in w for r in roots for w in label):
        return ["label_leak"]
    if q.kind != Kind.MULTIPLE_CHOICE:
        return []
    # "Chloride: … can lead to ___" with "hypochloremia" the one option of the label's root.
    marks = {_root(w) for w in label if len(w) >= 5 and not is_trivial_word(w)}
    wrong = [o.casefold() for i, o in enumerate(q.options) if i != q.correct]
    cued = [m for m in marks if m in q.answer.casefold() and not any(m in o for o in wrong)]
    return ["label_leak"] if cued else []


def _cue_stems(text: str) -> frozenset[str]:
    return content_stems(text) - TEMPLATE_STEMS - GENERIC_STEMS


# A range of two numbers: "18 to 22 percent", "95–100 °C".
RANGE_RE = re.compile(r"\d[\d,.]*\s*(?:[a-z]+\s*)?(?:to|–|-)\s*\d")  # "6 months – 3 years"


def option_cue(q: Question, lex: Lexicon) -> list[str]:
    if q.kind != Kind.MULTIPLE_CHOICE:
        return []
    ranges = [bool(RANGE_RE.search(o)) for o in q.options]
    if len(ranges) > 2 and q.correct is not None and ranges.count(ranges[q.correct]) == 1:
        return ["option_cue"]  # the key alone is a range, or alone a single value
    stem = _cue_stems(q.prompt)
    wrong = [o for i, o in enumerate(q.options) if i != q.correct]
    key_cued = bool(_cue_stems(q.answer) & stem)
    return ["option_cue"] if key_cued and not any(_cue_stems(o) & stem for o in wrong) else []


def generic_phrase(q: Question, lex: Lexicon) -> list[str]:
    if q.kind != Kind.CLOZE or any(c.isnumeric() for c in q.answer):
        return []
    tokens = words(q.answer)
    if len(tokens) < 2 or squash(q.answer) in lex.defined:
        return []
    # A plural head names a class of things, which other words name as well ("nerve signals",
    # "impulses"); a singular everyday compound is often a term ("foot drop").
    head = tokens[-1].casefold()
    plural = head not in getAllLemmas(head).get("NOUN", (head,))
    return ["generic_phrase"] if plural and all(zipf(t) >= EVERYDAY_ZIPF for t in tokens) else []


def open_answer(q: Question, lex: Lexicon) -> list[str]:
    if q.kind != Kind.FLASHCARD:
        return []
    sentence = q.source.sentence
    at = find_phrase(sentence, q.answer)
    if at > 0 and EXAMPLE_LEAD.search(sentence[:at]):
        return ["open_answer"]  # the passing examples, keyed as if they were all
    if q.fact_kind not in OPEN_KINDS:
        return []
    series = "," in q.answer or len(words(q.answer)) > SERIES_WORDS
    return ["open_answer"] if series or OPEN_RE.search(q.answer) else []


COGNATE_PREFIX = 5  # "Hanse-tag" / "Hanse-atic"; "trans-port" / "trans-cription" is too short


def _cognates(a: str, b: str) -> bool:
    """Do two words share a start of five letters or more that is most of the shorter one?"""
    a, b = a.casefold(), b.casefold()
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n >= COGNATE_PREFIX and n * 5 >= min(len(a), len(b)) * 3


def cognate_leak(q: Question, lex: Lexicon) -> list[str]:
    """ "What is the Hansetag?" → "Hanseatic Diet": a gloss whose two names share a word stem
    (a translation) gives itself away in any form ("The Hansetag is the Hanseatic Diet.")."""
    if q.fact_kind != "gloss" or q.kind == Kind.CLOZE:
        return []
    shown = q.prompt if q.kind == Kind.TRUE_FALSE else f"{q.prompt} {q.answer}"
    found = sorted({w.casefold() for w in words(shown) if len(w) >= COGNATE_PREFIX})
    pairs = ((a, b) for i, a in enumerate(found) for b in found[i + 1 :])
    return ["cognate_leak"] if any(_cognates(a, b) for a, b in pairs) else []


CUE_RULES = (label_leak, option_cue, generic_phrase, open_answer, cognate_leak)

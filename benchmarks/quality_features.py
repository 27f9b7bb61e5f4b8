"""Surface features of a question, and a model of how likely a reviewer is to accept it.

An experiment kept for the next attempt, not part of the generator. Every blind audit
(``docs/quality-audits.md``) graded each question of a generated deck as acceptable or not;
``audit_labels.py`` joins those gradings with the questions the audited generator made, and
``train_quality.py`` fits a logistic regression on the features below (properties of English
and of the page's own counts, never a word of one article), as Heilman and Smith (2010)
ranked their questions. Measured in ``docs/quality-audits.md`` ("A learnt acceptance
model"): it separates acceptable from unacceptable questions too weakly (area under the ROC
curve 0.62 on rounds it did not see) to trim a deck; richer features are the way on.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

from questions.facts_keyterms import Vocabulary
from questions.model import CLOZE_BLANK, Kind, Question
from questions.rarity import zipf
from questions.textutil import PRONOUNS, content_words, stem, words

MODEL_PATH = Path(__file__).with_name("quality_model.json")
FACT_KINDS = ("key_term", "definition", "table_cell", "qa", "gloss", "abbreviation", "list_item")
RARE = 3.5  # a content word at or below this Zipf frequency names something specific
THRESHOLD = 0.45  # the share a trim below this keeps is what train_quality.py reports
_POINTING = PRONOUNS | {"there", "here", "then", "both", "former", "latter"}
_DEFINITE_OPEN_RE = re.compile(r"^(?:The|This|These|Those|Such|Its|Their)\s+[a-z]")
_LEADS = {
    "what_is": re.compile(r"^What (?:is|are|was|were) "),
    "which_term": re.compile(r"^Which (?:term|word|name)"),
    "stand_for": re.compile(r"stand for\?$"),
    "according": re.compile(r"^(?:According to|In the article)"),
    "completes": re.compile(r"^Which \w+ completes"),
    "who": re.compile(r"^Who\b"),
    "when": re.compile(r"^(?:When|In what year|In which year)\b"),
    "how_many": re.compile(r"^How (?:many|much|long|far|old)\b"),
    "what_does": re.compile(r"^What (?:does|do|did) "),
}


def features(q: Question, vocab: Vocabulary) -> dict[str, float]:
    """The question's surface, as numbers a linear model can weigh."""
    out: dict[str, float] = {"bias": 1.0, f"kind_{q.kind.value}": 1.0}
    fk = q.fact_kind if q.fact_kind in FACT_KINDS else "other"
    out[f"fact_{fk}"] = 1.0
    out.update(_stem_features(q))
    out.update(_answer_features(q, vocab))
    out.update(_lead_features(q.prompt))
    if q.kind == Kind.MULTIPLE_CHOICE:
        out.update(_option_features(q))
    if q.kind == Kind.TRUE_FALSE:
        out["tf_false"] = float(q.answer == "False")
    return out


def _stem_features(q: Question) -> dict[str, float]:
    stem_text = q.prompt.replace(CLOZE_BLANK, " ")
    tokens = words(stem_text)
    folded = [t.casefold() for t in tokens]
    pointing = sum(1 for t in folded if t in _POINTING)
    rare = sum(1 for w in content_words(stem_text) if zipf(w) <= RARE)
    out = {
        "stem_words": math.log1p(len(tokens)) / 4,
        "stem_rare": math.log1p(rare) / 2,
        "pointing": min(pointing, 3) / 3,
        "pointing_first": float(bool(folded) and folded[0] in _POINTING),
        "definite_open": float(bool(_DEFINITE_OPEN_RE.match(q.prompt))),
        "stem_digit": float(any(c.isdigit() for c in stem_text)),
        "faq_section": float(q.source.section.rstrip().endswith("?")),
        "sentence_words": math.log1p(len(words(q.source.sentence))) / 4,
        "stem_names": min(3, sum(1 for t in tokens[1:] if t[:1].isupper())) / 3,
        "early": float(q.source.start < 1500),
        "stem_quote": float("“" in q.prompt or '"' in q.prompt),
    }
    if q.kind == Kind.CLOZE:
        at = q.prompt.find(CLOZE_BLANK)
        before = len(words(q.prompt[:at]))
        out["blank_first"] = float(before == 0)
        out["blank_last"] = float(not words(q.prompt[at + len(CLOZE_BLANK) :]))
        out.update(_blank_context(q.prompt[:at], q.prompt[at + len(CLOZE_BLANK) :]))
    return out


_DETERMINERS = frozenset(["the", "a", "an", "its", "their", "his", "her", "this", "these", "those"])
_PREPOSITIONS = frozenset(
    ["of", "in", "on", "at", "by", "for", "from", "with", "to", "into", "about", "than", "as"]
)


def _blank_context(before: str, after: str) -> dict[str, float]:
    """What the words either side of a blank say about how open the slot is."""
    prev = [w.casefold() for w in words(before)[-1:]]
    nxt = [w.casefold() for w in words(after)[:1]]
    return {
        "blank_after_det": float(bool(prev) and prev[0] in _DETERMINERS),
        "blank_after_prep": float(bool(prev) and prev[0] in _PREPOSITIONS),
        "blank_before_prep": float(bool(nxt) and nxt[0] in _PREPOSITIONS),
        "blank_before_verb": float(bool(nxt) and nxt[0] in _VERB_CUES),
        "blank_paren": float(after.lstrip().startswith("(") or before.rstrip().endswith("(")),
    }


_VERB_CUES = frozenset(
    ["is", "are", "was", "were", "has", "have", "had", "can", "may", "will", "causes", "cause"]
)


def _answer_features(q: Question, vocab: Vocabulary) -> dict[str, float]:
    if q.kind == Kind.TRUE_FALSE:
        return {}
    answer = q.answer
    tokens = words(answer)
    content = content_words(answer) or tokens
    freqs = [zipf(w) for w in content if not w[:1].isdigit()] or [0.0]
    stems = {stem(w) for w in content}
    stem_words = {stem(w) for w in content_words(q.prompt)}
    return {
        "ans_words": min(len(tokens), 6) / 6,
        "ans_digit": float(any(c.isdigit() for c in answer)),
        "ans_proper": float(any(w[:1].isupper() for w in tokens[1:])),
        "ans_acronym": float(any(len(w) > 1 and w.isupper() for w in tokens)),
        "ans_min_zipf": min(freqs) / 8,
        "ans_max_zipf": max(freqs) / 8,
        "ans_count": math.log1p(vocab.count(answer)) / 3,
        "ans_in_title": float(bool({w.casefold() for w in content} & vocab.title)),
        "ans_in_heading": float(bool({w.casefold() for w in content} & vocab.headings)),
        "ans_list": float("," in answer or " and " in answer),
        "ans_stem_shared": float(bool(stems & stem_words)),
        "ans_head_zipf": (zipf(content[-1]) if content and not content[-1][:1].isdigit() else 0)
        / 8,
        "ans_the": float(answer.casefold().startswith(("the ", "a ", "an "))),
        "ans_long": float(len(tokens) > 4),
    }


def _lead_features(prompt: str) -> dict[str, float]:
    return {f"lead_{name}": 1.0 for name, rx in _LEADS.items() if rx.search(prompt)}


def _option_features(q: Question) -> dict[str, float]:
    lengths = [len(o) for o in q.options] or [1]
    return {
        "mc_options": len(q.options) / 4,
        "mc_spread": math.log(max(lengths) / max(1, min(lengths))) / 2,
        "mc_numeric": float(all(any(c.isdigit() for c in o) for o in q.options)),
        "mc_longest": float(len(q.answer) == max(lengths)),
    }


@lru_cache(maxsize=1)
def weights() -> dict[str, float]:
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    return {str(k): float(v) for k, v in data["weights"].items()}


def probability(q: Question, vocab: Vocabulary) -> float:
    """The model's estimate that a blind reviewer accepts ``q`` (0 to 1)."""
    w = weights()
    z = sum(w.get(name, 0.0) * value for name, value in features(q, vocab).items())
    return 1.0 / (1.0 + math.exp(-z))

"""How common a word is, and so whether blanking or asking it tests anything: the one definition
of a *trivial* answer that the generator avoids and ``benchmarks/bench_quality.py`` counts.

A word is trivial if it is a function word, a category noun ("disease", "type"), a vague
filler noun or adjective of any prose ("people", "method", "value", "factors", "first"), or
very common in English at large
(``wordfreq`` Zipf frequency ≥ ``COMMON_ZIPF``: "first" 6.1, "people" 6.4; "calcium" 3.8).
A phrase is trivial only if every word of it is; a number is never trivial, nor is a
quantity written in words ("about half", ``questions.quantities``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from wordfreq import zipf_frequency

from questions.quantities import is_quantity
from questions.textutil import GENERIC, STOPWORDS

COMMON_ZIPF = 5.5
# A rare-enough word scores below this: worth a blank on its own.
RARE_ZIPF = 4.6

# Vague words of any expository prose: each can stand in almost any sentence, so a blank
# or an option made of one tests reading, not knowledge. Chosen from the rubric's examples
# and their kin, never from one article.
_FILLER_WORDS = """
    people person persons individual individuals patient patients someone anyone everyone
    method methods value values factor factors first second third last next new old
    thing things way ways type types kind kinds sort part parts form forms number numbers
    amount amounts level levels case cases example examples instance aspect aspects
    area areas group groups result results process processes issue issues problem problems
    approach approaches option options step steps role roles term terms use uses
    lot lots range ranges variety set sets place places time times period periods
    important crucial essential vital key main major minor common different similar
    various several certain particular specific general overall possible potential
    good better best bad great large small high low long short many more most other
    such same each every whole entire full half total
    cause causes reason reasons effect effects treatment treatments symptom symptoms
    sign signs provider providers doctor doctors body health care risk risks test tests
    study studies research researchers information
"""
FILLER = frozenset(_FILLER_WORDS.split())

_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d[\d.,]*")


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """Zipf frequency of ``word`` in English (0 for unknown words, about 7.7 for "the")."""
    return zipf_frequency(word.casefold(), "en")


@lru_cache(maxsize=65536)
def is_trivial_word(word: str) -> bool:
    folded = word.casefold().replace("’", "'")
    if folded[:1].isdigit():
        return False
    listed = folded in STOPWORDS or folded in FILLER or folded in GENERIC
    return listed or zipf(folded) >= COMMON_ZIPF


def is_trivial(answer: str) -> bool:
    """True if no word of ``answer`` is worth asking (function words, filler, very common)."""
    tokens = _WORD_RE.findall(answer)
    return all(is_trivial_word(t) for t in tokens) and not is_quantity(answer)

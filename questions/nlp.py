"""Part-of-speech tags and noun phrases of a sentence: the generator's linguistic analysis.

Tags come from the Brill-style tagger whose lexicon ships inside TextBlob
(``textblob.en.parse``, Penn Treebank tags, offline; see ``docs/generator.md`` for its measured
accuracy and why it was chosen). Tokens are ours (offsets into the sentence, numbers with
their decimals and units kept whole); the tagger only labels them, and three corrections fix
what it gets wrong most often on expository prose: a token with a digit is a number (CD), a
noun after a modal that is also a verb is that verb ("can cause/NN" → VB), and "n't" is an
adverb. Noun phrases are found over the corrected tags, not by the tagger's own chunker.

Results are cached per sentence, and only sentences a fact is made from are tagged.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from functools import lru_cache

from lemminflect import getAllLemmas, getInflection, getLemma
from textblob.en import parse

TOKEN_RE = re.compile(
    r"[$£€]?\d+(?:[.,]\d+)*(?:[–-]\d+(?:[.,]\d+)*)?(?:\s?%|°[CF]?)?(?![A-Za-z])"  # 85%, 2–5, 130°F
    r"|[¼½¾⅓⅔]"  # a vulgar fraction
    r"|[A-Za-z]+(?:/[A-Za-z]+)+"  # units such as mg/dL
    r"|[A-Z][a-z]+(?:–[A-Z][a-z]+)+"  # names joined by en dashes: Charcot–Marie–Tooth
    r"|n['’]t"  # the negation of "don't"
    r"|[A-Za-z](?:[A-Za-z'’\-]*[A-Za-z])?(?=n['’]t)"  # "do" of "don't"
    r"|[^\W_](?:(?:[^\W_]|['’\-])*[^\W_])?"  # words (also Ørsted), names such as PMP22
    r"|\S"
)
NOUN_TAGS = frozenset(["NN", "NNS", "NNP", "NNPS"])
MODIFIER_TAGS = frozenset(["JJ", "JJR", "JJS", "VBN", "CD", "HYPH", *NOUN_TAGS])
# A noun right after these is a verb the tagger missed: "can cause", "that control".
AFTER_VERB_SLOT = frozenset(["MD", "TO", "WDT", "WP", "PRP"])
FINITE_VERB = frozenset(["VBZ", "VBP", "VBD", "MD"])
VERB_TAGS = frozenset(["VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD"])
# Participles that name what follows them: "an enzyme called X" is the enzyme and its name.
NAMING_VERBS = frozenset(["called", "termed", "named", "dubbed", "nicknamed", "designated"])


@dataclass(frozen=True)
class Token:
    text: str
    tag: str  # Penn Treebank tag
    start: int  # offsets into the analysed sentence
    end: int


@dataclass(frozen=True)
class Phrase:
    """A noun phrase without its determiner: ``tokens[first:last]`` of its sentence."""

    text: str
    start: int
    end: int
    head: str  # the last noun (or the number of a bare number)
    tags: tuple[str, ...]

    @property
    def is_number(self) -> bool:
        return self.tags[0] == "CD"


def tokenize(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]


@lru_cache(maxsize=1)
def _loaded() -> bool:
    """Load the tagger's lexicon and rules once. TextBlob reads them with files it never
    closes; they are freed as soon as read, and the ResourceWarning that would say so is
    silenced here (only here), since there is nothing to fix on our side."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        parse("Warm up .", tags=True, chunks=False, relations=False, lemmata=False, tokenize=False)
    return True


@lru_cache(maxsize=65536)
def tag(text: str) -> tuple[Token, ...]:
    """A sentence's tokens with corrected Penn Treebank tags (its first clause has a verb)."""
    return tuple(_main_verb(list(tag_phrase(text))))


@lru_cache(maxsize=65536)
def tag_phrase(text: str) -> tuple[Token, ...]:
    """A phrase's tokens with corrected tags, not assumed to be a clause."""
    spans = tokenize(text)
    if not spans:
        return ()
    _loaded()
    joined = " ".join(t.replace("/", "&slash;").replace(" ", "") for t, _, _ in spans)
    tagged = parse(joined, tags=True, chunks=False, relations=False, lemmata=False, tokenize=False)
    pairs = [item.rsplit("/", 1) for item in tagged.split(" ")]
    tags = [p[1] if len(p) == 2 else "NN" for p in pairs]
    if len(tags) != len(spans):  # never expected; a safe fallback keeps the analysis total
        tags = (tags + ["NN"] * len(spans))[: len(spans)]
    return tuple(_corrected(spans, tags))


def _corrected(spans: list[tuple[str, int, int]], tags: list[str]) -> list[Token]:
    out: list[Token] = []
    for i, (word, start, end) in enumerate(spans):
        tg = tags[i]
        if word[0].isdigit() or word in "¼½¾⅓⅔" or word[0] in "$£€":
            tg = "CD"
        elif word.casefold() in ("n't", "n’t"):
            tg = "RB"
        elif tg in NOUN_TAGS and i and can_be_verb(word):
            tg = _verb_after(spans[i - 1][0], tags[i - 1], word, tg) or tg
        elif tg in NOUN_TAGS and i and tags[i - 1] == "PRP" and _unknown(word):
            tg = _unknown_verb(word) or tg  # "it recrystallises": a verb the lexicon lacks
        elif tg == "JJ" and _hyphenated_head(spans, tags, i):
            tg = "NN"  # "a somma-stratovolcano on …": an unknown compound heads its phrase
        elif word == "-":
            tg = "HYPH"
        elif not any(c.isalnum() for c in word):
            tg = word  # punctuation tags as itself, as in the Penn Treebank
        out.append(Token(word, tg, start, end))
    return out


_AFTER_HEAD = frozenset(["IN", ",", ".", ":", ";", "CC", "WDT"])


def _hyphenated_head(spans: list[tuple[str, int, int]], tags: list[str], i: int) -> bool:
    """A hyphenated word read as an adjective between a determiner and what ends a noun
    phrase (a preposition, a comma, "and", "that"): nothing follows it for it to describe."""
    if "-" not in spans[i][0] or not i or tags[i - 1] != "DT":
        return False
    return i + 1 == len(spans) or tags[i + 1] in _AFTER_HEAD


def _verb_after(prev: str, prev_tag: str, word: str, tag: str) -> str:
    """The verb tag of a noun-tagged word in a verb slot, or "" if it is not in one."""
    if prev.casefold() in RELATIVE or prev_tag == "PRP":
        return "VBZ" if word.casefold().endswith("s") else "VBP"
    # After "can"/"to" only a base form is a verb: "lead to deposits/NNS of calcium" is a noun.
    return "VB" if prev_tag in AFTER_VERB_SLOT and tag != "NNS" else ""


CLAUSE_END = frozenset([",", ";", ":", ".", "!", "?"])


def _main_verb(tokens: list[Token]) -> list[Token]:
    """A first clause without a verb has one the tagger read as a noun: "Most adults need/NN
    seven hours", "Caffeine blocks/NNS adenosine". The first such word after a noun is it."""
    end = next((i for i, t in enumerate(tokens) if t.tag in CLAUSE_END), len(tokens))
    if any(t.tag in FINITE_VERB for t in tokens[:end]):
        return tokens
    opens = len(tokens) > 1 and tokens[0].tag in NOUN_TAGS and tokens[1].tag in ("DT", "PRP$")
    if opens and can_be_verb(tokens[0].text):
        return _retagged(tokens, 0, "VB")  # an instruction: "Vacuum the floor …"
    for i in range(1, end):
        if tokens[i].tag == "VB" and tokens[i - 1].tag in NOUN_TAGS:
            return _retagged(tokens, i, "VBP")  # "Muscle cramps arise/VB from …"
    for i in range(1, end):
        word, prev = tokens[i], tokens[i - 1]
        if word.tag in NOUN_TAGS and prev.tag in NOUN_TAGS and can_be_verb(word.text):
            return _retagged(tokens, i, "VBZ" if word.text.casefold().endswith("s") else "VBP")
    return tokens


def _retagged(tokens: list[Token], i: int, new: str) -> list[Token]:
    word = tokens[i]
    return [*tokens[:i], Token(word.text, new, word.start, word.end), *tokens[i + 1 :]]


def _unknown(word: str) -> bool:
    return word.islower() and not getAllLemmas(word)


def _unknown_verb(word: str) -> str:
    """A lower-case word no lexicon knows, right after a subject pronoun: its ending says
    which verb form it is ("recrystallises" VBZ, "sublimed" VBD), else nothing."""
    if word.endswith("ed"):
        return "VBD"
    return "VBZ" if word.endswith("s") and not word.endswith("ss") else ""


@lru_cache(maxsize=16384)
def can_be_verb(word: str) -> bool:
    return "VERB" in getAllLemmas(word.casefold())


def noun_phrases(text: str) -> list[Phrase]:
    """Maximal runs of modifiers ending in a noun, or a number with the noun it counts."""
    tokens = tag(text)
    phrases: list[Phrase] = []
    i = 0
    while i < len(tokens):
        if tokens[i].tag not in MODIFIER_TAGS or tokens[i].tag == "HYPH" or _names(tokens[i]):
            i += 1
            continue
        j = i
        while j < len(tokens) and tokens[j].tag in MODIFIER_TAGS:
            if _names(tokens[j]) or _verb_after_noun(tokens, j):
                break  # "an enzyme called X": two phrases; "work influenced Ampère": a verb
            j += 1
        last = j
        while last > i and tokens[last - 1].tag not in NOUN_TAGS | {"CD"}:
            last -= 1  # a phrase ends in its noun (or a bare number)
        if last > i:
            phrases.append(_phrase(text, tokens[i:last]))
        i = max(j, i + 1)
    return phrases


def _verb_after_noun(tokens: tuple[Token, ...], j: int) -> bool:
    """A participle right after a noun is that noun's verb, not a modifier of the next."""
    return j > 0 and tokens[j].tag == "VBN" and tokens[j - 1].tag in NOUN_TAGS


def _names(token: Token) -> bool:
    return token.tag == "VBN" and token.text.casefold() in NAMING_VERBS


def _phrase(text: str, run: tuple[Token, ...]) -> Phrase:
    head = next((t.text for t in reversed(run) if t.tag in NOUN_TAGS), run[-1].text)
    return Phrase(
        text[run[0].start : run[-1].end], run[0].start, run[-1].end, head, tuple(t.tag for t in run)
    )


@lru_cache(maxsize=16384)
def singular(word: str) -> str:
    """The singular of a plural noun ("lice" → "louse"), else the word itself."""
    lemma = getLemma(word, upos="NOUN")
    return lemma[0] if lemma and lemma[0] else word


@lru_cache(maxsize=16384)
def plural(word: str) -> str:
    forms = getInflection(word, tag="NNS")
    return forms[0] if forms else word


def variants(phrase: str) -> tuple[str, ...]:
    """The phrase with its last word made singular and plural (for typed answers)."""
    parts = phrase.rsplit(" ", 1)
    last = parts[-1]
    if not last.isalpha():
        return ()
    out = []
    for form in (singular(last), plural(singular(last))):
        if form != last and form.isalpha():
            out.append(" ".join([*parts[:-1], form]))
    return tuple(dict.fromkeys(out))


NP_START = frozenset(["DT", "PRP$", "JJ", "JJR", "JJS", "CD", "VBN", *NOUN_TAGS])
NP_INSIDE = NP_START | {"IN", "TO", "CC", "HYPH", "POS", "VBG", ","}
NOT_NP_FIRST = frozenset(["but", "and", "or", "not", "also", "such", "like", "e.g", "i.e", "see"])


def is_noun_phrase(text: str) -> bool:
    """Does the tagger read ``text`` as one noun phrase ("lower legs", "lack of iron")?

    Templates that put a phrase where a noun phrase belongs ("Which term does the article use
    for …?") ask this first: a clause ("used to treat …", "but not dialysis") makes no stem.
    """
    tokens = tag_phrase(text)
    if not tokens or tokens[0].tag not in NP_START or tokens[-1].tag not in NOUN_TAGS | {"CD"}:
        return False
    if tokens[0].text.casefold() in NOT_NP_FIRST:
        return False
    return all(t.tag in NP_INSIDE for t in tokens)


def starts_noun_phrase(text: str) -> bool:
    """Does ``text`` begin with a noun phrase (an object), not a conjunction or adverb?"""
    tokens = tag_phrase(text)
    return (
        bool(tokens)
        and tokens[0].tag in NP_START
        and tokens[0].text.casefold() not in (NOT_NP_FIRST)
    )


def tag_of(text: str, word: str) -> str:
    """The tag of the first token ``word`` of ``text`` ("" if it is not a token of it)."""
    return next((t.tag for t in tag(text) if t.text == word), "")


RELATIVE = frozenset(["that", "which", "who"])


def which_stem(predicate: str) -> str | None:
    """ "a hormone that raises blood glucose levels" → "Which hormone raises blood glucose levels?"

    Only for a determiner, a noun phrase, a relative pronoun and a finite verb, in that order:
    then the question is grammatical because the article's own clause fits its own noun.
    """
    tokens = tag_phrase(predicate)
    if len(tokens) < 4 or tokens[0].tag != "DT" or tokens[0].text.casefold() not in DETERMINERS:
        return None
    i = 1
    while i < len(tokens) and tokens[i].tag in MODIFIER_TAGS:
        i += 1
    if i == 1 or tokens[i - 1].tag not in NOUN_TAGS or i + 1 >= len(tokens):
        return None
    if tokens[i].text.casefold() not in RELATIVE or tokens[i + 1].tag not in FINITE_VERB:
        return None
    noun = predicate[tokens[1].start : tokens[i - 1].end]
    clause = predicate[tokens[i + 1].start :].rstrip(" .;")
    return f"Which {noun} {clause}?"


DETERMINERS = frozenset(["a", "an", "the"])

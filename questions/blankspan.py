"""Is a candidate blank exactly one noun phrase that tests the sentence's fact, and does the
rest of the sentence keep from giving it away?

``questions.facts_keyterms`` finds a sentence's noun phrases and scores them; reviewers
(audits 8b and 9) failed blanks that passed those checks for five general reasons, each a
rule here, each applied to every article:

- **a verb swallowed**: "The ___ well for many …" (Arrhenius theory *works*), "when ___ from
  raw food" (harmful bacteria *spread*): the tagger read the clause's verb as a plural noun;
- **two phrases joined**: "In ___ showed …" (January 1953 *Wilkins*), "1980 two": a number
  and the name or number after it;
- **part of a name or a possessive**: "___ Qian" (Sima), "the ___ orbit" (comet's);
- **the answer in another form**: its formula or symbol in the bracket after it ("___ ions
  (OH-)"), the other half of a contrast pair in the same sentence ("an electron pair ___
  and … an electron pair donor"), or the category of what was just named ("chicken or
  other ___");
- **a common noun while the fact stays in the stem**: "Yang Zhifa is often named as the ___"
  (discoverer), "sealed ___ on the bottom shelf" (containers), "Drink plenty of ___" (fluids).
  A learner guesses such a word from the collocation; a name, a number, a rarer noun or a term
  the article repeats is what a sentence teaches.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from itertools import pairwise

from lemminflect import getAllLemmas

from questions.nlp import FINITE_VERB, NOUN_TAGS, VERB_TAGS, Token, tag
from questions.quantities import is_quantity
from questions.rarity import zipf

Count = Callable[[str], int]  # how often the article says a phrase

# After a plural-looking noun these make it a verb: "works well", "spread from", "returns about".
VERB_FOLLOWERS = frozenset(["RB", "IN", "TO", "DT", "RP"])
# Open a clause of their own (general English): a verb before them is another clause's.
SUBORDINATORS = frozenset(
    ("while", "whereas", "whilst", "although", "though", "because", "since", "unless", "if")
)
# Ends a clause: a verb of the blank's clause must come before one of these.
CLAUSE_BREAKS = frozenset([",", ";", ":", ".", "!", "?", "CC", "WDT", "WP"])
# A formula or symbol in a bracket: "(OH-)", "(H3O+)", "(Ka)", "(CO2)"; not a word "(Kogge)".
FORMULA_AFTER_RE = re.compile(
    r"^(?:\s+[a-z]+)?\s*\((?=[^)]*(?:[\d+\-−⁺⁻₀-₉]|[A-Z][a-z]?[A-Z]|^[A-Z][a-z]?\)))"
    r"[A-Z][A-Za-z0-9+\-−⁺⁻₀-₉]{0,7}\)"
)
# Contrast pairs of general English: either half in the stem gives the other away.
_CONTRASTS = (
    ("donors?", "acceptors?"),
    ("east(?:ern|wards?|erly)?", "west(?:ern|wards?|erly)?"),
    ("north(?:ern|wards?|erly)?", "south(?:ern|wards?|erly)?"),
    ("positive(?:ly)?", "negative(?:ly)?"),
    ("acids?|acidic", "bases?|basic|alkal(?:is?|ine)"),
    ("senders?", "receivers?|recipients?"),
    ("inputs?", "outputs?"),
    ("maximum|maxima", "minimum|minima"),
    ("upper", "lower"),
    ("inner", "outer"),
    ("imports?", "exports?"),
    ("increases?", "decreases?"),
)
ANY_CONTRAST = re.compile(
    r"\b(?:" + "|".join(f"{a}|{b}" for a, b in _CONTRASTS) + r")\b", re.IGNORECASE
)
CONTRASTS = tuple((re.compile(f"^(?:{a})$"), re.compile(f"^(?:{b})$")) for a, b in _CONTRASTS)
# A one-word common noun at least this frequent in English (Zipf) needs evidence to be a
# blank: "containers" 3.9, "fluids" 3.7, "poultry" 3.5; "chariots" 2.9 and "lacquer" 2.9 do not.
COMMON_NOUN_ZIPF = 3.0
# … and at least this frequent, it is never a blank unless the article repeats it.
ALONE_ZIPF = 3.5
# Beside a name even a rarer everyday noun ("discoverer" 2.7) is the weaker blank.
NAMED_NOUN_ZIPF = 2.5
# A frequent word ("fluids" 3.7) in an instruction is one of the article's terms only if it
# says it this often: advice repeats everyday words ("drink fluids", "wash hands"); elsewhere
# twice is enough ("excitation and relaxation" … "contraction and relaxation").
ADVICE_TERM_COUNT = 3
OTHER_BEFORE_RE = re.compile(r"\b(?:or|and) other\s+$", re.I)
# A name or rare noun the article says at most this often belongs to this sentence's fact;
# one it repeats ("France", "lice") is the article's setting or topic, not a rival answer.
OWN_COUNT = 2
# A symbol of mixed case ("Ka", "pKa", "Kw"): a unit of its own, never a word's modifier.
SYMBOL_RE = re.compile(r"^(?:[A-Z][a-z]{1,2}|[a-z][A-Z][a-z]?)$")
WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*")


Tokens = tuple[Token, ...]


# Every rule of ``flawed_span`` splits the sentence at the same span again.
@lru_cache(maxsize=65536)
def _tokens(text: str, span: tuple[int, int]) -> tuple[Tokens, Tokens, Tokens]:
    """The sentence's tokens before, inside and after the span."""
    tokens = tag(text)
    before = tuple(t for t in tokens if t.end <= span[0])
    inside = tuple(t for t in tokens if span[0] <= t.start and t.end <= span[1])
    after = tuple(t for t in tokens if t.start >= span[1])
    return before, inside, after


@lru_cache(maxsize=65536)  # the lemmatiser's lookup, for every word a rule asks about
def _can_be_verb(word: str) -> bool:
    return "VERB" in getAllLemmas(word.casefold())


def swallows_verb(text: str, span: tuple[int, int]) -> bool:
    """Does the span end in its clause's verb ("Arrhenius theory works | well", "harmful
    bacteria spread | from", "Observations show | that …", "while a neighbouring one floods
    | .")? Its last word can be a verb, an adverb, preposition, determiner, "that" or the
    sentence's end follows, and its clause has no finite verb outside the span."""
    before, inside, after = _tokens(text, span)
    ends = not after or after[0].text in (".", "!", "?")
    if len(inside) < 2 or not (ends or after[0].tag in VERB_FOLLOWERS):
        return False
    if any(t.tag == "CD" and t.text[:1].isdigit() for t in inside) or is_quantity(
        text[span[0] : span[1]]
    ):
        return False  # "420 parts per million", "a quarter of": a number's unit
    last = inside[-1]
    if last.tag not in NOUN_TAGS or not _can_be_verb(last.text) or last.text[:1].isupper():
        return False
    if after and after[0].text.casefold() == "that":
        # "Observations show that …": the sentence's subject and verb, not "by ___ that …"
        object_slot = bool(before) and before[-1].tag in ("IN", "TO", *VERB_TAGS)
        # "that the number …" opens a clause of its own; "that happen at night" is relative
        reported = len(after) > 1 and after[1].tag in ("DT", "PRP", "CD", "JJ", *NOUN_TAGS)
        return reported and not object_slot and not any(t.tag in FINITE_VERB for t in before)
    if ends:
        return _subordinate_subject(before)  # "… while a neighbouring one floods."
    return not _finite_after(after)


def _subordinate_subject(before: Tokens) -> bool:
    """Does a clause of its own ("while", "because" …) open right before the span, with no
    verb or preposition between: the span is that clause's subject and its verb?"""
    for token in reversed(before):
        if token.text.casefold() in SUBORDINATORS:
            return True
        if token.tag in (*FINITE_VERB, "IN", "TO") or token.tag in CLAUSE_BREAKS:
            return False  # "under the protection of winter snow": an object, not a clause
    return False


def _finite_after(after: Tokens) -> bool:
    """Does a finite verb follow the span before its clause ends?"""
    for token in after:
        if token.tag in CLAUSE_BREAKS or token.text in CLAUSE_BREAKS:
            return False
        if token.tag in FINITE_VERB:
            return True  # "muscle cramps at night are …": the noun's own verb follows
    return False


def opens_with_verb(text: str, span: tuple[int, int]) -> bool:
    """Does the span open with the sentence's verb after an adverb ("The rains then | advance
    northwards", "A positive IOD, …, generally | favours monsoon rainfall")? A subject came
    before, no finite verb yet, and none follows before the clause ends."""
    before, inside, after = _tokens(text, span)
    if not inside or not before or before[-1].tag != "RB":
        return False
    first = inside[0]
    if first.tag not in (*NOUN_TAGS, "VB", "VBP", "VBZ") or not _can_be_verb(first.text):
        return False
    subject = any(t.tag in NOUN_TAGS or t.tag == "PRP" for t in before)
    verb = any(t.tag in FINITE_VERB for t in before)
    return subject and not verb and not _finite_after(after)


def joins_phrases(text: str, span: tuple[int, int]) -> bool:
    """Does a number inside the span run into a following name or number ("January 1953
    Wilkins", "1980 two"), or a word into a symbol ("ethanoic acid Ka")? Those are two
    phrases: a date or a term and the subject after it."""
    _, inside, _ = _tokens(text, span)
    for token, nxt in pairwise(inside):
        apart = nxt.start > token.end  # "65mg" may be tokenised "6" + "5mg": one number
        number = apart and token.tag == "CD" and any(c.isdigit() for c in token.text)
        if number and (nxt.tag == "CD" or nxt.text[:1].isupper()):
            return True
        if token.text.islower() and SYMBOL_RE.match(nxt.text):
            return True  # "ethanoic acid Ka": a term and the symbol the clause is about
    return False


def part_of_name(text: str, span: tuple[int, int]) -> bool:
    """Is a capitalised span one word of a longer name ("___ Qian" of Sima Qian, "rebel
    general ___ Yu")? A capitalised word joined by a space on either side completes it."""
    answer = text[span[0] : span[1]]
    if not answer[:1].isupper():
        return False
    before, _, after = _tokens(text, span)
    near = []
    if before and before[-1].end == span[0] - 1:
        near.append(before[-1])
    if after and after[0].start == span[1] + 1:
        near.append(after[0])
    return any(t.tag in ("NNP", "NNPS") and t.text[:1].isupper() for t in near)


def is_possessive(answer: str) -> bool:
    """ "comet's", "browser's", "comets'": a possessive modifies the noun after it."""
    return re.search(r"(?:['’]s|s['’])$", answer) is not None


def formula_beside(text: str, span: tuple[int, int]) -> bool:
    """Is the span (or its phrase: "___ ions") followed by a bracketed formula or symbol,
    "(OH-)", "(H3O+)"? The symbol names the answer in another form."""
    return FORMULA_AFTER_RE.match(text[span[1] : span[1] + 40]) is not None


def contrast_given(text: str, span: tuple[int, int]) -> bool:
    """Does the rest of the sentence say the other half of a contrast pair of the answer
    ("an electron pair ___ and … donor" → acceptor; "moved ___, while … moved east")?"""
    if not ANY_CONTRAST.search(text[span[0] : span[1]]):
        return False  # the common case, decided with one search
    answer = {w.casefold() for w in WORD_RE.findall(text[span[0] : span[1]])}
    rest = {w.casefold() for w in WORD_RE.findall(text[: span[0]] + " " + text[span[1] :])}
    for one, other in CONTRASTS:
        for mine, theirs in ((one, other), (other, one)):
            if any(mine.match(w) for w in answer) and any(theirs.match(w) for w in rest):
                return True
    return False


def names_beside(text: str, span: tuple[int, int], count: Count) -> bool:
    """Does the stem keep a full name of this sentence's own ("Yang Zhifa", "Xiang Yu"):
    two or more capitalised words mid-sentence that stand as a phrase of their own (not
    "the Calvin cycle", a name that modifies a noun) and that the article does not keep
    repeating?"""
    before, _, after = _tokens(text, span)
    for side in (before, after):
        run: list[Token] = []
        for token in [*side, Token("", "", len(text), len(text))]:
            if _proper(text, token):
                run.append(token)
                continue
            own = len(run) >= 2 and count(text[run[0].start : run[-1].end]) <= OWN_COUNT
            if own and not (token.tag in NOUN_TAGS and token.text.islower()):
                return True
            run = []
    return False


def _proper(text: str, token: Token) -> bool:
    """A capitalised name word that is not the first word of its sentence or clause."""
    first = token.start == 0 or text[: token.start].rstrip()[-1:] in '.:;!?"“('
    return token.tag in ("NNP", "NNPS") and token.text[1:2].islower() and not first


def _specific_beside(text: str, span: tuple[int, int], rarity: float, count: Count) -> bool:
    """Does the stem keep something more specific than a common-noun answer: a number, or
    a noun rarer than the answer that the article does not keep repeating?"""
    before, _, after = _tokens(text, span)
    for token in [*before, *after]:
        if token.tag == "CD" or any(c.isdigit() for c in token.text):
            return True
        rarer = token.text.islower() and zipf(token.text) < rarity
        if token.tag in NOUN_TAGS and rarer and count(token.text) <= OWN_COUNT:
            return True
    return False


def _common_word(text: str, span: tuple[int, int], inside: Tokens) -> str:
    """The span's word if it is one common noun ("containers", a first word "Astronomers"),
    else "" (a name, a symbol, a number, several words)."""
    if len(inside) != 1 or inside[0].tag not in NOUN_TAGS:
        return ""
    word = inside[0].text
    if any(c.isdigit() for c in word) or word[1:].lower() != word[1:]:
        return ""  # a symbol or acronym ("RSA", "pH") is a term of its own
    if word[:1].isupper() and (text[: span[0]].strip() or "NOUN" not in getAllLemmas(word.lower())):
        return ""  # a name: mid-sentence, or a first word English does not know ("Iceland")
    return word


def _imperative(text: str) -> bool:
    """An instruction ("Drink plenty of …", "Store raw meat …"): it opens with a bare verb."""
    tokens = tag(text)
    return bool(tokens) and tokens[0].tag == "VB"


def _number_beside(text: str, span: tuple[int, int]) -> bool:
    before, _, after = _tokens(text, span)
    return any(any(c.isdigit() for c in t.text) for t in [*before, *after])


def common_noun_blank(text: str, span: tuple[int, int], named: bool, count: Count) -> bool:
    """Is the span one common noun the learner could guess while the sentence's fact stays
    in the stem? A frequent word the article says once (in advice, twice); one it repeats,
    beside the sentence's own full name or a number ("looted the ___ complex" by Xiang Yu);
    a rarer one said once, beside such a name, a number or a rarer noun."""
    _, inside, _ = _tokens(text, span)
    head = inside[-1:] if len(inside) == 2 and is_possessive(inside[0].text) else inside
    word = _common_word(text, span, head)
    if not word or named:
        return False
    rarity, said = zipf(word), count(text[span[0] : span[1]])
    if len(head) < len(inside):
        return rarity >= ALONE_ZIPF and said < 2  # "without Franklin's ___" (knowledge)
    if rarity >= ALONE_ZIPF:
        if said < (ADVICE_TERM_COUNT if _imperative(text) else 2):
            return True  # "Drink plenty of ___" (fluids): advice in everyday words
        return names_beside(text, span, count) or _number_beside(text, span)
    if said >= 2:
        return False  # a rarer word the article repeats is one of its terms
    if rarity >= NAMED_NOUN_ZIPF and names_beside(text, span, count):
        return True  # "Yang Zhifa … is named as the ___" (discoverer): the name is the fact
    return rarity >= COMMON_NOUN_ZIPF and _specific_beside(text, span, rarity, count)


def category_of_named(text: str, span: tuple[int, int]) -> bool:
    """ "raw chicken or other ___" (poultry): the blank is the category of the things the
    sentence has just named, guessed from them."""
    return OTHER_BEFORE_RE.search(text[: span[0]]) is not None


def flawed_span(text: str, span: tuple[int, int], named: bool, count: Count) -> bool:
    """Any of this module's reasons not to blank ``text[span]``; ``named`` if the sentence
    names the term ("called ___"), ``count`` how often the article says a phrase."""
    answer = text[span[0] : span[1]]
    return (
        is_possessive(answer)
        or part_of_name(text, span)
        or swallows_verb(text, span)
        or opens_with_verb(text, span)
        or joins_phrases(text, span)
        or formula_beside(text, span)
        or contrast_given(text, span)
        or category_of_named(text, span)
        or common_noun_blank(text, span, named, count)
    )

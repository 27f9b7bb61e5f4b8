"""Key terms: the noun phrase or number of a sentence most worth blanking in a cloze.

Candidates come from the sentence's grammar (``questions.nlp``): noun phrases without their
determiner and evaluative adjectives, and numbers with their units ("70 mg/dL", "2–5 years",
"85%"). A blank is never trivial (``questions.rarity``: function words, filler, very common
words), never right after "a"/"an" (the article would hint at it), never a word the rest of
the sentence repeats, and leaves at least four content words of context. Among the rest the
score prefers numbers, rare words, terms the article repeats or its headings name, and
answers not yet used by an earlier sentence, so the deck covers many terms once each.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from questions.blankspan import flawed_span
from questions.document import Document, Unit
from questions.facts import Fact
from questions.nlp import NOUN_TAGS, Phrase, noun_phrases, singular, tag
from questions.quantities import is_quantity, quantities, unit_key
from questions.rarity import RARE_ZIPF, is_trivial, is_trivial_word, zipf
from questions.textutil import (
    STOPWORDS,
    content_words,
    find_phrase,
    renamed_after,
    renames_before,
    squash,
    words,
)

MIN_CONTEXT = 4
LAST_YEAR = 2100  # a four-digit number above this in a sentence is a count, not a year
YEARS = "number:calendar year"  # the sibling group of years ("1905"), not of "2 years"
# A single-word blank must be rarer than this in English, or used this often by the article.
TERM_ZIPF = 4.5
KEY_COUNT = 5
GIVEAWAY_BEFORE = frozenset(["a", "an", "this", "that", "these", "those"])
# "a frame called a ___": the cloze writes "a(n) ___" (``templates_blanks.either_article``).
NAMING_ARTICLES = frozenset(["a", "an"])
# Not a glossary's definition lines: a blank there, without the term, tests a fragment.
STATING_LINES = frozenset(["paragraph", "list_item"])
# A term the article uses this often is its topic: a blank of it tests nothing.
TOPIC_COUNT = 12
TOPIC_SHARE = 0.25  # of the sentences: a word this many say is the page's subject
TOPIC_MIN_SENTENCES = 4  # … and at least this many: a short page's every word is not
MAX_WORDS = 4
MIN_SCORE = 1.0
# A share above a hundred per cent of something: a range whose dash the copy lost ("5–15").
IMPOSSIBLE_SHARE_RE = re.compile(
    r"\b(?:[2-9]\d\d|1[1-9]\d|10[1-9]|\d{4,})\s*(?:%|percent|per cent) of (?:all )?(?:the )?"
    r"(?:[A-Z]\w+ans\b|people|persons|patients|adults|children|women|men|population|cases)"
)
# Rarer than this a word is specialist vocabulary ("myelin" 2.5, "salts" 3.6 is not).
SPECIALIST_ZIPF = 3.5
EVALUATIVE_ZIPF = 4.5  # "severe" 4.6, "simple" 5.1; "chronic" 4.2 and "autosomal" 2.6 name a kind
GLUED = frozenset("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺₀₁₂₃₄₅₆₇₈₉+−")  # "Ca2+", "HPO42−": a formula, not a term
# Blanks offered per sentence: the ranking keeps one per sentence and chooses by its score,
# so a sentence's term can win over its everyday words ("the ___ would be carried …").
PER_SENTENCE = 3
NAME_BONUS = 2.0  # a person, place, law or organisation named mid-sentence
NAMED_BONUS = 2.0  # the term the sentence names: "called X", "known as X", "termed X"
# Words that may join the capitalised words of one name: "Pediculus humanus", "Joan of Arc".
CLAUSE_OPENERS = frozenset(':;.!?"“‘(—–')
NAMING_CUE = r"called|termed|named|dubbed|known as|referred to as"
NAMING_BEFORE = re.compile(
    rf"\b(?:{NAMING_CUE}|described as)\s+(?:an?\s|the\s)?[\"“‘']?$",
    re.I,
)
# Talk about the page itself: "this article", "the table below", "please refer to …".
META_RE = re.compile(
    r"\b(?:this (?:article|post|guide|page)|we will|we.ll|please|refer to|"
    r"(?:table|figure|list|section|articles?)s? (?:below|above))\b",
    re.I,
)
# "Understanding X is crucial for …": an opinion about the topic, not a fact of it.
FILLER_RE = re.compile(
    r"^(?:it|this|that|understanding|knowing|learning|recogni[sz]ing|being)\b[^.]{0,80}?"
    r"\b(?:is|are) (?:crucial|vital|essential|important|key|critical)\b",
    re.I,
)


# A blank's (score without reuse, bonus, start, end, phrase, squashed answer).
Valued = tuple[float, float, int, int, Phrase, str]


@dataclass(frozen=True)
class Vocabulary:
    """What the whole article says about its words: how often phrases recur, what headings name."""

    freq: Counter[tuple[str, ...]]  # folded word n-grams (n ≤ MAX_WORDS) → occurrences
    headings: frozenset[str]
    title: frozenset[str]
    names: frozenset[str] = frozenset()  # the title and headings, folded whole
    # Words (folded, singular) said in a quarter of the article's sentences: its subject,
    # whatever its title says ("monsoon" under a running header "Briefing Note 7").
    topic: frozenset[str] = frozenset()
    # A sentence's usable blanks, found once: both key-term passes ask for every sentence's.
    # By (text, lo): 0 for all of them, else those from ``lo`` on (``candidates``).
    found: dict[tuple[str, int], tuple[tuple[int, int, Phrase], ...]] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )
    # Each of those blanks valued before the deck's earlier answers count, by (text, lo):
    # a long page repeats sentences, and the value depends on the article alone.
    valued: dict[tuple[str, int], tuple[Valued, ...]] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )

    def count(self, phrase: str) -> int:
        return self.freq[tuple(w.casefold() for w in words(phrase))]


def ngram_frequencies(doc: Document) -> Counter[tuple[str, ...]]:
    counts: Counter[tuple[str, ...]] = Counter()
    # A long page repeats sentences word for word: each text is split into n-grams once.
    grams: dict[str, list[tuple[str, ...]]] = {}
    for unit in doc.units:
        text = unit.sentence.text
        if text not in grams:
            grams[text] = _ngrams(text)
        counts.update(grams[text])
    return counts


def _ngrams(text: str) -> list[tuple[str, ...]]:
    """The text's folded word n-grams (n ≤ ``MAX_WORDS``), the 1-grams first."""
    folded = [w.casefold() for w in words(text)]
    out: list[tuple[str, ...]] = []
    for n in range(1, MAX_WORDS + 1):
        out.extend(zip(*(folded[i:] for i in range(n)), strict=False))
    return out


def vocabulary(doc: Document) -> Vocabulary:
    heads = {w.casefold() for s in doc.sections[1:] for w in content_words(s.name)}
    names = frozenset(squash(n) for n in (doc.title, *(s.name for s in doc.sections)))
    title = frozenset(w.casefold() for w in words(doc.title))
    return Vocabulary(ngram_frequencies(doc), frozenset(heads), title, names, topic_words(doc))


def topic_words(doc: Document) -> frozenset[str]:
    """The content words (folded, singular) that at least ``TOPIC_SHARE`` of the article's
    sentences say: what the page is about, so a blank of them tests its frame, not a fact."""
    said: Counter[str] = Counter()
    sets: dict[str, set[str]] = {}  # each text's words once, however often it is repeated
    for unit in doc.units:
        text = unit.sentence.text
        if text not in sets:
            sets[text] = {singular(w.casefold()) for w in words(text) if w.isalpha()}
        said.update(sets[text])
    least = max(TOPIC_MIN_SENTENCES, TOPIC_SHARE * len(doc.units))
    return frozenset(w for w, n in said.items() if n >= least and not is_trivial_word(w))


def trimmed(text: str, phrase: Phrase) -> tuple[int, int] | None:
    """The phrase without leading filler modifiers and at most ``MAX_WORDS`` words long."""
    parts = [(m.start(), m.end()) for m in re.finditer(r"\S+", phrase.text)]
    first = 0
    while first < len(parts) - 1 and is_trivial_word(_word(phrase.text, parts[first])):
        first += 1
    if phrase.is_number and first:
        first = 0  # "2,500 people": the number is the point, its noun is its unit
    elif first < len(parts) - 1 and _evaluative(phrase, parts[first][0]):
        first += 1  # "desired ___", "severe ___": the state of the thing, not its name
    parts = _named(phrase.text, parts[first:])
    if len(parts) > MAX_WORDS:
        if phrase.is_number:
            return None
        parts = parts[-2:]  # a long phrase: its last two words name the thing
    return phrase.start + parts[0][0], phrase.start + parts[-1][1]


def _named(text: str, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "the German doctor Robert Koch" → "Robert Koch": a person's or a place's name after
    the words that describe it is asked by the name; the description is not part of it."""
    caps = [text[s:e][:1].isupper() for s, e in parts]
    last_lower = max((i for i, cap in enumerate(caps) if not cap), default=-1)
    if last_lower >= 0 and len(parts) - last_lower - 1 >= 2:
        return parts[last_lower + 1 :]
    return parts


def _evaluative(phrase: Phrase, offset: int) -> bool:
    """Is the phrase's word at ``offset`` a participle ("affected", "desired") or a common
    adjective ("severe", "actual") that describes its noun rather than names it?"""
    token = next((t for t in tag(phrase.text) if t.start == offset), None)
    if token is None or token.text[:1].isupper():
        return False
    return token.tag in ("VBN", "VBG") or (
        token.tag == "JJ" and zipf(token.text) >= EVALUATIVE_ZIPF
    )


def _word(text: str, span: tuple[int, int]) -> str:
    return text[span[0] : span[1]].strip(",;:()")


def is_name(text: str, span: tuple[int, int]) -> bool:
    """Is the span a proper name mid-sentence ("Newton", "Lorentz force law", "James Clerk
    Maxwell")? Capitalised where a common word would not be: not the sentence's first word."""
    before = text[: span[0]].rstrip()
    if not before or before[-1] in CLAUSE_OPENERS:
        return False  # "Unpleasant feelings: Severe …", "… experiment. Ampère": a first word
    parts = text[span[0] : span[1]].split()
    titled = [w for w in parts if w[:1].isupper() and w[1:2].islower()]
    return bool(titled) and titled[0] == parts[0]


# The words between a naming cue and the noun phrase the tagger found: "called the
# limiting/VBG factor" names "limiting factor", not "factor".
NAMED_MODIFIERS_RE = re.compile(
    rf"\b(?:{NAMING_CUE})\s+(?:an?\s|the\s)?[\"“‘']?((?:[a-z][\w-]*\s){{1,2}})$",
    re.I,
)


def named_spans(text: str, phrase: Phrase) -> tuple[tuple[int, int], ...]:
    """The whole term a naming cue introduces, where the tagger read its first words as a
    verb form or left them out of the phrase ("the limiting factor", "the growing season")."""
    found = NAMED_MODIFIERS_RE.search(text[: phrase.start])
    if found is None or phrase.is_number:
        return ()
    modifiers = tag(found.group(1))
    if not modifiers or any(t.tag not in ("VBG", "VBN", "JJ", *NOUN_TAGS) for t in modifiers):
        return ()
    return ((found.start(1), phrase.end),)


def named_here(text: str, span: tuple[int, int]) -> bool:
    """Does the sentence name the term it blanks ("an enzyme called ___", "known as ___")?"""
    return NAMING_BEFORE.search(text[: span[0]]) is not None


# What may follow a whole named term: the clause ends, or a preposition, conjunction,
# relative word or verb goes on ("called a planula.", "known as the Ring of Fire, which").
AFTER_NAMED_TAGS = frozenset(["IN", "CC", "WDT", "WP", "WRB", "TO", "MD"])


def names_whole(text: str, span: tuple[int, int]) -> bool:
    """Is the blank the whole term a naming cue introduces: not a part of it ("known as ___
    streams" → jet), nor the object of "call" as a verb ("NASA called the ___ a success")?"""
    if not named_here(text, span):
        return False
    if text[: span[0]].rstrip()[-1:] in "\"“‘'" and text[span[1] : span[1] + 1] not in "\"”’'":
        return False  # 'known as the "___ of the Hanse"': one word of a quoted name
    rest = text[span[1] :].lstrip()
    if not rest or rest[0] in ",.;:()!?—–-\"”’'":
        return True
    following = tag(rest)[:1]
    return bool(following) and (
        following[0].tag in AFTER_NAMED_TAGS or following[0].tag.startswith("VB")
    )


def value_of(text: str, span: tuple[int, int], phrase: Phrase) -> float:
    """A blank's worth before the deck's other blanks are known: ``score`` plus evidence that
    the span is a name or the term the sentence names."""
    bonus = NAMED_BONUS if named_here(text, span) else 0.0
    if not phrase.is_number and is_name(text, span):
        bonus += NAME_BONUS
    return bonus


def score(answer: str, phrase: Phrase, vocab: Vocabulary, used: Counter[str]) -> float:
    return base_score(answer, phrase, vocab) - 3.0 * used[squash(answer)]


def base_score(answer: str, phrase: Phrase, vocab: Vocabulary) -> float:
    """``score`` before answers already used lower it."""
    terms = [w.casefold() for w in words(answer) if not is_trivial_word(w)]
    if phrase.is_number and (any(c.isdigit() for c in answer) or is_quantity(answer)):
        value = 6.0 + (2.0 if len(answer.split()) > 1 or "%" in answer else 0.0)
    else:
        value = sum(max(0.0, RARE_ZIPF + 1.5 - zipf(w)) for w in terms) / max(1, len(terms))
        value += 2.0 if vocab.count(answer) >= 2 else 0.0  # a term the article repeats
        value += 1.0 if any(w in vocab.headings for w in terms) else 0.0
    if vocab.count(answer) >= TOPIC_COUNT:
        value -= 4  # the article's topic: no knowledge is tested
    return value


def spans(text: str, phrase: Phrase, vocab: Vocabulary) -> Iterator[tuple[int, int]]:
    """The trimmed phrase, and each rare noun inside it: in a two-word compound only the
    first ("___ dioxide" → carbon), never the head that its modifier predicts."""
    whole = trimmed(text, phrase)
    if whole is not None:
        yield whole
    if phrase.is_number:
        return
    if (phrase.start > 0 and phrase.text[:1].isupper()) or squash(phrase.text) in vocab.names:
        return  # a name ("Pediculus humanus capitis", a heading's) is blanked whole or not at all
    short = len(phrase.text.split()) < 3
    for token in tag(text):
        if not (phrase.start <= token.start and token.end <= phrase.end):
            continue  # only the phrase's own words: the sentence's others are no part of it
        if short and token.start != phrase.start:
            continue  # "circadian ___" (rhythm) would blank the head a modifier predicts
        rare = zipf(token.text) < RARE_ZIPF and token.tag in NOUN_TAGS
        if rare and (token.start, token.end) != whole:
            yield token.start, token.end


@lru_cache(maxsize=65536)
def phrases(text: str) -> tuple[Phrase, ...]:
    """The sentence's quantities ("3.8 centimeters per year") and its noun phrases, without a
    number phrase that holds part of a quantity ("2,500 people" of "one in 2,500 people")."""
    amounts = list(quantities(text))
    out = [Phrase(text[s:e], s, e, text[s:e], ("CD",)) for s, e in amounts]
    for phrase in noun_phrases(text):
        cut = any(s < phrase.end and phrase.start < e for s, e in amounts)
        inside = any(s <= phrase.start and phrase.end <= e for s, e in amounts)
        if not inside and not (cut and phrase.is_number):
            out.append(phrase)
    return tuple(sorted(out, key=lambda p: (p.start, p.end)))


def candidates(text: str, lo: int, vocab: Vocabulary) -> Iterator[tuple[int, int, Phrase]]:
    """The usable blanks of ``text`` whose phrase starts at ``lo`` or later."""
    if (text, 0) in vocab.found:
        return (c for c in vocab.found[(text, 0)] if c[2].start >= lo)
    # A sentence shown after the one before it (``lo`` past that one): only its own phrases
    # are judged. Each phrase is judged on its own, so they are the whole text's from ``lo``.
    if (text, lo) not in vocab.found:
        vocab.found[(text, lo)] = tuple(_candidates(text, lo, vocab))
    return iter(vocab.found[(text, lo)])


def _candidates(text: str, lo: int, vocab: Vocabulary) -> Iterator[tuple[int, int, Phrase]]:
    for phrase in phrases(text):
        if phrase.start < lo:
            continue
        amount = is_quantity(phrase.text) and " " in phrase.text  # one value, not a member
        if not amount and _in_series(text, (phrase.start, phrase.end)):
            continue  # "hats, grooming aids, and towels": any member fits a blank
        for span in (*named_spans(text, phrase), *spans(text, phrase, vocab)):
            if _usable(text, span, vocab):
                yield span[0], span[1], phrase


def _usable(text: str, span: tuple[int, int], vocab: Vocabulary) -> bool:
    answer = text[span[0] : span[1]]
    terms = [w.casefold() for w in words(answer) if not is_trivial_word(w)]
    number = any(c.isdigit() for c in answer) or is_quantity(answer)
    everyday = zipf(answer) >= TERM_ZIPF and vocab.count(answer) < KEY_COUNT
    named = names_whole(text, span)  # "a bony socket called the ___": the sentence makes it a term
    if len(words(answer)) == 1 and everyday and not (number or named or is_name(text, span)):
        return False  # one everyday word ("patterns", "majority") the article does not make a term
    if terms and all(w in vocab.title for w in terms) and not number:
        return False  # the deck's title says it: "muscle ___" in a deck on muscle cramps
    if not number and frames(terms, vocab) and fact_beside(text, span):
        return False  # "the southwest ___ runs from June to September" (monsoon season)
    tags = [t.tag for t in tag(text) if span[0] <= t.start and t.end <= span[1]]
    if tags and all(t.startswith("JJ") for t in tags):
        return False  # an adjective alone: "mild or ___ hypoglycemia" has many fillers
    before = text[: span[0]].rsplit(None, 1)[-1:]
    if re.fullmatch(r"\d{1,2}", answer):
        return False  # a bare small number: a list's "(1)", or a count without its unit
    giveaway = GIVEAWAY_BEFORE - NAMING_ARTICLES if named else GIVEAWAY_BEFORE
    if is_trivial(answer) or (before and before[0].casefold() in giveaway):
        return False  # "a ___" hints at the answer's sound, "this ___" points back
    amount = is_quantity(answer) and " " in answer
    if (not amount and _in_series(text, span)) or text[span[0] - 1 : span[0]] in DASHES:
        return False  # "hats, ___, coats": any other member fits; "self–___": half a word
    if text[span[1] : span[1] + 1] in DASHES or text[span[1] : span[1] + 1] in GLUED:
        return False  # "___–related", "___+": half a word, half a formula
    if renames_before(text, *span) or renamed_after(text, span[1]):
        return False  # "the cog (___)", "the ___ (Kogge)": one name gives the other away
    rest = text[: span[0]] + text[span[1] :]
    # Not given away by the rest of the sentence, and not a possessive.
    if find_phrase(rest, answer) != -1 or text[span[1] : span[1] + 1] in ("'", "’"):
        return False
    # One whole noun phrase that the stem does not give away (``questions.blankspan``).
    return not flawed_span(text, span, named_here(text, span), vocab.count)


def fact_beside(text: str, span: tuple[int, int]) -> bool:
    """Does the rest of the sentence keep its fact, a number or a name mid-sentence ("In
    India … from June to September"), while the blank is not the term it names?"""
    if named_here(text, span):
        return False
    for token in tag(text):
        if span[0] <= token.start < span[1]:
            continue
        if any(c.isdigit() for c in token.text) or (token.tag == "NNP" and token.start > 0):
            return True
    return False


def frames(terms: list[str], vocab: Vocabulary) -> bool:
    """Are a blank's content words the article's topic (``Vocabulary.topic``), alone or
    with everyday words ("monsoon season")? Any sentence of the page fits them."""
    topical = [singular(w) in vocab.topic for w in terms]
    everyday = [zipf(w) >= TERM_ZIPF for w in terms]
    return any(topical) and all(t or e for t, e in zip(topical, everyday, strict=True))


SERIES_LAST = re.compile(r",[^,;:()]{1,40},?\s*\b(?:and|or)\s*$")  # "X, Y and ___"
SERIES_MIDDLE = re.compile(r",[^,;:()]{1,40},\s*$")  # "X, Y, ___"
# "such as ___", "like the ___", "for example, ___": one example of many.
EXAMPLE_BEFORE = re.compile(
    r"\b(?:e\.g\.,?|i\.e\.,?|such as|including|like|for (?:example|instance),?)"
    r"\s*\(?(?:(?:the|a|an)\s+)?$",
    re.I,
)
SERIES_FIRST = re.compile(r"^\s*,[^,;:()]{1,40}(?:,|\s(?:and|or)\s)")
DASHES = ("-", "–", "—")


def _in_series(text: str, span: tuple[int, int]) -> bool:
    """Is the span a member of a series ("X, ___, Z", "X, Y or ___", "___, Y and Z") or an
    example ("such as ___")? Then the other members, and anything of their kind, fill the
    blank just as well."""
    before, after = text[max(0, span[0] - 60) : span[0]], text[span[1] : span[1] + 60]
    comma = "," in before  # both series patterns need one: most blanks are decided here
    listed = comma and (
        SERIES_MIDDLE.search(before) or (before.rstrip().endswith(",") and after[:1] == ",")
    )
    last = comma and SERIES_LAST.search(before)
    example = EXAMPLE_BEFORE.search(before)
    return bool(listed or last or example or SERIES_FIRST.match(after))


def compound_cut(text: str, start: int) -> bool:
    """Does a noun or adjective stand right before the blank ("head ___ medications")? Then
    the blank cuts a compound, and the visible half predicts or changes it."""
    before = [t for t in tag(text) if t.end <= start]
    if not before or before[-1].end != start - 1 or text[before[-1].end] != " ":
        return False
    if before[-1].text.casefold() in STOPWORDS:
        return False  # "many ___", "other ___": a quantifier, not half of a name
    if text[start : start + 1].isupper() and before[-1].text[:1].islower():
        return False  # "the doctor ___" (Robert Koch): a name in apposition, not a compound
    return before[-1].tag in NOUN_TAGS or before[-1].tag.startswith(("JJ", "VBG"))


def distinctive(text: str, span: tuple[int, int], phrase: Phrase) -> bool:
    """Is the span plainly a thing to learn, by its form alone: a number or quantity, a
    name, the term the sentence names, or a word of specialist vocabulary? A sentence's
    second and third blanks must be; its best one is judged by ``score`` alone."""
    answer = text[span[0] : span[1]]
    if phrase.is_number or is_name(text, span) or named_here(text, span):
        return True
    return any(zipf(w) < SPECIALIST_ZIPF for w in words(answer) if not is_trivial_word(w))


def best_blanks(
    text: str, lo: int, vocab: Vocabulary, used: Counter[str], limit: int = PER_SENTENCE
) -> list[tuple[int, int]]:
    """Spans of the best ``limit`` blanks of ``text`` from ``lo`` on, best first, none
    overlapping another; empty if none is worth asking."""
    if len(content_words(text)) - 1 < MIN_CONTEXT:
        return []
    scored: list[tuple[float, int, int, Phrase]] = []
    for base, bonus, start, end, phrase, answer in valued(text, lo, vocab):
        value = (base - 3.0 * used[answer]) + bonus  # as ``score`` + ``value_of``
        if value >= MIN_SCORE:
            scored.append((-value, start, end, phrase))
    chosen: list[tuple[int, int]] = []
    for _, start, end, phrase in sorted(scored, key=lambda s: s[:3]):
        if len(chosen) >= limit or any(s < end and start < e for s, e in chosen):
            continue
        alternative = bool(chosen)
        if alternative and (
            not distinctive(text, (start, end), phrase) or compound_cut(text, start)
        ):
            continue  # "the ___ membrane", "mathematical ___": a weaker reading of the sentence
        chosen.append((start, end))
    return chosen


def valued(text: str, lo: int, vocab: Vocabulary) -> tuple[Valued, ...]:
    """The usable blanks of ``text`` from ``lo`` on, each with ``base_score`` and
    ``value_of``, worked out once per article."""
    if (text, lo) not in vocab.valued:
        vocab.valued[(text, lo)] = tuple(
            (
                base_score(text[s:e], phrase, vocab),
                value_of(text, (s, e), phrase),
                s,
                e,
                phrase,
                squash(text[s:e]),
            )
            for s, e, phrase in candidates(text, lo, vocab)
        )
    return vocab.valued[(text, lo)]


def best_blank(text: str, lo: int, vocab: Vocabulary, used: Counter[str]) -> tuple[int, int] | None:
    """Span of the best blank of ``text`` from ``lo`` on, or None if none is worth asking."""
    found = best_blanks(text, lo, vocab, used, 1)
    return found[0] if found else None


def phrase_is_number(text: str, span: tuple[int, int]) -> bool:
    first = text[span[0] : span[0] + 1]
    return first.isdigit() or first in "¼½¾$£€" or is_quantity(text[span[0] : span[1]])


def number_group(answer: str, sentence: str = "") -> str:
    """Numbers are siblings when they count the same whole unit (``quantities.unit_key``):
    "70 mg/dL" and "55 milligrams/dL", never "3.0 mmol/L" nor "41 mg m⁻²" and "3 mg".
    A four-digit number is a year unless its sentence counts past any year ("a club player
    around 2000, a grandmaster at least 2500": ratings, whose options are no years)."""
    unit = unit_key(answer)
    if unit:
        return f"number:{unit}"
    counted = any(
        int(n) > LAST_YEAR for n in re.findall(r"(?<![\d,.])\d{4}(?!\d|[,.]\d)", sentence)
    )
    if re.fullmatch(r"1\d{3}|20\d{2}", answer) and not counted:
        return YEARS  # not "number:year", the group of "2 years"
    if is_quantity(answer) and " " in answer:
        return f"number:{singular(answer.split()[-1].casefold())}"  # "about half"
    return "key_term"  # a bare count: of what, the sentence says, not the number


def blank_fact(doc: Document, unit: Unit, span: tuple[int, int]) -> Fact:
    """The key-term fact of one blank: its sentence, its answer and the answer's offset."""
    text = unit.sentence.text
    term = text[span[0] : span[1]]
    entity = doc.entities.get(unit.section)
    subject = f"{doc.section_name(unit.section)}: {' '.join(content_words(text)[:4])}"
    return Fact(
        "key_term",
        subject,
        term,
        unit,
        number_group(term, text) if phrase_is_number(text, span) else "key_term",
        entity.short if entity else doc.section_name(unit.section),
        str(span[0]),
    )


def is_labelled_item(unit: Unit) -> bool:
    """ "MRI or CT scans: imaging …": a list's label and a fragment, not a sentence to blank
    or to state as true or false (its label and description are asked by the list's own
    questions)."""
    return unit.line.kind == "list_item" and ": " in unit.sentence.text[:60]


# Asked of every sentence by both key-term passes; a long page repeats sentences.
@lru_cache(maxsize=65536)
def states_a_fact(text: str) -> bool:
    """Not a question (a review question asks, it states nothing), no impossible share
    ("515 percent of Americans": a range whose dash the copy lost), and no "X plays a role in
    Y" (many things play a role in Y, and X in many things: a blank on either has several
    right fillers)."""
    asks = text.rstrip().endswith("?")
    return not asks and IMPOSSIBLE_SHARE_RE.search(text) is None and ROLE_RE.search(text) is None


ROLE_RE = re.compile(r"\bplay(?:s|ed|ing)? an? (?:\w+ ){0,2}(?:role|part)\b", re.I)


def key_term_extractor(vocab: Vocabulary) -> Callable[[Document, Unit], Iterator[Fact]]:
    used: Counter[str] = Counter()  # answers already chosen, in document order

    def key_term_facts(doc: Document, unit: Unit) -> Iterator[Fact]:
        if unit.line.kind not in STATING_LINES:
            return  # a lead-in ("Options may include:") announces, a heading names
        text = unit.sentence.text
        if META_RE.search(text) or FILLER_RE.search(text):
            return  # advice to the reader or talk about the article: nothing to learn
        if not states_a_fact(text) or is_labelled_item(unit):
            return
        lo = 0
        # A sentence carried with the one before it (``questions.antecedent``) is read
        # after it: its blank is chosen in the pair, never a phrase the first one says.
        shown = f"{unit.antecedent.text} " if unit.antecedent is not None else ""
        found = best_blanks(shown + text, lo + len(shown), vocab, used)
        chosen = [(start - len(shown), end - len(shown)) for start, end in found]
        for span in chosen:
            used[squash(text[span[0] : span[1]])] += 1
        for span in chosen:
            yield blank_fact(doc, unit, span)

    return key_term_facts

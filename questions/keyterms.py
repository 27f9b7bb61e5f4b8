"""The article's key terms, found over the whole text, each asked once at its best sentence.

``facts_keyterms`` picks the best blank of each sentence on its own; a term that matters can
lose there to another phrase of its sentence in every sentence it appears in. This module
looks at the article first: which terms it names, defines, repeats and heads sections with,
and then, for each of the best terms, the one sentence that asks about it best. It yields
ordinary ``key_term`` facts (the sentence, the term, its offset), so the cloze, number and
true/false templates of ``templates_blanks`` build the questions, and the gates, the
acceptance rules and the ranking vet them like any other.

Evidence is general only, never a word list of one article:

- rarity of the term's words in English (``questions.rarity``) and repetition in the article;
- a word of a heading;
- a definitional pattern: "called X", "termed X", "known as X", "X is a …", "X, a …",
  a quoted term, a rare term in parentheses after a common one ("high-arched feet (pes cavus)");
- an acronym, a number with its unit.

A term's best sentence defines it, else is its first clean mention: a stating line (not a
heading or a lead-in), a finite verb, no opener that points back ("This", "These", "Such"),
no talk about the page, not in a list series (``facts_keyterms.candidates`` already drops
series members, giveaway articles and everyday words), not the long name beside its acronym.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from lemminflect import getAllLemmas

from questions.antecedent import carried, gives_away
from questions.document import Document, Unit
from questions.facts import Fact
from questions.facts_keyterms import (
    FILLER_RE,
    GLUED,
    META_RE,
    MIN_CONTEXT,
    STATING_LINES,
    TOPIC_COUNT,
    Vocabulary,
    candidates,
    compound_cut,
    is_labelled_item,
    key_term_extractor,
    number_group,
    phrase_is_number,
    states_a_fact,
)
from questions.nlp import FINITE_VERB, singular, tag
from questions.rarity import RARE_ZIPF, is_trivial_word, zipf
from questions.textutil import (
    content_words,
    find_phrase,
    is_acronym,
    renamed_after,
    renames_before,
    squash,
    words,
)

# Terms asked per 1,000 words of article at most: the ranking keeps at most 38.
PER_1000_WORDS = 24
MIN_TERMS = 6
# A term below this score is not a key term (a rare word scores up to 2.6, a defined term +3).
MIN_SCORE = 2.5
MAX_SENTENCE_WORDS = 40
DEFINED_BONUS = 3.0
# Mean rarity (6.1 − Zipf) of a term's words: 2.0 is about "severity", 1.0 about "onion".
MIN_RARITY = 2.0
MIN_DEFINED_RARITY = 1.0
# Rarer than this a word is specialist vocabulary ("myelin" 2.5); commoner, it needs evidence.
SPECIALIST_ZIPF = 3.0
POINTING_OPENERS = frozenset(
    [
        "this",
        "these",
        "that",
        "those",
        "it",
        "they",
        "he",
        "she",
        "such",
        "another",
        "hence",
        "thus",
    ]
)
# Words that point back to an earlier sentence: "In these cases, …", "Having done so, …".
BACK_REFERENCES = frozenset(
    ["these", "those", "such", "same", "so", "it", "they", "he", "she", "its", "their"]
)
ARTICLE_CUE = re.compile(r"\b(?:a|an)\s+[\"“‘']?$", re.I)
PREDICATE_WORDS = 4
PAIR_AFTER = re.compile(r"^\s+(?:and|or|nor|vs\.?|versus)\s", re.I)
PAIR_BEFORE = re.compile(r"\s(?:and|or|nor|vs\.?|versus)\s+$", re.I)
SEE_BEFORE = re.compile(r"\bsee\s+(?:also\s+)?$", re.I)
BE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been)\s+$", re.I)
NAMING_BEFORE = re.compile(
    r"\b(?:called|termed|named|known as|referred to as|described as)\s+(?:an?\s|the\s)?[\"“‘']?$",
    re.I,
)
DEFINES_AFTER = re.compile(
    r"^[\"”’']?\s*(?:\((?:[^()]{1,40})\)\s*)?(?:is|are)\s+(?:an?|the)\s", re.I
)
APPOSITION_AFTER = re.compile(r"^,\s+(?:an?|the)\s+\w+")


@dataclass(frozen=True)
class Mention:
    """One occurrence of a term: which unit, where in its sentence, and how it is stated."""

    unit: int
    start: int
    end: int
    defined: bool
    quality: int  # lower is better: 0 defines the term, 1 a clean mention, 2 a usable one
    carried: bool = False  # asked after the sentence before it (``questions.antecedent``)


def term_key(term: str) -> str:
    """Case, spacing and a plural last word folded: "Motor neurons" == "motor neuron"."""
    parts = term.split()
    if parts and parts[-1].isalpha() and not is_acronym(parts[-1]):
        parts[-1] = singular(parts[-1].casefold())
    return squash(" ".join(parts))


def is_defined(text: str, start: int, end: int) -> bool:
    """Does the sentence name or define the term at ``start:end``?"""
    before, after = text[:start], text[end:]
    quoted = before[-1:] in "\"“‘'" and after[:1] in "\"”’'"
    parenthesised = (
        before.endswith("(") and after.startswith(")") and not is_acronym(text[start:end])
    )
    opening = not content_words(before) and bool(DEFINES_AFTER.match(after))
    return bool(
        quoted
        or parenthesised
        or NAMING_BEFORE.search(before)
        or opening
        or (start == 0 and APPOSITION_AFTER.match(after))
    )


def beside_acronym(text: str, start: int, end: int) -> bool:
    """Is the term half of a "Long name (ABBR)" pair, or of a name and its bracketed alias
    ("the cog (Kogge)", "adenine (A)")? Then the other half gives it away."""
    if renamed_after(text, end) or renames_before(text, start, end):
        return True
    after, before = text[end:].lstrip(), text[:start].rstrip()
    if after.startswith("(") and is_acronym(after[1:].split(")")[0].strip()):
        return True
    return before.endswith("(") and is_acronym(text[start:end])


def refined(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the term itself, or None where the tagger took a verb for a noun.

    "the gene PMP22" / "the SCN4A gene" → "PMP22" / "SCN4A": a category noun beside a name
    is the name's label, not the term. "GJB1 coding for …" → "GJB1": an -ing word that takes
    an object is a verb.
    "mutated MFN2 causes the …": a noun directly followed by a determiner was a verb.
    """
    parts = list(re.finditer(r"\S+", text[start:end]))
    after = text[end:].split()[:1]
    if after and after[0].casefold() in ("the", "a", "an") and len(parts) > 1:
        return None
    if len(parts) > 1 and parts[-1].group().casefold().endswith("ing") and after:
        parts = parts[:-1]
    if len(parts) == 2 and _is_code(parts[0].group()) and _is_label(parts[1].group()):
        parts = parts[:1]  # "the SCN4A gene" → "SCN4A"
    labels = parts[:-1]
    if labels and _is_name(parts[-1].group()) and all(_is_label(p.group()) for p in labels):
        parts = parts[-1:]
    first, end_at = start + parts[0].start(), start + parts[-1].end()
    rest = text[:first] + text[end_at:]
    return (first, end_at) if find_phrase(rest, text[first:end_at]) == -1 else None


def _is_name(word: str) -> bool:
    return is_acronym(word) or any(c.isdigit() for c in word) or zipf(word) < 2.5


def _is_code(word: str) -> bool:
    """An acronym or a letters-and-digits code ("SCN4A"); never a number, whose noun is its
    unit ("2,500 people"), nor a rare adjective ("Neuropathic pain")."""
    has_digit = any(c.isdigit() for c in word)
    return is_acronym(word) or (has_digit and any(c.isalpha() for c in word))


def _is_label(word: str) -> bool:
    """A common lower-case noun that labels a name: "gene", "drug", "protein"."""
    return word.islower() and zipf(word) >= 3.5


def paired(text: str, start: int, end: int) -> bool:
    """Is the term one of a pair ("___ and trains"), after "see", or a passive verb ("is
    spelled …")? A pair's other member fits the blank as well; the others are no term."""
    before, after = text[:start], text[end:]
    if PAIR_AFTER.match(after) or PAIR_BEFORE.search(before) or SEE_BEFORE.search(before):
        return True
    inner = text[start:end].split()[1:-1]
    if any(w.endswith("s") and "VERB" in getAllLemmas(w.casefold()) for w in inner):
        return True  # "hormone activates osteoclasts": a clause the tagger read as a name
    first = tag(text[start:end])[:1]
    verb_before = BE_BEFORE.search(before) or before.rstrip().endswith("ly")
    return bool(first) and first[0].tag in ("VBN", "VBD") and verb_before is not None


def shared_predicate(vocab: Vocabulary, predicate: str) -> bool:
    """Does the article say the first words of this predicate twice (about something else)?"""
    head = words(predicate)[:PREDICATE_WORDS]
    return len(head) == PREDICATE_WORDS and vocab.count(" ".join(head)) >= 2


def sentence_quality(unit: Unit, shown: str = "") -> int | None:
    """0/1 for a clean sentence to ask from, 2 for a usable one, None for one to avoid;
    one that points back is usable if ``shown`` after the sentence it points to."""
    text = unit.sentence.text
    if unit.line.kind not in STATING_LINES or META_RE.search(text) or FILLER_RE.search(text):
        return None
    tokens = tag(text)
    context = len(content_words(f"{shown} {text}"))
    if context - 1 < MIN_CONTEXT or len(words(text)) > MAX_SENTENCE_WORDS:
        return None
    if text.rstrip().endswith(":"):
        return None  # a lead-in: it announces, the items state
    finite = any(t.tag in FINITE_VERB for t in tokens)
    opening = [t.text.casefold() for t in tokens[:5]]
    pointing = bool(opening) and (
        opening[0] in POINTING_OPENERS or not BACK_REFERENCES.isdisjoint(opening)
    )
    if not finite or unit.line.kind == "list_item":
        return 2  # a list item or a verbless line: only if nothing better states the term
    if pointing:
        return 2 if shown else None  # a longer stem: only if no sentence states it alone
    return 1


# A sentence's usable span: (folded term, start, end, defined, rank).
_Span = tuple[str, int, int, bool, int]
_Stated = dict[tuple[str, str, str], tuple[int | None, str]]


def mentions(
    doc: Document, vocab: Vocabulary, pairs: dict[int, Unit] | None = None
) -> dict[str, list[Mention]]:
    """Every usable blank span of every stating sentence, by folded term, in document order;
    a sentence that points back counts where ``pairs`` carries it with the one before it."""
    found: dict[str, list[Mention]] = {}
    # A long page repeats sentences word for word; their spans depend on the text alone.
    seen: dict[tuple[str, int, str], tuple[_Span, ...]] = {}
    stated: _Stated = {}
    for index, unit in enumerate(doc.units):
        quality, shown = _stated_once(unit, pairs or {}, stated)
        if quality is None:
            continue
        key = (unit.sentence.text, quality, shown)
        if key not in seen:
            seen[key] = tuple(_spans(unit.sentence.text, quality, shown, vocab))
        for term, start, end, defined, rank in seen[key]:
            mention = Mention(index, start, end, defined, rank, bool(shown))
            found.setdefault(term, []).append(mention)
    return found


def _spans(text: str, quality: int, shown: str, vocab: Vocabulary) -> Iterator[_Span]:
    """The usable blank spans of one sentence: (folded term, start, end, defined, rank)."""
    wholes: set[int] = set()
    for first, last, phrase in candidates(text, 0, vocab):
        part = phrase.start in wholes  # "myelin" of "myelin sheath", after the whole
        wholes.add(phrase.start)
        span = refined(text, first, last)
        if span is None or paired(text, *span) or compound_cut(text, first):
            continue
        if span[0] == 0 and shared_predicate(vocab, text[span[1] :]):
            continue  # "___ is approved by the FDA …" holds for several drugs
        if span is None or beside_acronym(text, *span) or text[span[1] : span[1] + 1] in GLUED:
            continue  # "10⁵ M⁻¹": a blank would cut the unit's exponent off
        start, end = span
        defined = is_defined(text, start, end)
        if shown and (not defined or gives_away(text[start:end], shown)):
            continue  # a pair is planned for the term it names, never given away
        part = part and not defined
        cue = ARTICLE_CUE.search(text[:start]) is not None  # 'a "___"' hints at the sound
        rank = 0 if defined else quality
        yield term_key(text[start:end]), start, end, defined, rank + 2 * (part or cue)


def _stated_once(unit: Unit, pairs: dict[int, Unit], stated: _Stated) -> tuple[int | None, str]:
    """``_stated``, worked out once per sentence, line kind and sentence shown before it."""
    pair = pairs.get(unit.sentence.start)
    before = pair.antecedent.text if pair is not None and pair.antecedent is not None else ""
    key = (unit.sentence.text, unit.line.kind, before)
    if key not in stated:
        stated[key] = _stated(unit, pairs)
    return stated[key]


def _stated(unit: Unit, pairs: dict[int, Unit]) -> tuple[int | None, str]:
    """The sentence's quality (``sentence_quality``) and the sentence shown before it: a
    sentence that points back is asked only after it."""
    quality = sentence_quality(unit)
    # a pair is shown for a sentence that points back, and for one that leans on the
    # sentence before it though it would pass alone (``questions.antecedent.leans_on``)
    pair = pairs.get(unit.sentence.start)
    if pair is None or pair.antecedent is None:
        return quality, ""
    return sentence_quality(unit, pair.antecedent.text), pair.antecedent.text


def term_score(term: str, defined: bool, vocab: Vocabulary) -> float:
    """How much the article's reader should know ``term``: rare, repeated, headed, defined."""
    count = vocab.count(term)
    if count >= TOPIC_COUNT:
        return 0.0  # the article's topic itself: asking it tests nothing
    if phrase_is_number(term, (0, len(term))):
        return 3.0 + (1.0 if len(term.split()) > 1 or "%" in term else 0.0)
    # The topic's own words ("CMT patients") say nothing about which term is meant.
    terms = [
        w.casefold()
        for w in term.split()  # whole tokens: "PMP22" is one name, not "PMP" and "22"
        if not is_trivial_word(w) and vocab.count(w) < TOPIC_COUNT
    ]
    if not terms or all(singular(w) in vocab.title or w in vocab.title for w in terms):
        return 0.0  # "Chlorophylls" in a deck on chlorophyll: its topic, not a term of it
    value = sum(max(0.0, RARE_ZIPF + 1.5 - zipf(w)) for w in terms) / len(terms)
    if value < (MIN_DEFINED_RARITY if defined else MIN_RARITY):
        return 0.0  # an everyday word ("cells", "diagnosis"), however often the article says it
    evidence = defined or count >= 2 or any(w in vocab.headings for w in terms)
    if len(terms) == 1 and zipf(terms[0]) > SPECIALIST_ZIPF and not evidence:
        return 0.0  # a word of general prose ("genders") said once: nothing marks it a term
    value += min(2.0, 0.75 * (count - 1))
    value += 1.0 if any(w in vocab.headings for w in terms) else 0.0
    value += 1.0 if is_acronym(term) else 0.0
    return value + (DEFINED_BONUS if defined else 0.0)


def key_terms(
    doc: Document, vocab: Vocabulary, pairs: dict[int, Unit] | None = None
) -> list[tuple[float, str, Mention]]:
    """The article's key terms, best first: (score, term as written, its best mention).

    Greedy over terms, best first: each takes its best mention in a sentence no better term
    took, since a sentence gives one cloze (the ranking keeps one per sentence), and leaves
    a sentence that names or defines another term ("… layers of myelin, termed an onion
    bulb") to that term while it has another sentence of its own. A mention carried with
    the sentence before it (``pairs``) takes that sentence too: the ranking keeps one
    question per source, and the pair's source starts there."""
    scored: list[tuple[float, int, list[Mention]]] = []
    found = mentions(doc, vocab, pairs)
    defining = {m.unit: key for key, group in found.items() for m in group if m.defined}
    for key, group in found.items():
        group.sort(key=lambda m: (m.quality, m.unit, m.start))
        if group[0].quality > 2:
            continue  # only ever part of a longer name: "Schwann" of "Schwann cells"
        first = group[0]
        term = doc.units[first.unit].sentence.text[first.start : first.end]
        value = term_score(term, any(m.defined for m in group), vocab)
        if value >= MIN_SCORE:
            own = [m for m in group if defining.get(m.unit, key) == key]
            scored.append((value, first.unit, own + [m for m in group if m not in own]))
    scored.sort(key=lambda s: (-s[0], s[1], s[2][0].start))
    words_in_article = sum(len(words(u.sentence.text)) for u in doc.units)
    limit = max(MIN_TERMS, words_in_article * PER_1000_WORDS // 1000)
    taken: set[int] = set()
    out: list[tuple[float, str, Mention]] = []
    for value, _, group in scored:
        best = next((m for m in group if not taken & _occupies(m) and m.quality <= 2), None)
        if best is not None and len(out) < limit:
            taken.update(_occupies(best))
            out.append((value, doc.units[best.unit].sentence.text[best.start : best.end], best))
    return out


def _occupies(mention: Mention) -> set[int]:
    return {mention.unit - 1, mention.unit} if mention.carried else {mention.unit}


def keyterm_extractor(
    doc: Document, vocab: Vocabulary
) -> Callable[[Document, Unit], Iterator[Fact]]:
    """An extractor (``questions.facts``) that yields the key-term facts of each sentence:
    the article's key term where this module chose the sentence for one, else the best
    blanks of the sentence on its own (``facts_keyterms``). A sentence chosen for a key term
    offers no other blank, so the ranking cannot trade the term for another phrase of it
    (measured on the dev articles: offering the sentence's quantities too cost 1.7 points of
    key-term coverage, the ranking preferring "chromosome 17" to "PMP22")."""
    pairs = carried(doc)
    plan: dict[int, list[tuple[str, Mention]]] = {}
    for _, term, mention in key_terms(doc, vocab, pairs):
        plan.setdefault(doc.units[mention.unit].sentence.start, []).append((term, mention))
    # Sentences a planned pair shows: their own blanks would compete with the pair's term.
    shown = {
        p.antecedent.start
        for s, p in pairs.items()
        if p.antecedent and any(m.carried for _, m in plan.get(s, []))
    }
    blanks = key_term_extractor(vocab)

    def keyterm_facts(doc: Document, unit: Unit) -> Iterator[Fact]:
        if not states_a_fact(unit.sentence.text) or is_labelled_item(unit):
            return
        planned = plan.get(unit.sentence.start, [])
        pair = pairs.get(unit.sentence.start)
        for term, mention in planned:
            yield _fact(doc, pair if mention.carried and pair else unit, term, mention)
        if planned or unit.sentence.start in shown:
            return
        before = pair.antecedent if pair is not None else None
        if pair is None or before is None or before.start in plan:
            yield from blanks(doc, unit)
            return
        for fact in blanks(doc, pair):  # chosen with the sentence before it as context
            yield replace(fact, unit=unit) if gives_away(fact.answer, before.text) else fact

    return keyterm_facts


def _fact(doc: Document, unit: Unit, term: str, mention: Mention) -> Fact:
    """The same shape as ``facts_keyterms``' facts (subject, group, offset as relation), so
    that its templates ask it and a term both pick in one sentence is one fact."""
    text, section = unit.sentence.text, doc.section_name(unit.section)
    entity = doc.entities.get(unit.section)
    numeric = phrase_is_number(text, (mention.start, mention.end))
    return Fact(
        kind="key_term",
        subject=f"{section}: {' '.join(content_words(text)[:4])}",
        answer=term,
        unit=unit,
        group=number_group(term, text) if numeric else "key_term",
        entity=entity.short if entity else section,
        relation=str(mention.start),
    )

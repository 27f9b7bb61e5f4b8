"""Questions on a sentence's key term (``facts_keyterms``): the cloze, and the multiple choice
and true/false item that terms of its kind make possible (``questions.kinship``): numbers
of its unit, terms of its head noun or word ending.

A sentence that starts with a pronoun ("It can cause …") is asked only where the pronoun is
safely its section's entity: "It"/"This" before a verb and a singular entity, "They"/"These"
before a verb and a plural one, or as a cloze shown after the sentence it points back to
(``questions.antecedent``). Anything else ("These medicines …", "He …") is skipped,
because the learner could not know what the sentence is about.

Sibling numbers count the same unit ("70 mg/dL", "55 mg/dL"): another number of the article
is false in this sentence's place, and the article states it elsewhere, so it is a
plausible wrong option that the article itself shows to be wrong; it never breaks a range
("9 to ___") nor overlaps the answer's. A term's false statement swaps a term of its kind
into the subject only: in an adjunct the swapped claim is unsaid rather than false. Advice
to the reader ("If you take ___ …") gets neither item: it holds of many things.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from questions.acceptance import needs_antecedent
from questions.antecedent import gives_away, unbracketed
from questions.build import Candidate, make, say_false
from questions.context import Context
from questions.facts import Fact
from questions.facts_keyterms import YEARS, names_whole
from questions.kinship import role_words, same_role
from questions.model import CLOZE_BLANK, Kind
from questions.nlp import VERB_TAGS, tag, variants
from questions.templates_gloss import is_plural
from questions.templates_structure import said_with_the
from questions.textutil import (
    PRONOUNS,
    capitalise,
    content_stems,
    decapitalise,
    digest,
    find_phrase,
    is_acronym,
    squash,
    words,
)
from questions.years import cited_years, plausible_years

SINGULAR_PRONOUNS = frozenset(["it", "this"])
PLURAL_PRONOUNS = frozenset(["they", "these"])
GAP = "___"


def plural_name(name: str) -> bool:
    last = name.split()[-1] if name.split() else ""
    if len(name.split()) == 1 and is_acronym(last):
        return False
    return last.casefold().endswith("s") and not last.casefold().endswith(("ss", "is", "us"))


def resolved(ctx: Context, fact: Fact) -> tuple[str, int] | None:
    """The sentence with a leading pronoun replaced by its entity's name, and how far the
    text after it moved; None if a leading pronoun cannot be resolved safely."""
    said = fact.unit.sentence.text
    tokens = tag(said)
    if not tokens or tokens[0].text.casefold() not in PRONOUNS:
        return said, 0
    entity = ctx.entity(fact)
    first = tokens[0].text.casefold()
    if entity is None or len(tokens) < 2 or tokens[1].tag not in VERB_TAGS:
        return None
    if first in ("this", "that") and words(said.casefold())[2:3] in (["why"], ["because"]):
        return None  # "This is why …": a clause before, not the section's thing
    wanted = PLURAL_PRONOUNS if plural_name(entity.name) else SINGULAR_PRONOUNS
    if first not in wanted:
        return None
    name = entity.short if is_acronym(entity.short) else entity.name
    if said_with_the(name, ctx.prose):
        name = f"The {decapitalise(name, ctx.doc.proper)}"  # "It is …" → "The troposphere is …"
    return name + said[tokens[0].end :], len(name) - tokens[0].end


def key_term(ctx: Context, fact: Fact) -> Iterator[Candidate]:
    found = resolved(ctx, fact)
    if fact.unit.antecedent is not None:
        if found is None or needs_antecedent(found[0]):
            yield from _carried_cloze(ctx, fact)
            return
        # Its entity resolves the pronoun: the sentence stands alone, and so does its source.
        fact = replace(fact, unit=replace(fact.unit, antecedent=None))
    if found is None:
        return
    text, shift = found
    start = int(fact.relation) + shift
    end = start + len(fact.answer)
    if text[start:end] != fact.answer:
        return  # the pronoun was the answer's own first word: nothing sensible to ask
    said = fact.unit.sentence.text
    prompt = either_article(text, (start, end)) + CLOZE_BLANK + text[end:]
    asked = _faq_question(ctx, fact) if shift == 0 else ""
    prompt = f"{asked} {prompt}" if asked else prompt
    yield make(ctx.doc, fact, Kind.CLOZE, prompt, fact.answer, said, accepted=variants(fact.answer))
    if fact.group.startswith("number:"):
        yield from _number_items(ctx, fact, text, (start, end))
    else:
        yield from _term_items(ctx, fact, text, (start, end))


def _faq_question(ctx: Context, fact: Fact) -> str:
    """The FAQ heading a cloze of its answer's first sentence is shown after ("How much
    caffeine is in coffee? A single shot of espresso contains roughly ___."): the question
    says what the answer is about. "" elsewhere, or where the heading gives the answer away."""
    section = ctx.doc.sections[fact.unit.section]
    heading = section.heading.text.strip() if section.heading is not None else ""
    first = ctx.doc.first_paragraph.get(fact.unit.section)
    if not heading.endswith("?") or first != fact.unit.sentence.start:
        return ""
    if _restates(heading, fact.unit.sentence.text):
        return ""  # "Were many lost in the war? Around ___ were killed in the war.": said twice
    if not LEANS_ON_HEADING_RE.match(fact.unit.sentence.text):
        return ""  # "Babbage began his first design …" stands alone: the heading is clutter
    return "" if gives_away(fact.answer, heading) else heading


# An answer that opens on what its question named: "The whitish coating is …", "It …".
LEANS_ON_HEADING_RE = re.compile(r"(?:The|This|These|Those|It|They|Its|Their|Such)\s+[a-z]")
RESTATED_SHARE = 0.6  # of a heading's content words its answer says: the answer stands alone


def _restates(heading: str, sentence: str) -> bool:
    """Does the answer's sentence say most of what its FAQ heading asks?"""
    asked = content_stems(heading)
    return bool(asked) and len(asked & content_stems(sentence)) >= RESTATED_SHARE * len(asked)


# "a"/"an" right before a blank: its sound would hint at the answer's first letter.
ARTICLE_BEFORE_RE = re.compile(r"(?<!\w)([Aa])n?(\s+[\"“‘']?)$")


def either_article(text: str, span: tuple[int, int]) -> str:
    """The text before the blank at ``span``; before a term the sentence names, its
    "a"/"an" written "a(n)", as a worksheet does ("a ball called a(n) ___"). Elsewhere the
    article stays, and the cloze gate refuses the hint."""
    before = text[: span[0]]
    if not names_whole(text, span):
        return before
    return ARTICLE_BEFORE_RE.sub(lambda m: f"{m.group(1)}(n){m.group(2)}", before)


def _carried_cloze(ctx: Context, fact: Fact) -> Iterator[Candidate]:
    """The cloze of a sentence that points back, after the sentence it points to
    (``questions.antecedent``); no other item: a pair with a part swapped reads oddly."""
    before, text = fact.unit.antecedent, fact.unit.sentence.text
    start = int(fact.relation)
    end = start + len(fact.answer)
    if before is None or text[start:end] != fact.answer:
        return
    whole = f"{before.text} {text}"
    shown = unbracketed(
        f"{either_article(text, (start, end))}{CLOZE_BLANK}{text[end:]}", keep=CLOZE_BLANK
    )
    prompt = f"{unbracketed(before.text)} {shown}"
    accepted = variants(fact.answer)
    yield make(ctx.doc, fact, Kind.CLOZE, prompt, fact.answer, whole, accepted=accepted)


def sibling_numbers(ctx: Context, fact: Fact, text: str) -> list[str]:
    """Other numbers of the answer's unit that this sentence does not state, distinct values;
    never the year of a citation (a publication's year, not an event's)."""
    seen = {_value_key(fact.answer)}
    out: list[str] = []
    stated = ctx.kinship.numbers(fact.group) if ctx.kinship else ()
    told = [
        f.answer for f in ctx.siblings(fact) if f.answer not in cited_years(f.unit.sentence.text)
    ]
    for value in told + list(stated):
        key = _value_key(value)
        if key not in seen and find_phrase(text, value) == -1:
            seen.add(key)
            out.append(value)
    return out


def _value_key(value: str) -> str:
    """One key for one value however it is written: "51°" and "51 degrees", "40%" and
    "40 percent" are one option."""
    text = re.sub(r"\s*°(?![CFK])", " degrees", in_digits(value))
    return squash(re.sub(r"\s*%|\s+per ?cent\b", " percent", text))


_SMALL = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60}
WORD_VALUES = {**{w: i for i, w in enumerate(_SMALL)}, **_TENS}
WORD_VALUE_RE = re.compile(rf"\b(?:{'|'.join(WORD_VALUES)})\b", re.I)


def in_digits(value: str) -> str:
    """ "two weeks" → "2 weeks": one value, however it is written, is one option."""
    return WORD_VALUE_RE.sub(lambda m: str(WORD_VALUES[m.group().casefold()]), value)


def _value(text: str) -> float | None:
    found = re.search(r"\d[\d,]*(?:\.\d+)?", text)
    return float(found.group().replace(",", "")) if found else None


NUMBER = r"\d[\d,]*(?:\.\d+)?"


def overlapping(answer: str, value: str) -> bool:
    """Do two values' ranges overlap ("5 minutes" inside "5–10 minutes")? Then the wrong
    one is not plainly wrong."""
    a = [float(n.replace(",", "")) for n in re.findall(NUMBER, in_digits(answer))]
    b = [float(n.replace(",", "")) for n in re.findall(NUMBER, in_digits(value))]
    return bool(a and b) and min(b) <= max(a) and min(a) <= max(b)


def in_range(before: str, value: str, after: str) -> bool:
    """Does ``value`` keep the order of a range around it ("9 to ___", "___–12")?"""
    number = _value(value)
    low = re.search(r"(\d[\d,.]*)\s*(?:to|–|-)\s*$", before)
    high = re.match(r"\s*(?:to|–|-)\s*(\d[\d,.]*)", after)
    if number is None:
        return True
    if low and (_value(low.group(1)) or 0) >= number:
        return False
    return not (high and (_value(high.group(1)) or 0) <= number)


def _number_items(
    ctx: Context, fact: Fact, text: str, span: tuple[int, int]
) -> Iterator[Candidate]:
    said = fact.unit.sentence.text
    # A wrong value keeps a range in order: not "9 to 7 days".
    before, after = text[: span[0]], text[span[1] :]
    role = role_words(before, after)
    roles = ctx.kinship.role if ctx.kinship else (lambda _: None)
    others = [
        o
        for o in sibling_numbers(ctx, fact, text)
        if in_range(before, o, after)
        and not overlapping(fact.answer, o)
        # "70 days" (an incubation time) is no option for how long leftovers keep
        and (fact.group == YEARS or same_role(role, roles(o)))
    ]
    if fact.group == YEARS:  # no option the stem's own years rule out, none of another era
        body = ctx.kinship.numbers(YEARS) if ctx.kinship else ()
        others = plausible_years(fact.answer, others, before + " " + after, body)
        others = [o for o in others if _near_partner(fact.answer, o, before, after)]
        if APPROXIMATE_RE.search(before):  # "around ___": 1901 is around 1900 as well
            others = [o for o in others if not near_year(fact.answer, o)]
    else:  # "70-85 psi" beside "5-10 psi" stands out: options of one shape and size
        others = [o for o in others if _comparable(fact.answer, o)]
    if len(others) >= 2:
        masked = text[: span[0]] + GAP + text[span[1] :]
        yield make(
            ctx.doc,
            fact,
            Kind.MULTIPLE_CHOICE,
            f"Which value completes the article's sentence: “{masked}”",
            fact.answer,
            said,
            distractors=_rotated(others, fact.id)[:3],
        )
    if no_claim(text) or fact.group == YEARS:
        return  # advice is not true or false; a swapped year reads as an anachronism
    yield _number_statement(ctx, fact, text, span, others)


# "between ___ and 2012", "from 1829 to ___": the year the answer is paired with.
PARTNER_AFTER_RE = re.compile(r"^\s*(?:and|to|–|-)\s*(\d{3,4})\b")
PARTNER_BEFORE_RE = re.compile(r"\b(\d{3,4})\s*(?:and|to|–|-)\s*$")


def _near_partner(answer: str, other: str, before: str, after: str) -> bool:
    """In a span of years ("between ___ and 2012"), a wrong year no farther from the
    partner than twice the answer is, or twenty years: 1829 is no option for 2007."""
    partner = PARTNER_AFTER_RE.match(after) or PARTNER_BEFORE_RE.search(before)
    if partner is None or not (answer.isdigit() and other.isdigit()):
        return True
    year = int(partner.group(1))
    return abs(int(other) - year) <= max(20, 2 * abs(int(answer) - year))


APPROXIMATE_RE = re.compile(
    r"\b(?:about|around|roughly|approximately|nearly|almost|c\.|circa|some)\s*$", re.I
)
NEAR_YEARS = 5  # years within this of an approximate year are no clearly wrong option


def near_year(answer: str, other: str) -> bool:
    if not (answer.isdigit() and other.isdigit()):
        return False
    return abs(int(answer) - int(other)) <= NEAR_YEARS


def _number_statement(
    ctx: Context, fact: Fact, text: str, span: tuple[int, int], others: list[str]
) -> Candidate:
    """The sentence as a true/false item; every other one of a unit's numbers (alternating,
    so a pair of numbers gives one false item) with a close value swapped in. Not when the
    sentence holds another number ("331 m/s … 343 / 440", "30 cm (12 inches)"): the swap
    would contradict the rest of its own sentence, false by arithmetic, not by the article."""
    said = fact.unit.sentence.text
    close = [o for o in others if _same_order(fact.answer, o)]
    alone = len(re.findall(NUMBER, text)) == 1
    if ctx.positions.get(fact.id, 0) % 2 == 0 and close and alone:
        other = close[int(digest(fact.id, "swap", length=4), 16) % len(close)]
        claim = text[: span[0]] + other + text[span[1] :]
        return make(ctx.doc, fact, Kind.TRUE_FALSE, claim, "False", said)
    return make(ctx.doc, fact, Kind.TRUE_FALSE, text, "True", said)


def _rotated(values: list[str], key: str) -> list[str]:
    """The unit's other values from a point fixed by the fact: each question of a unit gets
    its own three wrong values, not the same three every time."""
    if len(values) <= 3:
        return values
    start = int(digest(key, "options", length=4), 16) % len(values)
    return values[start:] + values[:start]


OPTION_FACTOR = 5  # a wrong value more than this many times off the answer is a giveaway


def _comparable(answer: str, other: str) -> bool:
    """Is ``other`` an option of the answer's shape (both ranges or both single values)
    and size (within ``OPTION_FACTOR``)? A value that is no number passes."""
    if len(re.findall(NUMBER, in_digits(answer))) != len(re.findall(NUMBER, in_digits(other))):
        return False
    a, b = _value(in_digits(answer)), _value(in_digits(other))
    if a is None or b is None or a <= 0 or b <= 0:
        return True
    return max(a, b) <= OPTION_FACTOR * min(a, b)


def _same_order(answer: str, other: str) -> bool:
    """A false value within a factor of five of the true one ("children 60 years of age"
    for "2 years" is false by common sense, not by the article) and a tenth away from it
    at least ("72 km/s" for "around 71 km/s" is still true, audit 21)."""
    if len(re.findall(NUMBER, in_digits(answer))) != len(re.findall(NUMBER, in_digits(other))):
        return False  # a range for a single value ("3 to 11 years of age and older")
    a, b = _value(in_digits(answer)), _value(in_digits(other))
    if a is None or b is None or a <= 0 or b <= 0:
        return False
    # "around 71 km/s" swapped for 72 is true enough: a false value differs by a tenth
    return 1.1 * min(a, b) <= max(a, b) <= 5 * min(a, b)


def _verb_after(rest: str) -> str:
    """The tag of the word after a subject's span when it is a present verb ("causes" VBZ,
    "cause" VBP), else "": the number the sentence gives its subject."""
    tokens = tag(rest.strip())
    return tokens[0].tag if tokens and tokens[0].tag in ("VBZ", "VBP") else ""


def is_advice(text: str) -> bool:
    """A sentence to the reader ("you", "your") or an instruction (it opens with a verb)."""
    tokens = tag(text)
    second = any(t.text.casefold() in ("you", "your") for t in tokens)
    return second or bool(tokens and tokens[0].tag == "VB") or bool(COMMAND_RE.match(text))


COMMAND_RE = re.compile(r"(?:do not|don['’]t|never|always|avoid|make sure)\b", re.I)
OBLIGATION_RE = re.compile(r"\b(?:should|must)\b", re.I)


def no_claim(text: str) -> bool:
    """Advice, or what someone should or must do: neither true nor false as a statement."""
    return is_advice(text) or bool(OBLIGATION_RE.search(text))


def _cased(ctx: Context, term: str, answer: str) -> str:
    """``term`` written as the answer is: capitalised at a sentence's start, else lower
    case unless it is a name."""
    if answer[:1].isupper() and not is_acronym(answer.split()[0]):
        return capitalise(term)
    return decapitalise(term, ctx.doc.proper)


def _names_one(ctx: Context, term: str) -> bool:
    """Does the term hold a proper name before its head ("Aletsch Glacier", "Malaspina
    glaciers"; not "valley Glacier", whose head took the answer's capital)?"""
    return any(w[:1].isupper() and w in ctx.doc.proper for w in words(term)[:-1])


def _term_items(ctx: Context, fact: Fact, text: str, span: tuple[int, int]) -> Iterator[Candidate]:
    """The sentence as a true/false item, false with a term of its kind
    (``questions.kinship``) swapped in. No "Which term completes …" choice among such terms:
    blind reviewers accepted 5 of 26 (rounds 8-29): a term of the same head noun is too
    often plainly foreign to the sentence or true as well ("valley glaciers" / "mountain
    glaciers")."""
    said = fact.unit.sentence.text
    if is_advice(text):
        return  # "If you take ___, …": advice holds of many things, none of them false
    named = _names_one(ctx, fact.answer)
    kin = [  # "Aletsch Glacier" is one glacier, never an option among kinds ("aletsch glaciers")
        _cased(ctx, term, fact.answer)
        for term in ctx.kin(fact, fact.answer)
        if _names_one(ctx, term) == named
    ]
    if not kin:
        return
    # Only a subject swapped is contradicted by the article ("Neap tides happen when …");
    # another term in an adjunct ("the commonest form in ___ plants") is merely unsaid.
    if OBLIGATION_RE.search(text):
        return  # what one should do is neither true nor false
    if content_stems(fact.answer) & content_stems(text[: span[0]] + " " + text[span[1] :]):
        return  # "Peripheral neuropathies … peripheral nerves": true by its words, any swap odd
    verb = _verb_after(text[span[1] :])
    agree = [  # "Nerve cells causes": a swap must agree with the sentence's own verb
        k
        for k in kin
        if is_plural(k) == is_plural(fact.answer) and verb not in ("VBZ" if is_plural(k) else "VBP")
    ]
    if say_false(fact) and agree and re.fullmatch(r"(?:(?:The|A|An)\s)?", text[: span[0]]):
        other = agree[int(digest(fact.id, "swap", length=4), 16) % len(agree)]
        claim = text[: span[0]] + other + text[span[1] :]
        yield make(ctx.doc, fact, Kind.TRUE_FALSE, claim, "False", said)
    else:
        yield make(ctx.doc, fact, Kind.TRUE_FALSE, text, "True", said)

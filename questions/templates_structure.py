"""Questions on facts read off the page's structure (``facts_structure``): table cells and
glossary entries, whose sibling groups (a table's column, a glossary's terms) give multiple
choice and false true/false items of the answer's kind.

A table cell is asked as a person would ask it without the table: "What is the chemical
symbol of potassium?", only when the column header is a short noun phrase and the row's key
names a thing; other cells are not asked. Its wrong options are the other rows' cells of
the column, taken from the next row on, so each row has its own. Yes/no cells are not
asked: a two-valued answer is a guess, not a fact to learn. A glossary entry is
asked both ways, its definition quoted, since glossary definitions are fragments.
A false statement always swaps in a sibling's value that differs from this fact's own.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache

from lemminflect import getAllLemmas

from questions.build import Candidate, make, pick_distractors, say_false
from questions.context import Context
from questions.facts import Fact
from questions.facts_attributes import MONTHS
from questions.kinship import kind_of
from questions.model import Kind
from questions.nlp import (
    FINITE_VERB,
    NOT_NP_FIRST,
    NOUN_TAGS,
    RELATIVE,
    Token,
    is_noun_phrase,
    plural,
    singular,
    tag_of,
    tag_phrase,
)
from questions.rarity import zipf
from questions.tables import CELL_SEP, COMPARISON_KEYS
from questions.textutil import (
    capitalise,
    contains_phrase,
    decapitalise,
    indefinite,
    spaced_words,
    squash,
    stem,
    words,
)

ROOT = 5  # letters two words of one root share: "deflat-ion", "deflat-ing"
GLOSSARY_WINDOW = 100  # a glossary is alphabetical: terms of one kind lie far apart
# Nouns that name a property of a thing, as in "the ___ of X" (general English).
_ATTRIBUTE_WORDS = """
cause symptom sign treatment effect function role source symbol formula group value color
colour size weight mass length height width depth age range level rate speed charge unit
origin location site use purpose meaning definition example feature property risk outcome
result date year period duration frequency prevalence incidence survival onset inheritance
gene protein structure shape state stage method test complication mechanism action target
time dose dosage region area habitat diet distance temperature pressure density capital
population language author inventor discoverer product name
"""
ATTRIBUTE_NOUNS = frozenset(_ATTRIBUTE_WORDS.split())
ABSTRACT_ENDINGS = ("tion", "sion", "ment", "ity", "ence", "ance", "ness", "ure", "ism")
MAX_HEADER = 8
ATTRIBUTE_TAGS = frozenset(["NN", "NNS", "JJ", "CD", "NNP"])
# Key column headers that say nothing of what a row is: "Which name has …?" is no question.
GENERIC_KEYS = frozenset(["name", "item", "type", "term", "thing", "entry", "kind", "category"])
# A cell's first word that says the row has no value: general English, not one table's.
NO_VALUE = frozenset(["varies", "variable", "various", "unknown", "n/a", "none", "depends"])
BINARY = frozenset(["yes", "no", "y", "n", "true", "false", "✓", "✗", "x", "+", "-", "–"])


def _others(ctx: Context, fact: Fact, of: str, size: int = 12) -> list[str]:
    """Distinct sibling values (``of`` = "answer") or names ("subject") unlike this fact's."""
    seen = {squash(getattr(fact, of)), squash(fact.answer if of == "subject" else fact.subject)}
    out: list[str] = []
    for other in ctx.siblings(fact, size):
        value = getattr(other, of)
        if squash(other.answer) == squash(fact.answer) or squash(value) in seen:
            continue  # a sibling with the same value is not a wrong option
        seen.add(squash(value))
        out.append(value)
    return out


# Attributes a row has one of among many: "an example of a valley glacier", not "the".
COUNTED_GAP = 0.5  # a plural less than this much rarer (Zipf) than its singular: counted
ADJECTIVE_TAGS = frozenset(["JJ", "JJR", "JJS"])
ONE_OF_MANY = frozenset(["example", "instance", "case", "type", "kind"])


# A column that holds any row's value, not one attribute: its rows are the attributes.
_GENERIC_ATTRIBUTE_WORDS = "value values detail details note notes description data figure"
GENERIC_ATTRIBUTES = frozenset(_GENERIC_ATTRIBUTE_WORDS.split())


def table_cell(ctx: Context, fact: Fact) -> Iterator[Candidate]:
    if squash(fact.answer.split(",")[0]) in BINARY:
        return  # "Yes", "No", "Yes, bulbar region": a guess, not a fact to learn
    if words(fact.answer)[:1] and words(fact.answer)[0].casefold() in NO_VALUE:
        return  # "Varies widely", "Unknown": the row has no value to learn
    attribute = attribute_name(fact.relation)
    if attribute and attribute[0].split()[-1].casefold() in GENERIC_ATTRIBUTES:
        return  # "Measurement | Typical value": "the typical value of length" names no one
    row = joined(of_its_kind(ctx, fact, table_row_name(ctx, fact)))
    if not attribute or not is_noun_phrase(fact.subject) or fact.subject[:1].isdigit():
        return  # "Plasma", "Median survival (years)": no stem a person would write
    said, be = fact.unit.sentence.text, "are" if attribute[1] else "is"
    of = "for" if " of " in attribute[0] else "of"  # not "the time of onset of ALS"
    frame = caption_frame(ctx, fact)
    one_of_many = singular(attribute[0].split()[-1]) in ONE_OF_MANY  # "Famous example"
    ordinal = ordinal_row(ctx, fact)
    if ordinal is None:
        return
    row = ordinal or counted(ctx, row, one_of_many)
    # "an example of a caldera", "examples of …": one of many, never "the example(s)".
    named = f"the {attribute[0]}"
    if one_of_many:  # "an example of", "a famous example of", "examples of"
        named = attribute[0] if attribute[1] else indefinite(attribute[0])
    stem = capitalise(f"{frame}what {be} {named} {of} {row}?")
    yield make(ctx.doc, fact, Kind.FLASHCARD, stem, fact.answer, said)
    values = rotated(ctx, fact, _others(ctx, fact, "answer"), fact.answer)
    yield make(ctx.doc, fact, Kind.MULTIPLE_CHOICE, stem, fact.answer, said, distractors=values[:3])
    yield from _which_row(ctx, fact, attribute[0], frame)
    if _adverbial(fact.answer):
        return  # "The main risk of OPV is very rarely, vaccine-derived poliovirus": no claim
    false = say_false(fact) and bool(values)
    claim = _inline(ctx, values[0] if false else fact.answer)
    prompt = capitalise(f"{frame}{named} {of} {row} {be} {claim}.")  # "An example of …"
    yield make(ctx.doc, fact, Kind.TRUE_FALSE, prompt, "False" if false else "True", said)


def _adverbial(value: str) -> bool:
    """Does a cell open with an adverb ("Very rarely, …", "Usually …")? It then reads after
    "is" as no statement."""
    first = tag_phrase(value.casefold())[:1]
    return bool(first) and first[0].tag.startswith("RB")


_ORDINAL_WORDS = "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth"
ORDINALS = frozenset(_ORDINAL_WORDS.split())
ORDINAL_RE = re.compile(r"(?:\d+(?:st|nd|rd|th)|" + "|".join(_ORDINAL_WORDS.split()) + ")")


def ordinal_row(ctx: Context, fact: Fact) -> str | None:
    """A row keyed by an ordinal ("Fifth") named with its key column's noun: "the fifth
    order", never "of fifth"; "" when the key is no ordinal; None for an ordinal row
    without a key noun to name it, which no stem can name."""
    if not ORDINAL_RE.fullmatch(fact.subject.casefold()):
        return ""
    kind = row_kind(ctx, fact)
    return f"the {fact.subject.casefold()} {kind}" if kind else None


def ordinal_rank(name: str) -> int:
    """1 for "First" or "1st", …; 0 for a name that is no ordinal."""
    low = name.casefold()
    if low[:1].isdigit():
        return int(re.sub(r"\D", "", low) or 0) if ORDINAL_RE.fullmatch(low) else 0
    return _ORDINAL_WORDS.split().index(low) + 1 if low in ORDINALS else 0


def nearest_ranks(names: list[str], key: str) -> list[str]:
    """Ordinal options nearest the key's rank first: "Fourth", "Fifth" beside "Sixth", never
    "First" … "Third", which leave the key the odd one out of a run."""
    rank = ordinal_rank(key)
    if not rank:
        return names
    return sorted(names, key=lambda n: (abs(ordinal_rank(n) - rank), ordinal_rank(n)))


def _which_row(ctx: Context, fact: Fact, attribute: str, frame: str) -> Iterator[Candidate]:
    """ "Which order has piers … as its typical use?", "Which cell type has the lowest
    relative endurance?" (a superlative cell reads before the attribute); no question on a
    comparative cell ("Higher"), which says nothing without the row it is compared with."""
    kind = row_kind(ctx, fact) or "of these"  # the options say what "these" are
    tags = [t.tag for t in tag_phrase(fact.answer.casefold())]
    if tags == ["JJR"] or (len(tags) > 1 and tags[0] == "JJ"):
        return  # "Higher"; "colourless, transparent": no "has … as its colour" reads
    if ";" in fact.answer or any(t in FINITE_VERB for t in tags):
        return  # "took about 19 years of work; never reached …": a clause, no "has … as its"
    if tags[:1] and tags[0] in ("IN", "TO", "RB"):
        return  # "from 1238", "mostly 1350s": no "has from 1238 as its date" reads
    value = _inline(ctx, fact.answer)
    has = f"has {value} as its {attribute}"
    if tags in (["JJS"], ["JJ"]):
        has = f"has {'the ' if tags == ['JJS'] else ''}{fact.answer.casefold()} {attribute}"
    names = rotated(ctx, fact, _others(ctx, fact, "subject"), fact.subject)
    yield make(
        ctx.doc,
        fact,
        Kind.MULTIPLE_CHOICE,
        capitalise(f"{frame}which {kind} {has}?"),
        fact.subject,
        fact.unit.sentence.text,
        variant="reverse",
        accepted=fact.accepted,
        distractors=nearest_ranks(names, fact.subject)[:3],
    )


def counted(ctx: Context, row: str, kind: bool = False) -> str:
    """A row's lower-case key with "a"/"an" where the article counts it ("a cirque glacier":
    it writes "cirque glaciers" too), bare where it does not ("sodium": "a sodium ion" says
    nothing of sodium's number). A row that ``kind`` says has examples is a kind: counted.
    A row the article names with "the" ("the troposphere") takes it."""
    last = row.rsplit(" ", 1)[-1]
    plain = row.replace(" ", "").replace("-", "").isalpha()  # "hot-air balloon" is plain
    if not last[:1].islower() or singular(last) != last or not plain:
        return row  # "Pit 1", "Aqua Claudia"; a name ending in a common noun is counted
    if not row[:1].islower() and not kind:
        return row  # "Rozière balloon" takes "a" only as "an example of a Rozière balloon"
    said = spaced_words(ctx.doc.text)
    head = row.rsplit(" ", 1)
    many = " ".join([*head[:-1], plural(head[-1])])
    # counted where the article writes its plural, or English does often ("weather balloons")
    common = (
        " and " not in row and zipf(plural(last.casefold())) > zipf(last.casefold()) - COUNTED_GAP
    )
    counted_here = many != row and (kind or common or f" {many.casefold()} " in said)
    if counted_here:
        return indefinite(row)
    return f"the {row}" if said_with_the(row, ctx.prose) else row  # "the troposphere"


def said_with_the(name: str, said: str) -> bool:
    """Does the prose (``Context.prose``) write ``name`` after "the" at least half the times
    it writes it ("the troposphere"; not "salt" beside "the salt works")?"""
    key = f" {name.casefold()} "
    return said.count(f" the{key}") * 2 >= max(1, said.count(key))


KIND_KEYS = frozenset(["type", "kind", "class", "category", "variety", "form", "sort"])
# "Types of extinguisher", "Common kinds of glaciers": the heading names what a row is a type of.
TYPES_OF_RE = re.compile(
    r"\b(?:types|kinds|classes|categories|varieties|forms|sorts) of (?:the |an? )?([a-z][\w -]*)$",
    re.IGNORECASE,
)


def of_its_kind(ctx: Context, fact: Fact, row: str) -> str:
    """A row named only by its type ("Water", "Foam (AFFF)") under a key column "Type" and a
    heading "Types of extinguisher" is a type of that thing: "water extinguisher". Not in a
    table one of whose rows names the thing itself ("Cirque glacier" beside "Ice cap"):
    there each row is a thing's whole name."""
    header = ctx.doc.table_header.get(fact.unit.line.start)
    key = header.text.split(CELL_SEP)[0].strip().casefold() if header else ""
    match = TYPES_OF_RE.search(ctx.doc.section_name(fact.unit.section).strip())
    if singular(key) not in KIND_KEYS or match is None:
        return row
    thing = match.group(1).strip().casefold().split()
    head = singular(thing[-1]) if thing else ""
    bare = re.sub(r"\s*\([^)]*\)", "", row).strip()
    rows = [f.subject for f in ctx.groups.get(fact.group, [])] or [row]
    if not head or any(head in (singular(w.casefold()) for w in words(r)) for r in rows):
        return row
    return f"{bare} {' '.join([*thing[:-1], head])}"


def joined(items: str) -> str:
    """A cell's list as a sentence writes it: "peaches, pears, apples" → "peaches, pears and
    apples" (a list that already says "and"/"or", or holds one comma, stays)."""
    parts = [p.strip() for p in items.split(",")]
    if len(parts) < 3 or any(not p or re.search(r"\b(?:and|or)\b", p) for p in parts):
        return items
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def table_row_name(ctx: Context, fact: Fact) -> str:
    """``row_name``, except in a column of names: where most rows keep their capital
    ("Neckar", "Aare", "Moselle"), the rest are names too ("Main", "Ill"), not "main"."""
    name = row_name(ctx, fact.subject)
    if name == fact.subject or not all(w[:1].isupper() for w in fact.subject.split()):
        return name
    keys = [fact.subject, *_others(ctx, fact, "subject")]
    if not all(all(w[:1].isupper() for w in key.split()) for key in keys):
        return name  # "Primary rainbow" beside "Fogbow": the table's capitals are its style
    kept = sum(row_name(ctx, key) == key for key in keys)
    return fact.subject if 2 * kept >= len(keys) else name


def row_name(ctx: Context, key: str) -> str:
    """A row's key as it reads inside a stem: a common noun in lower case ("Salt" → "salt",
    though a name such as "Old Salt Route" put "Salt" among the page's proper words, since
    the article also writes "salt"), a name as written ("Campylobacter", "Pit 1")."""
    first = key.split(" ", 1)[0]
    lower = first.casefold()
    if re.fullmatch(r"[A-Z][a-z]+ \d+[A-Za-z]?", key):
        return key  # "Pit 3", "Apollo 11": a name with its number
    if any(c.isdigit() for c in key) or lower == first:
        return decapitalise(key, ctx.doc.proper)
    if any(w[:1].isupper() for w in key.split()[2:]) and " of " in key:
        return _named_place(key)  # "Palace of the Lions", "Court of Charles V": one name
    if lower in lower_case_words(ctx.doc.text):
        return decapitalise(key, ctx.doc.proper - {first})
    titled = all(w[:1].isupper() for w in key.split())  # not "Leukotriene receptor antagonist"
    if titled and first.isalpha() and zipf(lower) < NAME_ZIPF:
        return key  # "Vercovicium": a name the page writes only in its table, never in lower case
    return decapitalise(key, ctx.doc.proper)


def _named_place(key: str) -> str:
    """A name "<Noun> of <Name>" read in a sentence: "the Palace of the Lions"."""
    return key if key.startswith("The ") else f"the {key}"


NAME_ZIPF = 2.0  # a capitalised word rarer than this, never written in lower case, is a name


@lru_cache(maxsize=4)
def lower_case_words(text: str) -> frozenset[str]:
    """The words ``text`` writes in lower case, once per article (not per table row)."""
    return frozenset(w for w in words(text) if w.islower())


_FRAME_RE = re.compile(r"\b(?:of|in)\s+((?:the\s+)?[\w][\w\s'’-]*)$")


def caption_frame(ctx: Context, fact: Fact) -> str:
    """ "In Hanseatic trade, " from the caption right above a row's table ("Main
    commodities of Hanseatic trade"): a table's values hold within what its caption names,
    and a stem without it is open ("the main source of herring" today?). Nothing when the
    table has no caption, or the caption's frame is the article's own topic (its title:
    "Main pits of the Terracotta Army"), which the deck's name already gives."""
    header = ctx.doc.table_header.get(fact.unit.line.start)
    if header is None:
        return ""
    index = bisect.bisect_left(ctx.doc.lines, header.start, key=lambda line: line.start)
    caption = ctx.doc.lines[index - 1] if index > 0 else None
    if caption is None or caption.kind != "noise" or header.start - caption.end > 2:
        return ""  # a line of its own, apart from the table: not its caption
    match = _FRAME_RE.search(caption.text)
    if not match:
        return ""
    frame = match.group(1).strip()
    topic = re.sub(r"^the\s+", "", frame, flags=re.IGNORECASE).casefold()
    if not topic or topic in ctx.doc.title.casefold() or len(words(frame)) > 4:
        return ""
    return f"In {frame}, "


def attribute_name(header: str) -> tuple[str, bool] | None:
    """A column header as the noun of "What is the ___ of X?" and whether it is plural:
    a noun phrase of at most four words naming a property ("Chemical symbol", "C2 group",
    "Median survival time from start of symptoms"); None for anything else ("Plasma",
    "Present?", "2019")."""
    tokens = tag_phrase(header)
    plain = header.replace(" ", "").replace("-", "").isalnum()
    if not tokens or len(tokens) > MAX_HEADER or not plain:
        return None
    cut = next((i for i, t in enumerate(tokens) if t.tag in ("IN", "TO")), len(tokens))
    head_part = tokens[:cut]
    if not 0 < len(head_part) <= 4 or head_part[-1].tag not in ("NN", "NNS"):
        return None
    if any(t.tag not in ATTRIBUTE_TAGS for t in head_part):
        return None  # the words after a preposition qualify it: "from start of symptoms"
    head = singular(head_part[-1].text.casefold())
    if head not in ATTRIBUTE_NOUNS and not head.endswith(ABSTRACT_ENDINGS):
        return None  # "Plasma", "Urine": where a value was measured, not what it is of
    first = header.split()[0]
    named = any(c.isdigit() for c in first) or first.isupper()  # "C2 group", "DNA content"
    return (header if named else decapitalise(header, frozenset())), head_part[-1].tag == "NNS"


def row_kind(ctx: Context, fact: Fact) -> str:
    """The table's key column header, if it names the kind of thing each row is
    ("Electrolyte", "Condition"); "" for a generic one ("Name", "Type") or none."""
    header = ctx.doc.table_header.get(fact.unit.line.start)
    if header is None:
        return ""
    key = header.text.split(CELL_SEP)[0]
    tokens = tag_phrase(key.casefold())  # a capitalised header is no name
    if not 0 < len(tokens) <= 3 or tokens[-1].tag != "NN" or key.casefold() in GENERIC_KEYS:
        return ""  # a plural, a phrase, "Name": not "Which ___ has …?"
    if singular(key.strip().casefold()) in COMPARISON_KEYS:
        return ""  # "Feature | IPV | OPV": the rows are properties, the columns the things
    if any(t.tag not in ATTRIBUTE_TAGS for t in tokens) or not key.replace(" ", "").isalpha():
        return ""
    return decapitalise(key, frozenset())


def rotated(ctx: Context, fact: Fact, others: list[str], answer: str) -> list[str]:
    """``others`` from the row after this fact's on, going round, keeping those of a length
    like the answer's first: each row gets its own wrong options, never the same three."""
    if not others:
        return []
    shift = ctx.positions.get(fact.id, 0) % len(others)
    numeric = _numeric(answer)
    order = [o for o in others[shift:] + others[:shift] if _numeric(o) == numeric]
    near = [o for o in order if _alike_in_length(o, answer)]
    return near + [o for o in order if o not in near]


def _inline(ctx: Context, value: str) -> str:
    """A cell as it reads inside a sentence: "No change in survival" → "no change …";
    symbols and names ("K+", "Ca++", "Mostly Plants" of a proper name) stay as written."""
    value = joined(value)
    parts = value.split()
    if len(parts) > 1 and parts[1][:1].islower() and parts[0][1:].islower():
        return decapitalise(value, ctx.doc.proper)
    if len(parts) == 1 and tag_of(value.casefold(), value.casefold()) in ADJECTIVE_TAGS:
        return value.casefold()  # "Lowest", "High": an adjective cell, no name
    return value


def _numeric(text: str) -> bool:
    """A value that counts or measures ("2–5 years"), not a formula ("HCO3-")."""
    return re.search(r"\d", text) is not None and re.search(r"[A-Za-z]\d", text) is None


def _alike_in_length(option: str, answer: str) -> bool:
    return abs(len(option) - len(answer)) <= max(8, len(answer) // 2)


def glossary_entry(ctx: Context, fact: Fact) -> Iterator[Candidate]:
    """The term of a quoted definition (flashcard and multiple choice), and a true/false
    item pairing the term with its own or a sibling's definition."""
    said, meaning = fact.unit.sentence.text, decapitalise(fact.answer, ctx.doc.proper)
    stem = f"Which term does the article define as “{meaning}”?"
    term = capitalise(fact.subject)
    person = names_a_person(fact.subject)  # "Renoir" is no term: asked "Who was …?" instead
    if not person and not root_shared(fact.subject, fact.answer):  # else the meaning names it
        # A definition that spells a part of the term ("trees" for Treeline) is asked only
        # among terms it spells as well ("price" for three price terms).
        yield from _glossary_term(ctx, fact, stem, term, spells_term(fact.subject, fact.answer))
    other = _false_definition(ctx, fact)
    if not other:
        return  # with no false twin this form would always be true: its wording answers it
    # Alternate along the glossary, so that its statements are false and true by turns.
    false = other if ctx.positions.get(fact.id, 0) % 2 == 0 else ""
    claim = decapitalise(false, ctx.doc.proper) if false else meaning
    prompt = f"The article defines “{fact.subject}” as “{claim}”."
    yield make(ctx.doc, fact, Kind.TRUE_FALSE, prompt, "False" if false else "True", said)


# Where a definition's own clause may start: after them a verb belongs to a relative clause.
_CLAUSE_OPENERS = frozenset(["WDT", "WP", "WP$", "WRB", "TO"])
_OBJECT_START = frozenset(["DT", "PRP$", "PRP"])


def defines_a_thing(term: str, meaning: str) -> bool:
    """Is a glossary line a named term with a definition that reads as a noun phrase ("a
    tight knot of very small blood vessels", "abnormally low muscle tone …") or starts
    with "to" (a verb's meaning)? A revision sheet's notes are no definition: a place
    ("Stage clips - underneath the stage") or an instruction ("Fine focus - turn it slowly").
    "Keep bones healthy — they convert …", "Kidneys —
    filter the blood" (a verb phrase) and "Peritoneal dialysis — a special fluid is run
    into …" (a clause) make no card. The tagger's errors at a phrase's start ("stem/VB
    cell", "stepwise/RB increase") are common, so only a verb phrase's evidence counts."""
    if not names_a_thing(term) or not any(w[:1].isalpha() for w in words(meaning)):
        return False  # "Helpline: 0303 3033 100": a contact line
    if meaning.casefold().startswith(term.casefold()):
        return False  # "Smoking - smoking roughly doubles your risk": a claim about it
    tokens = tag_phrase(meaning)
    if _a_value(meaning, tokens) or tag_phrase(term)[-1:][0].tag in ("VBN", "VBD"):
        return False  # an infobox's "Tuning: G3, D4, A4, E5", "Developed: Early 16th century"
    if _a_person(term) or _states_a_step(tokens):
        return False  # "Johannes Kepler – first explained …"; "Take-off – a few burns make …"
    if not tokens or tokens[0].tag == "TO":
        return bool(tokens)
    first = tokens[0]
    if first.tag in ("PRP", "EX") or first.text.casefold() in NOT_NP_FIRST:
        return False  # "they convert …", "there is …", "but not …"
    if first.tag == "IN" or _imperative(tokens):
        return False  # a note: where it is ("underneath the stage"), what to do ("turn slowly")
    verb_first = first.tag in FINITE_VERB or (len(tokens) > 1 and tokens[1].tag in _OBJECT_START)
    if verb_first and _can_be_verb(first.text):
        return False  # "filter the blood", "describes a substance": a verb before its object
    inside = False  # past a preposition: "the price a buyer is willing …" is the object's
    for prev, token, after in zip(tokens, tokens[1:], [*tokens[2:], None], strict=False):
        if token.tag in _CLAUSE_OPENERS or token.text.casefold() in RELATIVE:
            return True
        inside = inside or token.tag == "IN"
        if not inside and _finite(prev, token, after):
            return False  # "a special fluid is run …"
        if _hidden_verb(prev, token, after):
            return False  # "tubules from many nephrons drain into …"
    return True


VALUE_WORDS = 6  # an infobox value with a number is short: "about 356 mm (14 in)"
SURNAME_ZIPF = 3.5  # "Kepler" 2.4, "Wald" 2.6 are surnames; "Road" 5.2, "Line" 5.5 are not
# A person's name as a glossary's term: "Johannes Kepler", "George Wald" (not "Mach number").
PERSON_RE = re.compile(
    r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?: [A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,2}(?: \(\d{4}\))?"
)


# "Richard Neville, Earl of Warwick", "Henry Tudor (Henry VII)": a person with a title.
TITLED_RE = re.compile(
    r",\s+(?:\d+(?:st|nd|rd|th)\s+)?(?:Earl|Duke|Duchess|Count|Countess|Lord|Lady|Baron|"
    r"Marquess|King|Queen|Prince|Princess|Bishop|Archbishop)\b.*$"
)
TITLE_FIRST_RE = re.compile(
    r"^(?:King|Queen|Sir|Dame|Lord|Lady|Saint|Pope|Emperor|Empress)\s+[A-Z]"
)


def names_a_person(term: str) -> bool:
    """Is a glossary's or a list's term a person ("Johannes Kepler", "Richard Neville, Earl
    of Warwick", "Henry Tudor (Henry VII)", "King Edward IV", "Margaret of Anjou"), not a
    thing named after one ("Aqua Appia (312 BC)")?"""
    term = term.strip()
    bracket = re.search(r"\s*\(([^)]*)\)", term)
    if bracket and not PERSON_BRACKET_RE.fullmatch(bracket.group(1)):
        return False  # "(312 BC)", "(AFFF)": a date or a label, not a person's
    bare = re.sub(r"\s*\([^)]*\)", "", term)
    titled = TITLED_RE.sub("", bare).strip()
    given_of = re.fullmatch(r"([A-Z][a-z]+) of [A-Z][a-z]+", titled)
    if given_of and not getAllLemmas(given_of.group(1).casefold()):
        return True  # "Margaret of Anjou": a given name English has no lemma for; not "Act of"
    if TITLE_FIRST_RE.match(titled) or (titled != bare and PERSON_RE.fullmatch(titled)):
        return True  # "King Edward IV"; "Richard Neville, Earl of Warwick"
    if PLACE_FIRST_RE.match(titled):
        return False  # "Mount Vesuvius", "Lake Baikal"
    if bracket and not bracket.group(1).isdigit():  # life dates, a regnal name
        return PERSON_RE.fullmatch(titled) is not None
    return _a_person(titled) if bracket else _a_person(term)


PLACE_FIRST_RE = re.compile(r"(?:Mount|Lake|River|Cape|Port|Fort|Isle|Gulf|Bay|Loch)\s")
# What a person's name has in brackets: life dates "(1841–1919)", a regnal name "(Henry VII)".
PERSON_BRACKET_RE = re.compile(r"(?:c\. )?\d{4}(?:\s*[–-]\s*\d{4})?|[A-Z][a-z]+ [IVX]+")


def _a_person(term: str) -> bool:
    """ "Johannes Kepler (1604)", "George Wald": capitalised words ending in a rare one (a
    surname), not "Silk Road" or "Saffir-Simpson Scale", whose last word is everyday."""
    if not PERSON_RE.fullmatch(term):
        return False
    last = re.sub(r"\s*\(\d{4}\)$", "", term).split()[-1]
    return zipf(last.casefold()) < SURNAME_ZIPF


def _states_a_step(tokens: tuple[Token, ...]) -> bool:
    """A clause, not a noun phrase: a verb before any relative word ("a few more burns
    make/VB …", "the pilot fires/NNS the burner …", "first explained that …") or an
    adverb before a participle ("traditionally woven from wicker")."""
    if len(tokens) > 1 and tokens[0].tag == "RB" and tokens[1].tag == "VBN":
        return True
    for prev, token, after in zip(tokens, tokens[1:], [*tokens[2:], None], strict=False):
        if token.text.casefold() in RELATIVE or token.tag in ("WDT", "WP", "WRB", ",", "IN"):
            return False  # a relative clause, or past a preposition: the phrase's own
        if token.tag in ("VBZ", "VBP") or (token.tag == "VB" and prev.tag in NOUN_TAGS):
            return True
        object_next = after is not None and after.tag in ("DT", "PRP$")
        if token.tag == "NNS" and prev.tag == "NN" and object_next and _can_be_verb(token.text):
            return True  # "the pilot fires the burner"
    return False


_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun"
CALENDAR_WORDS = frozenset(
    [*(m.casefold() for m in MONTHS), *_WEEKDAYS.split(), "to", "and", "from", "until", "daily"]
)


def _a_value(meaning: str, tokens: tuple[Token, ...]) -> bool:
    """An infobox's value, not a definition: no verb, and a number in it or a list of
    three or more items ("spruce (top), maple (back), ebony (fingerboard)")."""
    if any(t.tag.startswith("VB") and t.tag != "VBN" for t in tokens):
        return False
    outside = re.sub(r"\([^()]*\)", "", meaning)
    if all(w.isdigit() or w.casefold() in CALENDAR_WORDS for w in words(outside)):
        return True  # "September to April", "Monday–Friday 10:00–22:30, …": when, not what
    items = [i for i in outside.split(",") if i.strip()]
    listed = len(items) >= 3 and all(len(words(i)) <= 3 for i in items)
    return listed or (any(c.isdigit() for c in outside) and len(words(outside)) <= VALUE_WORDS)


def _imperative(tokens: tuple[Token, ...]) -> bool:
    """ "turn it slowly", "turn slowly", "rotate": a base verb before its object or adverb, or
    alone; "stem/VB cell that …" is the tagger's noun."""
    first, after = tokens[0], tokens[1] if len(tokens) > 1 else None
    if first.tag != "VB" or not _can_be_verb(first.text):
        return False
    return after is None or after.tag in ("PRP", "PRP$", "DT", "RB", "IN", "TO")


# A term that opens with a date: "AD 106", "9 BC", "c. 1500 CE", "1845" (a timeline's line).
DATE_TERM_RE = re.compile(r"^(?:c\.\s*|circa\s+)?(?:AD\s+)?\d{1,4}\b")


def names_a_thing(term: str) -> bool:
    """Is a glossary term a name, not an instruction or a verb phrase? "[^3]" (a footnote's
    mark), "Keep bones healthy" (ends in an adjective), "Taking some medicines" (a verb
    before its determiner) are not; the tagger's "transform/VB boundary" and "seafloor
    spreading/VBG" are."""
    if not any(c.isalpha() for c in term) or DATE_TERM_RE.search(term):
        return False  # "AD 106 – Trajan annexes …", "c. 9 BC": a timeline's date, not a term
    tokens = tag_phrase(term)
    if len(tokens) < 2:
        return True
    if tokens[1].tag in _OBJECT_START or tokens[-1].tag in ("JJ", "JJR", "RB"):
        return False
    # "Help make red blood cells"; a last word read as a verb is a noun ("slab pull/VB").
    return not any(t.tag in ("VB", "VBZ", "VBP", "MD") for t in tokens[1:-1])


def _hidden_verb(prev: Token, token: Token, after: Token | None) -> bool:
    """A verb the tagger read as a noun after a plural subject, before a preposition or
    determiner ("nephrons drain/NN into"); "Smith's term," is a noun."""
    if prev.tag != "NNS" or token.tag not in NOUN_TAGS or after is None:
        return False
    return after.tag in ("IN", "DT", "RB") and _can_be_verb(token.text)


def _finite(prev: Token, token: Token, after: Token | None) -> bool:
    """A main clause's verb inside a definition: a finite verb not after a comma or "and"
    (a list's "hollows, slumps/VBZ"), nor a past form before a preposition ("Tundra
    found/VBD at …" is a participle)."""
    if token.tag not in FINITE_VERB or prev.tag in (",", "CC"):
        return False
    return not (token.tag == "VBD" and after is not None and after.tag in ("IN", "TO", "RB"))


def _can_be_verb(word: str) -> bool:
    return "VERB" in getAllLemmas(word.casefold())


def _false_definition(ctx: Context, fact: Fact) -> str:
    """The definition a false statement gives ``fact``'s term, or "".

    A false twin is a definition of the same kind of thing ("the ability to …" for an
    ability), so the wording alone does not show which statements are false; it names no
    word of either term ("weak acid" as "a weak acid whose colour changes …", "Dust tail"
    as "a narrow tail of charged gas": false by its wording). It is the first such
    definition after the term's in the glossary, going round, so no two terms take each
    other's: where the only one is of a term before this one that makes a false statement
    itself (with this one's definition, the first after it), that one is the pair's one
    false item.
    """
    plural = head_plural(fact.answer)
    swaps = _swappable(ctx, fact)
    pool = [(f.answer, f.answer) for f in swaps if head_plural(f.answer) == plural]
    meanings = same_kind(fact.answer, pool, enough=1)
    if not meanings:
        return ""
    other = next(f for f in swaps if f.answer == meanings[0])
    here = ctx.positions.get(fact.id, 0)
    mirrored = ctx.positions.get(other.id, 0) < here and say_false(other)
    return "" if mirrored and len(meanings) == 1 else meanings[0]


def _swappable(ctx: Context, fact: Fact) -> list[Fact]:
    """The glossary's other terms whose definitions name no word of either term, those
    after ``fact`` first, then those before it (going round)."""
    here = ctx.positions.get(fact.id, 0)
    own = _term_words(fact.subject)
    after: list[Fact] = []
    before: list[Fact] = []
    seen = {squash(fact.answer)}
    for other in ctx.siblings(fact, GLOSSARY_WINDOW):
        named = {singular(w.casefold()) for w in words(other.answer)}
        if squash(other.answer) in seen or (own | _term_words(other.subject)) & named:
            continue
        seen.add(squash(other.answer))
        (before if ctx.positions.get(other.id, 0) < here else after).append(other)
    return after + before


def _term_words(term: str) -> set[str]:
    """A term's words of three letters or more, lower case and singular."""
    return {singular(w.casefold()) for w in words(term) if len(w) > 2}


def _glossary_term(
    ctx: Context, fact: Fact, stem: str, term: str, spelled: bool
) -> Iterator[Candidate]:
    """Which term a definition defines: a flashcard, and a multiple choice among terms of
    the answer's kind (defined as the same kind of thing, else of the same form). Where
    the definition ``spelled`` a part of the term, only a multiple choice whose every
    option has a part the definition spells: the cue then points at none of them."""
    said = fact.unit.sentence.text
    if not spelled:
        yield make(
            ctx.doc,
            fact,
            Kind.FLASHCARD,
            stem,
            term,
            said,
            variant="reverse",
            accepted=fact.accepted,
        )
    kin = [n for n in _kin_terms(ctx, fact) if not spelled or spells_term(n, fact.answer)]
    # A term the definition itself names ("… binding to myosin") is plainly not the answer.
    names = pick_distractors(
        term, [capitalise(n) for n in kin if not contains_phrase(fact.answer, n)]
    )
    if spelled and len(names) < 2:
        return
    yield make(
        ctx.doc,
        fact,
        Kind.MULTIPLE_CHOICE,
        stem,
        term,
        said,
        accepted=fact.accepted,
        distractors=names[:3],
    )


def _kin_terms(ctx: Context, fact: Fact) -> list[str]:
    """The glossary's other terms of the answer's kind (defined as the same kind of thing,
    else of the same form): the wrong options of "Which term …?"."""
    others = set(_others(ctx, fact, "subject", GLOSSARY_WINDOW))
    pool = [
        (f.subject, f.answer) for f in ctx.siblings(fact, GLOSSARY_WINDOW) if f.subject in others
    ]
    return same_kind(fact.answer, pool, enough=2) or same_form(fact.subject, [t for t, _ in pool])


def same_form(term: str, others: list[str], enough: int = 2) -> list[str]:
    """Terms of ``term``'s form, if ``enough``: the same head noun or word ending
    (``questions.kinship``), else the same ending of four letters ("deflation",
    "inflation"), one word or several alike."""
    kind = kind_of(term)
    kin = [o for o in others if kind and kind_of(o) == kind]
    if len(kin) < enough and len(term) > 6 and len(term.split()) == 1:
        kin = [
            o for o in others if len(o.split()) == 1 and o[-4:].casefold() == term[-4:].casefold()
        ]
    return kin if len(kin) >= enough else []


def root_shared(term: str, text: str) -> bool:
    """Does ``text`` use a word of ``term``'s root ("deflation" in "the act of deflating")?
    Then asking for the term by that text gives it away."""
    roots = {w.casefold()[:ROOT] for w in words(term) if len(w) > ROOT}
    return any(w.casefold()[:ROOT] in roots for w in words(text) if len(w) > ROOT)


COMPOUND_PART = 4  # "tree" in "Treeline", "peat" in "peatland"; "ice" is too short to tell
PART_ZIPF = 3.0  # the rest of a closed compound is a word of its own ("line"), not "ula"


def spells_term(term: str, definition: str) -> bool:
    """Does the definition say a part of the term: a word of four letters or more, or its
    stem ("wedges of ice" for "Ice-wedge polygon"), or one half of a closed compound whose
    other half is an English word ("trees" for "Treeline")? Then "Which term does
    the article define as …?" gives its answer away; "What is X?" does not."""
    parts = [p.casefold() for p in re.split(r"[\s\-–]+", term) if len(p) >= COMPOUND_PART]
    said = {singular(w.casefold()) for w in words(definition) if len(w) >= COMPOUND_PART}
    if {stem(p) for p in parts} & {stem(w) for w in said}:
        return True
    return any(_compound_half(part, word) for part in parts for word in said)


def _compound_half(part: str, word: str) -> bool:
    """Is ``word`` the start or end of the closed compound ``part``, the rest a word?"""
    if len(part) - len(word) < 3:
        return False
    if part.startswith(word):
        rest = part[len(word) :]
    elif part.endswith(word):
        rest = part[: -len(word)]
    else:
        return False
    return zipf(rest) >= PART_ZIPF


def category(definition: str) -> str:
    """The head of a definition's first noun phrase, singular: "regulatory protein that …"
    → "protein", "ability to lengthen" → "ability", "muscle-forming stem cell" → "cell"."""
    head = ""
    for token in tag_phrase(definition):
        if token.tag in NOUN_TAGS:
            head = token.text
        elif head or token.tag not in ("DT", "JJ", "JJR", "JJS", "RB", "VBN", "VBG", "HYPH", ","):
            break
    return singular(head.casefold()) if head else ""


def head_plural(definition: str) -> bool:
    """Is the head of the definition's first noun phrase plural ("proteins that …")? A
    definition swapped in must agree with the term it is given to."""
    head = category(definition)
    return bool(head) and any(
        t.tag == "NNS" and singular(t.text.casefold()) == head for t in tag_phrase(definition)
    )


def same_kind(definition: str, pool: list[tuple[str, str]], enough: int = 3) -> list[str]:
    """Options (first of each pair) whose definitions (second) share ``definition``'s category,
    if there are ``enough`` of them: proteins with proteins, abilities with abilities; else
    none, and the caller picks its options as it did before."""
    kind = category(definition)
    kin = [option for option, meaning in pool if kind and category(meaning) == kind]
    return kin if len(kin) >= enough else []

"""Question templates: for each fact kind, the flashcards, clozes, multiple choices and true/false
items that ask about it.

Templates only build candidates; the gates (``questions.gates``) decide which survive. A
template adds a construction reason itself only where it knows more than the gates can
(e.g. a sibling whose own section says the same thing is not a safe wrong option).
A false true/false statement is always a sibling's fact swapped in, never a negation.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from lemminflect import getAllLemmas

from questions.build import Candidate, is_value, make, pick_distractors, say_false
from questions.context import Context
from questions.document import Entity, split_parenthetical
from questions.facts import Fact
from questions.facts_actions import QUANTIFIERS as ACTION_QUANTIFIERS
from questions.model import CLOZE_BLANK, Kind
from questions.nlp import VERB_TAGS, tag, which_stem
from questions.rarity import is_trivial_word, zipf
from questions.templates_attributes import action, actor, agent, attribute, date, person
from questions.templates_blanks import key_term, no_claim
from questions.templates_gloss import gloss, is_plural, with_article
from questions.templates_structure import (
    defines_a_thing,
    glossary_entry,
    names_a_person,
    table_cell,
)
from questions.textutil import (
    STOPWORDS,
    capitalise,
    contains_phrase,
    content_stems,
    decapitalise,
    digest,
    find_phrase,
    is_acronym,
    is_content,
    replace_phrase,
    sentence_case,
    squash,
    words,
)
from questions.years import is_date

Template = Callable[[Context, Fact], Iterator[Candidate]]


def _plural(phrase: str, proper: frozenset[str] = frozenset()) -> bool:
    parts = phrase.split()
    if len(parts) == 1 and (parts[0] in proper or is_acronym(parts[0])):
        return False  # a one-word name or abbreviation: "Mars", "ALS"
    last = parts[-1].casefold() if parts else ""
    return last.endswith("s") and not last.endswith(("ss", "is", "us", "ics"))


def _lower(ctx: Context, text: str) -> str:
    return decapitalise(text, ctx.doc.proper)


def _case(ctx: Context, text: str) -> str:
    return sentence_case(text, ctx.doc.proper)


def _blank(text: str, needle: str) -> str | None:
    """``text`` with the first whole-word occurrence of ``needle`` replaced by the blank."""
    start = find_phrase(text, needle)
    if start == -1:
        return None
    return text[:start] + CLOZE_BLANK + text[start + len(needle) :]


def _which(entity: Entity) -> str:
    return f"Which {entity.noun}" if entity.noun else "Which of these"


def _entity_options(ctx: Context, entity: Entity, claim: str) -> tuple[list[str], list[str]]:
    """Names of sibling entities usable as wrong options, and reasons if too few are safe."""
    pool = [e.name for e in ctx.sibling_entities(entity) if not ctx.may_also_be_true(e, claim)]
    distractors = pick_distractors(entity.name, pool)
    reasons = [] if len(distractors) >= 2 else ["distractor_may_be_true"]
    if len(ctx.sibling_entities(entity)) < 2:
        reasons = ["too_few_distractors"]
    return distractors, reasons


def next_sibling(ctx: Context, entity: Entity, names: list[str]) -> str:
    """Of ``names`` (sibling entities' names), the first after ``entity`` in its group, going
    round: each entity's false statement swaps in a different sibling, so no one name marks
    every false item of a deck."""
    members = ctx.entity_groups.get(entity.group, [])
    index = ctx.entity_position.get((entity.group, entity.short), 0)
    # Walked lazily: a long page's group holds thousands, and the names are its neighbours.
    order = (members[k % len(members)].name for k in range(index + 1, index + len(members)))
    return next((n for n in order if n in names), names[0])


def _entity_accepted(entity: Entity) -> tuple[str, ...]:
    return tuple(n for n in (entity.short, *entity.names) if squash(n) != squash(entity.name))


# --- abbreviations -------------------------------------------------------------------------


def _expansion(ctx: Context, fact: Fact) -> str:
    """What an abbreviation stands for, in sentence case, unless a line that is no heading
    capitalises each of its words: a name ("Pacific Tsunami Warning Center", "Enzyme
    Commission"), not a heading's style."""
    full = fact.answer
    capitalised = [w[:1].isupper() for w in full.split() if w.casefold() not in STOPWORDS]
    heading = fact.unit.line.kind in ("heading", "title")
    if len(capitalised) > 1 and all(capitalised) and not heading:
        return full
    return _case(ctx, full)


def abbreviation(ctx: Context, fact: Fact) -> Iterator[Candidate]:
    abbr, full = fact.subject, _expansion(ctx, fact)
    said = f"{abbr} stands for {_lower(ctx, full)}."
    yield make(ctx.doc, fact, Kind.FLASHCARD, f"What does {abbr} stand for?", full, said)
    yield make(
        ctx.doc,
        fact,
        Kind.FLASHCARD,
        f"What is the abbreviation for {_lower(ctx, full)}?",
        abbr,
        said,
        variant="reverse",
    )
    # No multiple choice and no true/false item: the letters of an abbreviation point at the
    # one expansion whose initials match, so a false twin is a give-away and a true one is
    # always true by its form (audits: tf_bias).


# --- aliases -------------------------------------------------------------------------------


def alias(ctx: Context, fact: Fact) -> Iterator[Candidate]:
    said = fact.unit.sentence.text
    subject, other = fact.subject, fact.answer
    named = _lower(ctx, subject)
    stem = f"What {_agree('is', named, ctx)} {named} also known as?"
    yield make(ctx.doc, fact, Kind.FLASHCARD, stem, other, said)
    prompt = _blank(said, other)
    if prompt:
        yield make(ctx.doc, fact, Kind.CLOZE, prompt, other, said)
    entity = ctx.entity(fact)
    if entity is None or not any(
        squash(n) == squash(subject) for n in (entity.short, *entity.names)
    ):
        return
    yield from _which_entity(ctx, fact, entity, "is", f"also known as {other}", other)


# --- definitions ---------------------------------------------------------------------------

_QUESTION_VERB = {
    "is": "What is {s}?",
    "are": "What are {s}?",
    "refers to": "What does {s} refer to?",
    "refer to": "What do {s} refer to?",
    "encompasses": "What does {s} encompass?",
    "encompass": "What do {s} encompass?",
    "describes": "What does {s} describe?",
    "means": "What does {s} mean?",
    "denotes": "What does {s} denote?",
}
_AGREE = {"is": "are", "refers to": "refer to", "encompasses": "encompass"}


def _plural_in(ctx: Context, phrase: str) -> bool:
    """The phrase's number, as the article uses it: "Rickets is …" makes "Rickets" singular
    whatever its last letter says."""
    if " ".join(phrase.casefold().split()) in ctx.singular_subjects:
        return False
    return _plural(phrase, ctx.doc.proper)


def _agree(verb: str, subject: str, ctx: Context) -> str:
    singular = {v: k for k, v in _AGREE.items()}
    if _plural_in(ctx, subject):
        return _AGREE.get(verb, verb)
    return singular.get(verb, verb)


EACH_RE = re.compile(r"^(?:each|every)\s+", re.I)
# A predicate naming a role the subject plays, not what it is (audit 17: "What is
# high-purity silica sand?" → "The main ingredient of ordinary glass").
ROLE_RE = re.compile(
    r"(?:the|a|an)\s+(?:main|principal|chief|primary|major|key|leading|largest|biggest|"
    r"most\s+\w+)\s+\w+\s+(?:of|in|for)\b|the\s+only\s+\w+\s+(?:that|which|who|to)\b"
    # "Surveillance is the backbone of eradication": a figure of speech, no definition
    r"|the\s+(?:single\s+)?(?:most|least)\s+\w+\s+(?:way|method|means|step|thing)\b"
    r"|(?:the|a)\s+(?:backbone|cornerstone|heart|foundation|core|linchpin|centrepiece|"
    r"centerpiece|bedrock|lifeblood)\s+of\b",
    re.I,
)
# "Any remaining virus is …", "Most mammals are …": a quantity of the thing, no term
QUANTIFIERS = ACTION_QUANTIFIERS | {"any", "no", "much"}


EVERYDAY_NOUN_ZIPF = 4.5  # "pattern" 4.7, "example" 5.3; "sound" 5.2 stays on a page titled so


def _unnamed_subject(ctx: Context, fact: Fact) -> bool:
    """A prose definition whose subject is "the" and one everyday noun the title does not
    name ("The pattern is …", "The best-known example is …"), or a superlative ("the lowest
    note"): it names nothing the learner could look up without the sentence before."""
    if fact.group.startswith("glossary@"):
        return False
    found = re.match(r"the\s+([\w-]+)(?:\s+([\w-]+))?$", fact.subject.strip(), re.I)
    if not found:
        return False
    first, second = found.group(1).casefold(), (found.group(2) or "").casefold()
    if first.endswith("est") or first.startswith(("best", "most", "least")):
        return True
    everyday = zipf(first) >= EVERYDAY_NOUN_ZIPF and first not in ctx.doc.title.casefold()
    return not second and everyday


def _plural_here(ctx: Context, subject: str) -> bool:
    """A plural subject the page never writes with "is"/"was" ("the Nabataeans"; not
    "shingles", which "Shingles is an infection …" makes one thing)."""
    if not subject.endswith("s") or not is_plural(subject):
        return False
    said = " " + " ".join(w.casefold() for w in words(subject)) + " "
    return f"{said}is " not in ctx.prose and f"{said}was " not in ctx.prose


def _a_place_of(ctx: Context, fact: Fact) -> bool:
    """Is a labelled line's label a name the prose writes capitalised ("London", "Novgorod")
    and its text a definite description ("the Steelyard on the Thames", "the centre for
    cloth")? Then the line says what is at that name: asking "What is London?" misreads it.
    A name the text classes ("Shingrix – a recombinant vaccine", "Silk Road – network of
    trade routes …") is defined."""
    names = words(fact.subject)
    proper = bool(names) and all(w in ctx.doc.proper and not is_acronym(w) for w in names)
    opening = words(fact.answer)[:1]
    return proper and bool(opening) and opening[0].casefold() == "the"


def definition(ctx: Context, fact: Fact) -> Iterator[Candidate]:
    if fact.group.startswith("glossary@") and names_a_person(fact.subject):
        yield from _person(ctx, fact)
        return
    if fact.group.startswith("glossary@") and not defines_a_thing(fact.subject, fact.answer):
        return  # "What is keep bones healthy?", "… define as “filter the blood”?"
    if fact.group.startswith(("glossary@", "list@")) and _a_place_of(ctx, fact):
        return  # "London – the Steelyard …": what is at London, not what London is
    subject = EACH_RE.sub("a ", _lower(ctx, fact.subject))  # "Each spine is …": a spine
    predicate, verb = fact.answer, fact.relation
    if verb == "is" and _plural_here(ctx, subject):
        verb = "are"  # "the Nabataeans, a people who …": "What are the Nabataeans?"
    said = fact.unit.sentence.text
    # A glossary line leaves its term bare; its definition says if the term is countable.
    meaning = predicate if fact.group.startswith("glossary@") else ""
    # "… is the main ingredient of glass", "the only penguins that …": a role, no "What is";
    # "The pattern is …": a subject naming nothing the learner can look up (audit 19)
    quantified = subject.split()[0].casefold() in QUANTIFIERS if subject.split() else False
    if not ROLE_RE.match(predicate) and not _unnamed_subject(ctx, fact) and not quantified:
        asked = _QUESTION_VERB[verb].format(
            s=with_article(subject, said, meaning=meaning, prose=ctx.prose)
        )
        if verb in ("is", "are") and fact.group.startswith("list@") and names_a_person(subject):
            asked = f"Who was {split_parenthetical(fact.subject)[0]}?"  # not "What is Warwick?"
        yield make(ctx.doc, fact, Kind.FLASHCARD, asked, capitalise(predicate), said)
    if fact.group.startswith("glossary@"):
        yield from glossary_entry(ctx, fact)
        return
    entity = ctx.entity(fact)
    if entity is None or not fact.group.startswith("entity:"):
        stem = which_stem(predicate)
        if stem and verb in ("is", "are") and not _generic_class(stem):
            term = re.sub(r"^(?:an?|the) ", "", fact.subject, flags=re.I)
            term = term if is_acronym(term) else capitalise(term)
            yield make(ctx.doc, fact, Kind.FLASHCARD, stem, term, said, variant="reverse")
        return
    yield from _which_entity(ctx, fact, entity, verb, predicate, predicate)


def _person(ctx: Context, fact: Fact) -> Iterator[Candidate]:
    """A person of a "Key people" list: "Who painted …?" among the list's other people, where
    the description opens with what they did; "Who was …?" where it names their role ("art
    dealer who …", "the richest noble in England"). Never "What is Renoir?"."""
    said, name = fact.unit.sentence.text, split_parenthetical(fact.subject)[0]
    meaning = fact.answer.rstrip(" .;")
    tokens = tag(meaning)
    first = tokens[:1]
    lead = 1 if len(tokens) > 1 and tokens[0].tag in ("RB", "JJ") else 0  # "First explained"
    if len(tokens) > lead and tokens[lead].tag in ("VBD", "VBN") and tokens[lead].text.islower():
        stem = f"Who {meaning[:1].lower()}{meaning[1:]}?"
        people = [f.subject for f in ctx.siblings(fact) if names_a_person(f.subject)]
        yield make(ctx.doc, fact, Kind.FLASHCARD, stem, name, said, variant="reverse")
        options = pick_distractors(name, [split_parenthetical(p)[0] for p in people])
        yield make(ctx.doc, fact, Kind.MULTIPLE_CHOICE, stem, name, said, distractors=options)
        return
    if first and first[0].tag in ("DT", "NN", "NNS", "JJ", "NNP"):
        yield make(ctx.doc, fact, Kind.FLASHCARD, f"Who was {name}?", capitalise(meaning), said)


# Classes too wide to ask "which one": "Which substance produces hydroxide ions in water?"
# has many answers (any base), "Which hormone raises blood glucose?" has one.
_GENERIC_CLASSES = (
    "substance compound chemical material thing object process structure method way part "
    "area region type kind form system molecule"
)
GENERIC_CLASSES = frozenset(_GENERIC_CLASSES.split())


def _generic_class(stem: str) -> bool:
    """Is the class a "Which …?" stem asks about ("Which substance …") too wide a one?"""
    found = words(stem)
    return len(found) > 1 and found[1].casefold() in GENERIC_CLASSES


def _which_entity(
    ctx: Context, fact: Fact, entity: Entity, verb: str, rest: str, claim: str
) -> Iterator[Candidate]:
    """ "Which condition {verb} {rest}?" with sibling entities as wrong options, and the
    statement about the entity, or (half the time) about a sibling, as a true/false item."""
    said = fact.unit.sentence.text
    distractors, reasons = _entity_options(ctx, entity, claim)
    yield make(
        ctx.doc,
        fact,
        Kind.MULTIPLE_CHOICE,
        f"{_which(entity)} {verb} {rest}?",
        entity.name,
        said,
        accepted=_entity_accepted(entity),
        distractors=distractors,
        reasons=reasons,
    )
    number = _plural_in(ctx, entity.name)
    swaps = [
        d
        for d in distractors
        if not _names_itself(d, rest) and _plural_in(ctx, d) == number  # a group for a group
    ]
    # "Peripheral neuropathies … affecting peripheral nerves" is true by its words: such a
    # claim is only ever stated about a sibling, as a false item.
    obvious = _names_itself(entity.name, rest)
    if obvious and not swaps:
        return
    false = (say_false(fact) or obvious) and bool(swaps)
    name = next_sibling(ctx, entity, swaps) if false else entity.name
    claim_text = f"{name} {_agree(verb, name, ctx)} {rest}."
    yield make(ctx.doc, fact, Kind.TRUE_FALSE, claim_text, "False" if false else "True", said)


def _names_itself(name: str, claim: str) -> bool:
    """Does the claim say a word of the swapped-in name ("Spinal cord injury … the nerves
    outside the brain and spinal cord")? Then the false statement contradicts itself and is
    false by its wording alone."""
    return bool(content_stems(name) & content_stems(claim))


# --- lists of "Term: description" ----------------------------------------------------------


def list_item(ctx: Context, fact: Fact) -> Iterator[Candidate]:
    term, desc, topic = fact.subject, fact.answer, fact.relation
    said = fact.unit.sentence.text
    if is_date(term):
        yield from _dated_item(ctx, fact)
        return
    where = f"In the article's list on {topic}"
    do = "do" if _plural(term, ctx.doc.proper) else "does"
    yield make(
        ctx.doc,
        fact,
        Kind.FLASHCARD,
        # A value ("176.12 g/mol") is given, not involved.
        f"{where}, what is given for “{term}”?"
        if is_value(desc)
        else f"{where}, what {do} “{term}” involve?",
        capitalise(desc),
        said,
    )
    yield from _list_choices(ctx, fact, where)
    # No cloze "Topic — ___: description": a label and a fragment, not a sentence (audits).


def _list_choices(ctx: Context, fact: Fact, where: str) -> Iterator[Candidate]:
    """Which item a description belongs to, and an item's (or a sibling's) description."""
    term, desc, said = fact.subject, fact.answer, fact.unit.sentence.text
    siblings = ctx.siblings(fact)
    # Not of a value ("176.12 g/mol"): its form names its label (audit 11).
    if not is_value(desc) and not overlaps(desc, [f"{f.subject} {f.answer}" for f in siblings]):
        yield make(
            ctx.doc,
            fact,
            Kind.MULTIPLE_CHOICE,
            f"{where}, which item is described as “{_lower(ctx, desc)}”?",
            term,
            said,
            accepted=fact.accepted,
            distractors=pick_distractors(
                term, [f.subject for f in siblings if not ctx.states(f, desc)]
            ),
        )
    # No true/false "“X” is described as “…”": its true items quote the list and its false
    # ones pair a label with a plainly foreign description, so the form gives the answer.


def _dated_item(ctx: Context, fact: Fact) -> Iterator[Candidate]:
    """A timeline's line ("c. 1475: modern rules for the queen appear in Spain"): when it
    happened, among the timeline's other dates; not "the article's list on timeline: …",
    whose topic is a heading pasted into a stem (audit 16)."""
    first = tag(fact.answer)[:1]
    if first and first[0].tag in VERB_TAGS:
        return  # "Born in Lyme Regis": a life's timeline leaves out its subject
    # Quoted as the page writes it: a line may open with a name ("French and Belgian …").
    stem = f"According to the article's timeline, when did this happen: “{fact.answer}”?"
    said = fact.unit.sentence.text
    dates = [f.subject for f in ctx.siblings(fact) if any(c.isdigit() for c in f.subject)]
    yield make(ctx.doc, fact, Kind.FLASHCARD, stem, fact.subject, said)
    options = pick_distractors(fact.subject, dates)
    yield make(ctx.doc, fact, Kind.MULTIPLE_CHOICE, stem, fact.subject, said, distractors=options)


def overlaps(desc: str, others: list[str]) -> bool:
    """Does a list item's description share a thing (a noun or modifier, not a verb) with
    another item's name or description ("evaluating nerve function" beside "Nerve conduction
    studies")? Then it may describe that item too: asking which item it describes has more
    than one right answer. Verbs are how items are described ("assessing", "managing"), not
    what they are about."""
    own = _things(desc)
    return any(own & _things(other) for other in others)


def _things(text: str) -> set[str]:
    """Content words other than verbs, as lemmas ("nerves" is "nerve")."""
    return {
        _lemma(t.text)
        for t in tag(text)
        if t.tag not in VERB_TAGS
        and is_content(t.text)
        and not is_trivial_word(t.text)
        and t.text[:1].isalpha()
    }


def _lemma(word: str) -> str:
    folded = word.casefold()
    lemmas = getAllLemmas(folded)
    return next(iter(lemmas.get("NOUN", lemmas.get("ADJ", (folded,)))), folded)


# --- causes, triggers, effects -------------------------------------------------------------


def _cause_stem(effect: str, verb: str) -> str:
    if verb == "caused by":
        return f"According to the article, what causes {effect}?"
    base = verb[:-1] if verb.endswith("s") else verb
    do = "do" if _plural(effect) else "does"
    return f"According to the article, what {do} {effect} {base} from?"


def cause(ctx: Context, fact: Fact) -> Iterator[Candidate]:
    effect, reason, verb = _lower(ctx, fact.subject), fact.answer, fact.relation
    said = fact.unit.sentence.text
    yield make(ctx.doc, fact, Kind.FLASHCARD, _cause_stem(effect, verb), capitalise(reason), said)
    # No true/false item: with no false twin, "X is caused by Y." would always be true.


def trigger(ctx: Context, fact: Fact) -> Iterator[Candidate]:
    effect = _lower(ctx, fact.subject)
    stem = f"Which factors does the article name as triggers of {effect}?"
    yield make(
        ctx.doc, fact, Kind.FLASHCARD, stem, capitalise(fact.answer), fact.unit.sentence.text
    )


def trigger_item(ctx: Context, fact: Fact) -> Iterator[Candidate]:
    said = fact.unit.sentence.text
    prompt = _blank(said, fact.answer)
    if prompt:
        yield make(ctx.doc, fact, Kind.CLOZE, prompt, fact.answer, said)
    # No true/false item: "The article names X as a trigger of Y." would always be true.


def effect(ctx: Context, fact: Fact) -> Iterator[Candidate]:
    clause = fact.relation.format(subject=_lower(ctx, fact.subject))
    yield make(
        ctx.doc,
        fact,
        Kind.FLASHCARD,
        f"According to the article, what {clause}?",
        capitalise(fact.answer),
        fact.unit.sentence.text,
    )
    # No true/false item: nothing in the article makes a safe false twin, and a form that is
    # always true is answered by its form (audits: tf_bias).


# --- sentences of an entity's section ------------------------------------------------------


GAP = "___"


def _mask(text: str, entity: Entity) -> tuple[str, bool]:
    """Replace the entity's names in ``text`` by a gap; report whether any was there."""
    found = False
    for name in sorted({*entity.names, entity.short}, key=lambda n: (-len(n), n)):
        text, done = replace_phrase(text, name, GAP)
        found = found or done > 0
    return text, found


def statement(ctx: Context, fact: Fact) -> Iterator[Candidate]:
    entity = ctx.entity(fact)
    if entity is None:
        return
    said = fact.unit.sentence.text
    masked, named = _mask(said, entity)
    if not named:
        return  # the sentence does not name the entity: its answer would not be in the source
    distractors, reasons = _entity_options(ctx, entity, said)
    what = f"Which {entity.noun}" if entity.noun else "Which of these"
    yield make(
        ctx.doc,
        fact,
        Kind.MULTIPLE_CHOICE,
        f"{what} fills the gap in the article's sentence: “{masked}”",
        entity.name,
        said,
        accepted=_entity_accepted(entity),
        distractors=distractors,
        reasons=reasons,
    )
    name = next(
        (n for n in (entity.short, *entity.names) if contains_phrase(said, n)), entity.short
    )
    if not no_claim(said):  # an instruction is neither true nor false
        yield from _statement_item(ctx, fact, entity, name)


def _statement_item(ctx: Context, fact: Fact, entity: Entity, name: str) -> Iterator[Candidate]:
    """The sentence as a true item, or with a sibling's name swapped in as a false one. A
    claim that says its subject's words again ("… neuropathies … peripheral nerves") is true
    by its wording: it is only ever stated about a sibling, as a false item."""
    said = fact.unit.sentence.text
    swap = _swappable(ctx, entity, name, said)
    obvious = _names_itself(name, said.replace(name, " ", 1))
    if obvious and not swap:
        return
    if (say_false(fact) or obvious) and swap:
        other = swap[int(digest(fact.id, length=4), 16) % len(swap)]
        replacement = other.short if name == entity.short else _lower(ctx, other.name)
        if said.startswith(name):
            replacement = capitalise(replacement)
        elif said[find_phrase(said, name)].islower():
            replacement = _lower(ctx, replacement)  # "calcium" mid-sentence: no capital cue
        false, _ = replace_phrase(said, name, replacement, count=1)
        yield make(ctx.doc, fact, Kind.TRUE_FALSE, false, "False", said)
    else:
        yield make(ctx.doc, fact, Kind.TRUE_FALSE, said, "True", said)


def _swappable(ctx: Context, entity: Entity, name: str, said: str) -> list[Entity]:
    """Sibling entities whose name can replace ``name`` in a false statement: not also true
    of them, and of the same number (another would break the verb's agreement)."""
    number = _plural_in(ctx, name)
    rest = said.replace(name, " ")
    return [
        e
        for e in ctx.sibling_entities(entity)
        if not ctx.may_also_be_true(e, said)
        and _plural_in(ctx, e.name) == number
        and not _names_itself(e.name, rest)
    ]


def qa(ctx: Context, fact: Fact) -> Iterator[Candidate]:
    said = fact.unit.sentence.text
    yield make(ctx.doc, fact, Kind.FLASHCARD, fact.subject, fact.answer, said)


TEMPLATES: dict[str, Template] = {
    "qa": qa,
    "abbreviation": abbreviation,
    "gloss": gloss,
    "alias": alias,
    "definition": definition,
    "list_item": list_item,
    "cause": cause,
    "trigger": trigger,
    "trigger_item": trigger_item,
    "effect": effect,
    "statement": statement,
    "key_term": key_term,
    "table_cell": table_cell,
    "attribute": attribute,
    "agent": agent,
    "date": date,
    "person": person,
    "action": action,
    "actor": actor,
}


def candidates(ctx: Context, facts: list[Fact]) -> Iterator[Candidate]:
    for fact in facts:
        yield from TEMPLATES[fact.kind](ctx, fact)

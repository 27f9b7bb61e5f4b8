"""Facts about names: abbreviations, aliases, glosses ("X (meaning)") and "Term: description" items.

Each extractor takes one sentence in context and yields facts. They only use the sentence,
its line and its section, so a change elsewhere in the article never changes these facts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from lemminflect import getAllLemmas

from questions.document import Document, Unit, split_parenthetical
from questions.facts import Fact
from questions.facts_attributes import MONTHS
from questions.nlp import NOUN_TAGS, NP_START, is_noun_phrase, tag_of, tag_phrase
from questions.quantities import UNITS as QUANTITY_UNITS
from questions.rarity import zipf
from questions.textutil import (
    PRONOUNS,
    STOPWORDS,
    SUMMARY_HEADING_RE,
    abbreviates,
    content_stems,
    is_acronym,
    subsequence,
    words,
)
from questions.years import is_date

PAREN_IN_TEXT = re.compile(r"\(([^()]{1,60})\)")
ALIAS_RE = re.compile(
    r"(?:^|, |; )(?P<subject>[A-Z][\w'’\- ]{0,60}?),? (?:also known as|also called|"
    r"otherwise known as|commonly known as|commonly called|sometimes called) "
    r"(?P<alias>[^,.;()]{2,60})"
)
INTRODUCER_RE = re.compile(
    r"^(?:or|aka|i\.e\.,?|ie,?|also(?: known as| called| termed)|known as|called) ", re.IGNORECASE
)
_ASIDE_WORDS = (
    "e.g eg see cf for such like including example january february march april may june "
    "july august september october november december"  # "(December)": a date, not a name
)
ASIDE_START = frozenset(_ASIDE_WORDS.split())
_NOT_A_TOPIC = "there here what how why when where which who it this these they"
NOT_A_TOPIC = frozenset(_NOT_A_TOPIC.split())
# Words that give a reason: an answer to "Why …?" says one of them.
CAUSE_MARK_RE = re.compile(
    r"\b(?:because|since|so that|so|due to|owing to|as a result|in order to|therefore|"
    r"which means|means that|caused by|this is why|that is why)\b",
    re.I,
)
MAX_QA_WORDS = 45
# A first sentence that supposes or concedes ("Three distances would be enough if …",
# "Although …") leads up to the reason, unless it gives one itself.
SUPPOSING_RE = re.compile(
    r"^(?!.*\bbecause\b).*(?:\bwould\b.*\bif\b|^(?:although|while|in principle|in theory)\b)", re.I
)
DETERMINER_WORDS = frozenset(["a", "an", "the", "their", "its", "your", "his", "her", "our", "my"])
# Unit names: "resistance (ohm)" says how a thing is measured, not what it is called.
_UNIT_WORDS = """
    ohm farad volt ampere amp watt joule newton kelvin hertz pascal coulomb tesla henry
    weber siemen metre meter gram kilogram second mole candela litre liter calorie celsius
    fahrenheit mm mmol mg kg cm km ml hz kwh
"""
UNITS = frozenset(_UNIT_WORDS.split())
# First words of a sentence that talks about the text or the writer, not the topic.
# "eGFR", "mRNA": an abbreviation with a lower-case prefix letter or two, which
# ``is_acronym`` (capitals first) does not take; its letters still spell its words' initials.
# A bracketed name of a whole phrase is a rare word ("hypercalciuria" 1.1, "paralysis" 3.3;
# "blood" 5.1): only such a word is read as naming more than the last few words before it.
FINITE_TAGS = frozenset(["VBZ", "VBP", "VBD", "MD"])
STATE_PREPOSITIONS = frozenset(["in", "at", "under", "during", "on", "with", "without"])
# Verbs after which a noun phrase and its bracket name a state the subject has, not an event.
HAVING_VERBS = frozenset(["have", "has", "had", "having", "with", "cause", "causes", "caused"])
RARE_NAME_ZIPF = 3.5
WIDE_WORDS = 9
# Words a named phrase may hold: articles, "of"/"in" links ("deposits of calcium in the kidneys").
_PHRASE_LINK_WORDS = "the a an of in on to from within between their its his her your our"
PHRASE_LINKS = frozenset(_PHRASE_LINK_WORDS.split())
THE_FOR = {w: "the" for w in ("their", "its", "his", "her", "your", "our")}
MIXED_ACRONYM_RE = re.compile(r"[a-z]{1,2}[A-Z]{2,}[A-Za-z]*")
PREAMBLE = frozenset(["our", "we", "i", "my", "here", "in", "this", "these", "there"])
TERM_RE = re.compile(r"^(?P<term>[^:]{2,60}): (?P<desc>\S.{4,})$")
LIST_TOPIC_RE = re.compile(
    r"^(?P<topic>.+?) (?:requires?|depends?|may|can|will|should|includes?|involves?|consists?|"
    r"is|are|has|have|comprises?|covers?|needs?)\b"
)


def entity_heading_facts(doc: Document, unit: Unit) -> Iterator[Fact]:
    """'Amyotrophic Lateral Sclerosis (ALS)' → abbreviation; 'Hypocalcemia (Low …)' → gloss."""
    entity = doc.entities.get(unit.section)
    if entity is None or unit.line.kind != "heading":
        return
    if entity.short != entity.name and abbreviates(entity.short, entity.names[0]):
        yield Fact(
            "abbreviation", entity.short, entity.names[0], unit, "abbreviation", entity.short
        )
    if entity.gloss:
        yield Fact("gloss", entity.names[0], entity.gloss, unit, "gloss", entity.short)


def _entity_name(doc: Document, unit: Unit, fallback: str) -> str:
    entity = doc.entities.get(unit.section)
    return entity.short if entity else fallback


def _phrase_before(text: str, end: int, max_words: int) -> Sequence[str]:
    """Up to ``max_words`` words right before ``end``, stopping at punctuation."""
    head = text[:end].rstrip()
    cut = max(head.rfind(","), head.rfind(";"), head.rfind(":"), head.rfind("–"), head.rfind("—"))
    head = head[cut + 1 :]
    return words(head)[-max_words:]


def _acronym_phrase(before: Sequence[str], acronym: str) -> str:
    """The words an acronym abbreviates: initials match, or one word holds its letters in order."""
    letters = acronym.casefold()
    for k in range(1, min(len(before), len(letters) + 2) + 1):
        phrase = before[-k:]
        initials = "".join(w[0] for w in phrase if w.casefold() not in STOPWORDS).casefold()
        if initials == letters:
            return " ".join(phrase)
    word = before[-1].casefold() if before else ""
    if word[:1] == letters[:1] and subsequence(letters, word) and len(word) > len(letters) + 2:
        return before[-1]
    return ""


KIND_ASIDE_RE = re.compile(r"^(?:an?|the|one)\s+(?:type|kind|form|sort|class|variety)\s+of\b", re.I)


def _lower_initials(before: Sequence[str], inner: str) -> str:
    """The words a lower-case abbreviation's letters are the initials of ("psi": "pounds
    per square inch"), two words at least; "" for any other bracket."""
    if not (inner.isalpha() and inner.islower() and 2 <= len(inner) <= 5):
        return ""
    phrase = _acronym_phrase(before, inner)
    return phrase if len(phrase.split()) >= 2 else ""


def parenthetical_facts(doc: Document, unit: Unit) -> Iterator[Fact]:
    """'Nerve conduction studies (NCS)' → abbreviation; 'fasciculations (involuntary …)' → gloss.

    A bracket is read as a name only where it plainly is one: an abbreviation whose initials
    match, an alias introduced by "or"/"also called"/"i.e.", or a short noun phrase of the
    same number as the phrase it follows. Units, numbers, examples, citations, cross-references
    and a bracket inside a compound ("a nerve (axon) terminal") are asides, not names.
    """
    if unit.line.kind in ("heading", "title", "table_row"):
        return
    text = unit.sentence.text
    for match in PAREN_IN_TEXT.finditer(text):
        inner = match.group(1).strip()
        before = _phrase_before(text, match.start(), 6)
        if not before or any(c.isdigit() for c in inner + " ".join(before[-3:])):
            continue
        if _inside_compound(text, match.end()) or KIND_ASIDE_RE.match(inner):
            continue  # "a nerve (axon) terminal"; "a sticky film (a type of biofilm)": asides
        # "estimated glomerular filtration rate (eGFR)": never a gloss of a shorter phrase
        # ("glomerular filtration rate"), whose initials are not the abbreviation's letters.
        if is_acronym(inner) or MIXED_ACRONYM_RE.fullmatch(inner):
            phrase = _acronym_phrase(before, inner)
            if phrase:
                yield Fact("abbreviation", inner, phrase, unit, "abbreviation", inner)
            continue
        if is_acronym(before[-1]) and _acronym_phrase(words(inner), before[-1]) == inner:
            yield Fact("abbreviation", before[-1], inner, unit, "abbreviation", before[-1])
            continue  # "ALS (amyotrophic lateral sclerosis)": the expansion follows
        if is_acronym(re.sub(r"[’']?s$", "", inner)):
            continue  # a plural abbreviation ("NCC's"): no question reads well with it
        initials = _lower_initials(before, inner)
        if initials:  # "pounds per square inch (psi)": not "square inch", also called "psi"
            yield Fact("abbreviation", inner, initials, unit, "abbreviation", inner)
            continue
        wide = _phrase_before(text, match.start(), WIDE_WORDS)
        named = _named_by_rare_word(text, wide, inner)
        if named:
            yield _named_gloss(doc, unit, named, inner)
        elif named is not None:
            yield from _gloss(doc, unit, before, inner)


def _named_by_rare_word(text: str, before: Sequence[str], inner: str) -> list[str] | None:
    """The whole noun phrase a rare one-word bracket names, across "of"/"in" phrases: "high
    levels of calcium in their urine (hypercalciuria)" → "high levels of calcium in the
    urine". Not across "with"/"for" ("people with kidney disease (nephropathy)" names the
    disease, not the people); [] when the bracket is no rare word or no such phrase is found;
    None when the bracket names an action the phrase is the object of, not the phrase.
    """
    found = words(inner)
    if len(found) != 1 or zipf(found[0]) >= RARE_NAME_ZIPF or not found[0].islower():
        return []
    best: list[str] = []
    for k in range(3, len(before) + 1):
        phrase = list(before[-k:])
        if tag_of(text, phrase[0]) in FINITE_TAGS:
            break  # "… constricts the pupil …": no noun phrase reaches across its verb
        links = [w.casefold() for w in phrase if w.casefold() in STOPWORDS]
        if any(w not in PHRASE_LINKS for w in links) or phrase[0].casefold() in PHRASE_LINKS:
            continue
        if is_noun_phrase(" ".join(phrase)) and tag_of(text, phrase[0]) in NP_START:
            best = phrase
    rest = [w.casefold() for w in before[: len(before) - len(best)]] if best else []
    while rest and rest[-1] in ("the", "a", "an"):
        rest.pop()  # "constricts the pupil …": the word before the article governs
    lead = rest[-1] if rest else ""
    if lead in ("and", "or", "nor"):
        return []  # "ringing, buzzing or hissing noises (tinnitus)" names all three
    where = any(w.casefold() in STATE_PREPOSITIONS for w in best)  # "the pupil in bright light"
    if lead and where and _a_verb(text, lead) and lead not in HAVING_VERBS:
        return None  # "constricts the pupil in bright light (miosis)": it names the action
    return [THE_FOR.get(w.casefold(), w) for w in best]


def _named_gloss(doc: Document, unit: Unit, named: list[str], inner: str) -> Fact:
    term = inner.strip()
    meaning = " ".join(named)
    return Fact("gloss", term, meaning, unit, "gloss", _entity_name(doc, unit, term))


def _inside_compound(text: str, end: int) -> bool:
    """'Nit (head lice egg) combs': the bracket sits inside a longer noun, not after one."""
    rest = re.match(r" ([a-z][\w-]*)", text[end:])
    return bool(rest) and tag_of(text, rest.group(1)) in NOUN_TAGS if rest else False


def _introduced(inner: str) -> str:
    """The alias after an introducer ("or lockjaw", "also called X", "i.e. X"), else ""."""
    match = INTRODUCER_RE.match(inner)
    return inner[match.end() :].strip() if match else ""


def _aside(inner: str) -> bool:
    """An example list, a cross-reference, a citation or a unit: not a name of anything."""
    low = inner.casefold()
    first = words(low)[0] if words(low) else ""
    return (
        first in ASIDE_START
        or "," in inner
        or ";" in inner
        or "et al" in low
        or low.rstrip("s") in UNITS
        or bool(re.search(r"\b(?:and|or|vs)\b", low))
    )


def _noun_phrase_before(before: Sequence[str]) -> tuple[list[str], str]:
    """The noun phrase right before a bracket and the word that governs it ("of", "in", …),
    looking past a determiner: "loss of muscle movement" → (["muscle", "movement"], "of")."""
    phrase: list[str] = []
    rest = list(before)
    while rest and rest[-1].casefold() not in STOPWORDS and rest[-1].casefold() not in PRONOUNS:
        phrase.insert(0, rest.pop())
    while rest and rest[-1].casefold() in DETERMINER_WORDS:
        rest.pop()
    return phrase[-3:], rest[-1].casefold() if rest else ""


def _of_phrase(before: Sequence[str], phrase: list[str]) -> list[str]:
    """ "loss of muscle movement (paralysis)": the one-word name is of the whole phrase."""
    head = before[: len(before) - len(phrase) - 1]
    best: list[str] = []
    for size in (1, 2):
        lead = head[-size:] if len(head) >= size else []
        if not lead or any(w.casefold() in STOPWORDS for w in lead):
            break
        if is_noun_phrase(" ".join([*lead, "of", *phrase])):
            best = [*lead, "of", *phrase]
    return best


def _gloss(doc: Document, unit: Unit, before: Sequence[str], inner: str) -> Iterator[Fact]:
    alias = _introduced(inner)
    if not alias and _aside(inner):
        return
    phrase, governor = _noun_phrase_before(before)
    inner = alias or inner
    inner_words = words(inner)
    if not phrase or not 1 <= len(inner_words) <= 5:
        return
    if governor in ("and", "or", "nor") or (
        len(phrase) == 1 and phrase[0].casefold() in QUANTITY_UNITS
    ):
        return  # "meat and fish (haem iron)" names both; "… a day (the RNI)" a rate's unit
    names_term = (len(inner_words) == 1 and len(phrase) > 1) or governor == "of"
    if not alias and governor == "of":
        # "speed of nerve impulses (nerve conduction studies)" names the whole phrase
        phrase = _of_phrase(before, phrase) if len(inner_words) == 1 else []
    elif not alias and (len(inner_words) == 1 == len(phrase) or not _same_number(phrase, inner)):
        return  # "their blood (hypokalemia)", "movement (skeletal muscles)": not one thing
    outer = " ".join(phrase)
    if not alias and _names_more(before, phrase, inner_words):
        return  # "vision in dim light (scotopic vision)": not a name of "dim light"
    if not alias and _names_a_state(phrase, inner_words, governor):
        return  # "work in dim light (scotopic vision)", "need bright light (photopic vision)"
    if not alias and _a_name(phrase):
        return  # "Neil Armstrong (commander)", "July (Lunar Roving Vehicle)": an aside
    # Both sides must be noun phrases: "kidney transplants (but not dialysis)" is an aside,
    # "dopamine (DO-pah-meen)" a pronunciation, "antihistamines (used to treat …)" a clause.
    if not phrase or not is_noun_phrase(outer) or not is_noun_phrase(inner):
        return
    # A one-word bracket after a longer phrase names the term: "Muscle stiffness (spasticity)".
    term, meaning = (inner, outer) if names_term and not alias else (outer, inner)
    yield Fact("gloss", term, meaning, unit, "gloss", _entity_name(doc, unit, term))


def _a_verb(text: str, word: str) -> bool:
    """Is ``word`` a verb here: tagged so, or a word English uses only as a verb
    ("constricts", which the tagger may read as a plural)?"""
    lemmas = getAllLemmas(word.casefold())
    return tag_of(text, word).startswith("VB") or ("VERB" in lemmas and "NOUN" not in lemmas)


def _names_a_state(phrase: Sequence[str], inner: Sequence[str], governor: str) -> bool:
    """A bracket of several words with another head than the phrase, after a preposition
    of place or condition or opening a clause with a verb, names what happens there
    ("scotopic vision" for "work in dim light", "need bright light"), not the phrase itself
    ("lower legs (calves)", "a blister (raised skin bubble)" stay renames)."""
    if not phrase or len(inner) < 2 or inner[-1].casefold() == phrase[-1].casefold():
        return False
    opens = not governor and "VERB" in getAllLemmas(phrase[0].casefold())  # "; need bright …"
    return governor in STATE_PREPOSITIONS or opens


def _names_more(before: Sequence[str], phrase: Sequence[str], inner: Sequence[str]) -> bool:
    """Does the bracket repeat a word said just before its phrase ("vision in dim light
    (scotopic vision)")? Then it names the larger phrase, not the one it follows."""
    lead = {w.casefold() for w in before[: len(before) - len(phrase)][-3:]}
    return any(w.casefold() in lead for w in inner if w.casefold() not in STOPWORDS)


def _a_name(phrase: Sequence[str]) -> bool:
    """Every word capitalised: "Neil Armstrong", "Edwin Buzz Aldrin", "Sermeq Kujalleq"."""
    return all(w[:1].isupper() for w in phrase)


def _same_number(phrase: list[str], inner: str) -> bool:
    """Both plural or both singular, judged by the last word: "lower legs (calves)"."""
    return _is_plural(phrase[-1]) == _is_plural(inner.split()[-1])


def _is_plural(word: str) -> bool:
    low = word.casefold()
    return low.endswith("s") and not low.endswith(("ss", "us", "is", "sis"))


def alias_facts(doc: Document, unit: Unit) -> Iterator[Fact]:
    """'ALS, also known as Lou Gehrig's disease, …' → alias."""
    if " known as " not in unit.sentence.text and " called " not in unit.sentence.text:
        return
    for match in ALIAS_RE.finditer(unit.sentence.text):
        subject = match.group("subject").strip()
        alias = match.group("alias").strip()
        if len(words(subject)) > 6 or subject.split()[0].casefold() in PRONOUNS:
            continue
        if not is_noun_phrase(subject):
            continue  # "What is apply lice medicine also known as?" is no question
        entity = _entity_name(doc, unit, subject)
        yield Fact("alias", subject, alias, unit, "alias", entity)


def list_topic(lead_in: str, fallback: str) -> str:
    """'Treatment for muscle cramps depends on …' → 'treatment for muscle cramps'."""
    first = lead_in.split(". ")[0]
    match = LIST_TOPIC_RE.match(first)
    topic = match.group("topic") if match else ""
    if not topic or topic.split()[0].casefold() in PRONOUNS or len(words(topic)) > 9:
        return fallback.casefold()
    return topic[:1].lower() + topic[1:] if not is_acronym(topic.split()[0]) else topic


def _names_a_topic(topic: str) -> bool:
    """Can "In the article's list on {topic}" be written? Not of a question, a summary,
    or a word that names nothing ("there", "what …")."""
    first = words(topic)[:1]
    if not first or topic.rstrip().endswith("?") or SUMMARY_HEADING_RE.match(topic):
        return False
    # "surveys suggest that hedgehogs in rural Britain": a clause, no topic to name (audit 17)
    finite = any(t.tag in ("VBZ", "VBP", "VBD", "MD") for t in tag_phrase(topic))
    return first[0].casefold() not in NOT_A_TOPIC and not finite


def list_item_facts(doc: Document, unit: Unit) -> Iterator[Fact]:
    """'Blood tests: Checking for electrolyte imbalances …' → list_item of its list."""
    if unit.line.kind != "list_item" or unit.sentence.start != unit.line.start:
        return
    match = TERM_RE.match(unit.line.text)
    if not match or len(words(match.group("term"))) > 6 or len(words(match.group("desc"))) < 2:
        return
    term, abbr = split_parenthetical(match.group("term").strip())
    accepted = (abbr,) if abbr and is_acronym(abbr) else ()
    lead = unit.lead_in
    group = f"list@{lead.start}" if lead else f"list@{doc.section_name(unit.section)}"
    # Before the first heading the section is "Introduction": the title says more.
    where = doc.title if unit.section == 0 and doc.title else doc.section_name(unit.section)
    topic = list_topic(lead.text, where) if lead else ""
    topic = topic or where.casefold()
    dated = is_date(term)  # a timeline's line is asked by its date
    desc = match.group("desc").strip().rstrip(".;")
    cited = "," in term or CITED_YEAR_RE.search(desc) is not None  # a reference, not a term
    if GLOSSARY_TOPIC_RE.search(topic) and not dated and not cited:
        # "Key terms: - gabbro: coarse-grained …": a glossary written as a list
        verb = "are" if _is_plural(term.split()[-1]) else "is"
        yield Fact("definition", term, desc, unit, f"glossary@{unit.section}", term, verb, accepted)
        return
    if not dated and not _names_a_topic(topic):
        return  # "the article's list on what are …?", "… on summary": no stem to write
    yield Fact("list_item", term, desc, unit, group, _entity_name(doc, unit, term), topic, accepted)


CITED_YEAR_RE = re.compile(r"\b(?:1[5-9]|20)\d\d\b")
# A list headed as a glossary: its items are terms and their definitions.
GLOSSARY_TOPIC_RE = re.compile(
    r"^(?:key (?:terms|words|vocabulary|concepts)|glossary|vocabulary|definitions|"
    r"terms to know|keywords|key terms and definitions)$",
    re.I,
)


def qa_facts(doc: Document, unit: Unit) -> Iterator[Fact]:
    """A FAQ: the question heading is asked, the first sentence of its answer is the answer."""
    section = doc.sections[unit.section]
    heading = section.heading
    if heading is None or not heading.text.endswith("?") or unit.line.kind != "paragraph":
        return
    if doc.first_paragraph.get(unit.section) != unit.sentence.start:
        return
    answer = unit.sentence.text.rstrip(".")
    if section.name.casefold().startswith("why ") and SUPPOSING_RE.search(answer):
        answer = _with_reason(doc, unit, answer)  # "Three would do if …. The fourth …"
    if not 3 <= len(words(answer)) <= MAX_QA_WORDS or not answers(doc, unit, section.name, answer):
        return
    if not of_the_kind_asked(section.name, answer):
        return  # "Who won the first Olympic marathon?" → "It was held on 10 April 1896 …"
    if TWO_QUESTIONS_RE.search(section.name):
        return  # "Who was Edward Jenner, and what did he do?": one sentence answers half
    yield Fact("qa", section.name, answer, unit, "qa", section.name)


# A heading that asks two things: "…, and what did he do?", "What is X and how is it made?",
# or offers two answers to choose from ("Do dragonflies bite or sting?").
TWO_QUESTIONS_RE = re.compile(
    r"(?:,|\band)\s+(?:and\s+)?(?:what|how|why|when|where|who|which|is|are|does|do|can)\b"
    r"[^?]*\?$|\?.+\?|^(?:do|does|did|is|are|was|were|can|could|will|should)\b[^?]*\bor\b",
    re.I,
)


NUMBER_WORD_RE = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|hundred|thousand|million|billion|dozen|half|quarter)\b",
    re.I,
)
ASKS_A_NUMBER_RE = re.compile(
    r"^(?:how (?:many|much|long|far|fast|big|high|tall|old|often|heavy|deep)|when"
    r"|in what year|what year)\b",
    re.I,
)


_CALENDAR = "|".join(sorted(MONTHS))
# Two capitalised words in a row, neither a month nor a sentence's "The": a person's name.
PERSON_NAME_RE = re.compile(
    rf"\b(?!(?:{_CALENDAR}|The)\b)[A-Z][a-z]+ (?!(?:{_CALENDAR})\b)[A-Z][a-z]+"
)


def of_the_kind_asked(question: str, answer: str) -> bool:
    """Does the answer hold what the question's first words ask for: a number or a date
    for "How many/long …?" and "When …?", a name (a capital inside the sentence) for
    "Who …?"?"""
    if ASKS_A_NUMBER_RE.match(question):
        return NUMBER_WORD_RE.search(answer) is not None
    if question.casefold().startswith("who "):
        return PERSON_NAME_RE.search(answer) is not None
    if question.casefold().startswith("where "):
        return PLACE_RE.search(answer) is not None  # not "Almost all spend their lives …"
    return True


# Where a thing is: a preposition of place before what it names, or a place adverb.
PLACE_RE = re.compile(
    r"\b(?:in|on|at|under|inside|beneath|below|above|near|along|across|around|between|among|"
    r"throughout|within)\s+(?:the\s+|a\s+|an\s+)?[A-Za-z]|\b(?:underwater|underground|"
    r"indoors|outdoors|abroad|overseas)\b",
    re.I,
)


def _with_reason(doc: Document, unit: Unit, answer: str) -> str:
    """A "Why …?" answer through the next sentence when that one gives the reason, else ""
    (a first sentence that only supposes does not answer why)."""
    later = [u for u in doc.units if u.line == unit.line and u.sentence.start > unit.sentence.start]
    if later and CAUSE_MARK_RE.search(later[0].sentence.text):
        return f"{answer}. {later[0].sentence.text.rstrip('.')}"
    return ""


def answers(doc: Document, unit: Unit, question: str, answer: str) -> bool:
    """Does the first sentence answer the heading's question? It must share the question's
    key word ("risk", "diagnosed"), not only its topic, or, when the question names nothing
    but its topic ("What is RLS?"), name that topic; a preamble ("Our understanding …"),
    a "How to …" heading and a breadcrumb ("Parasites - Lice - Head Lice") are not asked."""
    first = words(answer)[0].casefold()
    if first in PREAMBLE or question.casefold().startswith("how to ") or " - " in question:
        return False
    entity = doc.entities.get(unit.section)
    topic = " ".join([doc.title, *(entity.names if entity else ())])
    asked = content_stems(question)
    key = asked - content_stems(topic)
    said = content_stems(answer)
    return bool(key & said) if key else bool(asked & said)

"""Questions on glosses ("hypertension (high blood pressure)"): "What is X?" with the article
the source gave X, its reverse "What is Y also called?", a multiple choice and a true/false.

The stem is only as grammatical as its article: a/an/the come from the source sentence (or
a/an by the noun after a possessive or demonstrative); plurals, names and a singular the
source itself uses bare (a mass noun: "nausea", "blood glucose") take none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lemminflect import getAllLemmas

from questions.build import Candidate, make, pick_distractors, say_false
from questions.context import Context
from questions.facts import Fact
from questions.model import CLOZE_BLANK, Kind
from questions.nlp import is_noun_phrase, plural, singular, tag_phrase
from questions.rarity import zipf
from questions.templates_structure import same_kind
from questions.textutil import (
    STOPWORDS,
    capitalise,
    content_words,
    decapitalise,
    find_phrase,
    indefinite,
    is_acronym,
    renames_before,
    sentence_case,
    words,
)

# Words before a noun that make it definite without saying a/an/the ("your calf").
_OTHER_DETERMINER_WORDS = "this that its their your his her our my such any each every one another"
_OTHER_DETERMINERS = frozenset(_OTHER_DETERMINER_WORDS.split())
# A singular with one of these endings is usually uncountable: no "a" in front of it.
EVERYDAY_ZIPF = 4.0  # "fever" 4.2, "temperature" 4.6; "hydrogen" 4.0, "proton" 3.4
_MASS_ENDINGS = ("tion", "sion", "ment", "ness", "ity", "ism", "ia", "sis", "ance", "ence", "ing")


SINGULAR_ENDINGS = ("sis", "xis", "itis", "ss", "us")
_PREPOSITION_RE = re.compile(r" (?:of|in|inside|on|at|to|for|from|with|within|between|by) ")


def is_plural(phrase: str) -> bool:
    """By the last word's lemma: "lower legs", "lice", "feet" are; "paralysis" is not."""
    head = _PREPOSITION_RE.split(phrase)[0]  # "deposits of calcium": "deposits" counts
    last = head.split()[-1] if head.split() else ""
    if not last.isalpha() or is_acronym(last) or last.casefold().endswith(SINGULAR_ENDINGS):
        return False  # "miosis", "mydriasis": Greek and Latin singulars
    return singular(last.casefold()) != last.casefold()


def _word_before(sentence: str, phrase: str) -> str:
    start = find_phrase(sentence, phrase)
    if start <= 0:
        return ""
    before = sentence[:start].rstrip()
    if before.endswith("("):
        return "("
    found = words(before)
    return found[-1].casefold() if found else ""


def _the_one(meaning: str, term: str) -> bool:
    """Does a glossary line define a countable term as the one thing of its kind ("the solid
    central body of a comet")? Not a term with a mass noun's ending ("the change of …")."""
    found = [w.casefold() for w in words(meaning[:40])]
    return bool(found) and found[0] == "the" and not _mass_term(term)


def _counted_by(meaning: str, term: str) -> bool:
    """Does the definition say the term is one of a kind: "A solution, usually …" for
    "buffer solution", "The point in a titration …" for "equivalence point"? Not "A process
    …" for "photosynthesis": a term with a mass noun's ending is a kind only by its head."""
    found = [w.casefold() for w in words(meaning[:40])]
    if len(found) < 2 or found[0] not in ("a", "an", "the"):
        return False
    if found[1] == term.split()[-1].casefold():
        return True  # the definition repeats the term's head noun with its article
    return found[0] != "the" and not _mass_term(term)


COUNTED_GAP = 1.0  # a plural at most this much rarer (Zipf) than its singular: counted


def _mass_term(term: str) -> bool:
    """A term with a mass noun's ending, except a noun in "-ing" English often counts
    ("a tsunami warning", "a building"; not "swimming", "bleeding")."""
    head = term.casefold().split()[-1] if term.split() else ""
    if not head.endswith(_MASS_ENDINGS):
        return False
    return not head.endswith("ing") or zipf(plural(head)) < zipf(head) - COUNTED_GAP


def _bare_count_noun(meaning: str) -> bool:
    """Does a definition without an article open with a counted noun ("motor-driven pump
    that …", "working fluid that …"), not a mass noun ("energy absorbed …")? English
    writes the plural of a counted noun often ("pumps"), of a mass noun rarely."""
    tokens = tag_phrase(meaning)
    if not tokens or tokens[0].tag in ("DT", "PRP$"):
        return False
    run = []  # the opening noun phrase; the tagger reads some of its nouns as verbs
    for token in tokens:
        if token.tag not in ("JJ", "NN", "NNS", "HYPH", "VBN", "VBG", "VB"):
            break
        run.append(token)
    head = run[-1].text.casefold() if run else ""
    if not head or run[-1].tag in ("NNS", "VBG") or "NOUN" not in getAllLemmas(head):
        return False
    return zipf(plural(head)) >= zipf(head) - COUNTED_GAP


def with_article(
    term: str, sentence: str, outer: str = "", meaning: str = "", prose: str = ""
) -> str:
    """The term as "What is ___?" needs it: "the thylakoid membrane", "a colorant",
    "sialorrhea", "calves". ``outer`` is the phrase a bracketed term names; ``meaning``, its
    definition, says whether a term the source leaves bare (a glossary line) is countable;
    ``prose`` (``Context.prose``), how the rest of the page writes it ("the law of demand")."""
    first = term.split()[0] if term.split() else ""
    if first.casefold() in ("a", "an", "the") or not first:
        return term
    det = _word_before(sentence, term)
    if det == "(" and outer:
        det = _word_before(sentence, outer)
        if len(term.split()) == 1 and term.casefold().endswith(_MASS_ENDINGS):
            det = ""  # "the formation of kidney stones (nephrolithiasis)": a bare mass noun
    if det == "the":
        return f"the {term}"
    if first[0].isupper() and meaning and (named := _named_kind(term, meaning)):
        return named
    if is_plural(term) or first[0].isupper() or is_acronym(term.split()[-1]):
        return term  # plurals, names and abbreviations take no other article
    mass = _PREPOSITION_RE.split(term)[0].casefold().endswith(_MASS_ENDINGS)
    said = _usual_article(term, prose) if not det and prose else None
    if said == "a":
        return indefinite(term)
    if said is not None:
        return f"{said} {term}".lstrip()
    if det in ("a", "an") or (det in _OTHER_DETERMINERS and not mass):
        return term if mass else indefinite(term)
    if not det and meaning and _counted_by(meaning, term):
        return indefinite(term)  # a glossary line's "buffer solution: A solution …"
    if not det and meaning and _the_one(meaning, term):
        return f"the {term}"  # "Nucleus - the solid central body of a comet"
    if not det and meaning and not mass and _bare_count_noun(meaning):
        return indefinite(term)  # "Compressor - motor-driven pump that …": a pump, counted
    return term  # the source uses it bare: a mass noun or a name


def _named_kind(term: str, meaning: str) -> str:
    """A capitalised glossary term that is a kind, not a name, with the article its meaning
    opens with: "an Act of Attainder" ("An Act of Parliament that …"), "the Act of Accord"
    ("The 1460 Act …"), "a Yorkist" ("a supporter of …"); "" for a name ("Paris")."""
    lead = words(meaning[:20].casefold())[:1]
    shaped = " of " in term or re.search(r"[a-z](?:ist|ian|ite)$", term) is not None
    if not shaped or not lead:
        return ""
    if lead[0] in ("a", "an"):
        return indefinite(term)
    return f"the {term}" if lead[0] == "the" and " of " in term else ""


def _usual_article(term: str, prose: str) -> str | None:
    """How the page's prose writes the term, where that settles it: "the" for a name of
    several words it mostly writes with "the" ("the law of demand"), nothing for a term it
    writes twice or more and never after a determiner ("continental drift"), "a" for one of
    several words it mostly writes after "a"/"an" ("an alpha particle"), else None.
    "a sound wave" counts as "a sound": a single word's "a" in the prose proves nothing."""
    folded = words(term.casefold())
    spaced = " " + " ".join(folded) + " "
    total = prose.count(spaced) - (_inside_names(prose, spaced) if len(folded) > 1 else 0)
    if total < 2:
        return None
    the = prose.count(" the" + spaced)
    if len(folded) > 1 and the * 2 >= total:
        return "the"
    determiners = ("a", "an", "the", *_OTHER_DETERMINERS)
    counted = sum(prose.count(f" {d}{spaced}") for d in determiners)
    one = prose.count(f" an{spaced}") + prose.count(f" a{spaced}")
    if len(folded) > 1 and one * 2 > total:
        return "a"  # "an alpha particle" most times the prose says it: a counted thing
    return "" if not counted else None


def _inside_names(prose: str, spaced: str) -> int:
    """How often the prose says the term as the start of a longer name ("tsunami warning"
    in "the pacific tsunami warning center"): a modifier before it and a noun after it."""
    found = re.findall(rf"(\w+){re.escape(spaced)}(\w+)", prose)
    return sum(1 for before, after in found if _noun_word(after) and before not in STOPWORDS)


def _noun_word(word: str) -> bool:
    return word not in STOPWORDS and word.isalpha() and "NOUN" in getAllLemmas(word)


def everyday_alias(fact: Fact) -> bool:
    """Are both names everyday English ("a high temperature (fever)")? Then the gloss is the
    language's, not the topic's: a learner knows it before reading the article."""
    names = content_words(fact.subject) + content_words(fact.answer)
    return bool(names) and all(zipf(w) >= EVERYDAY_ZIPF for w in names)


def gloss(ctx: Context, fact: Fact) -> Iterator[Candidate]:
    if everyday_alias(fact):
        return
    term = decapitalise(fact.subject, ctx.doc.proper)
    meaning = sentence_case(fact.answer, ctx.doc.proper)
    sentence = fact.unit.sentence.text
    named = with_article(term, sentence, fact.answer)
    verb = "are" if is_plural(term) else "is"
    said = sentence
    if fact.unit.line.kind == "heading":
        said = f"{capitalise(named)} {verb} {decapitalise(meaning, ctx.doc.proper)}."
    stem = f"What {verb} {named}?"
    if _both_names(fact):
        yield from _other_name(ctx, fact, said)
        return  # "What is Sermeq Kujalleq?" is not answered by its other name
    yield make(ctx.doc, fact, Kind.FLASHCARD, stem, meaning, said)
    yield from _other_name(ctx, fact, said)
    siblings = ctx.siblings(fact)
    kin = same_kind(fact.answer, [(f.answer, f.answer) for f in siblings], enough=2)
    pool = kin or [f.answer for f in siblings]
    options = pick_distractors(meaning, [sentence_case(o, ctx.doc.proper) for o in pool])
    yield make(ctx.doc, fact, Kind.MULTIPLE_CHOICE, stem, meaning, said, distractors=options)
    # A false twin only of the same kind and number: "Tesla is relative permeability." and
    # "Nausea is lower legs." give themselves away.
    swaps = [
        o for o in options if kin and is_plural(o) == is_plural(meaning) and not ctx.states(fact, o)
    ]
    false = say_false(fact) and bool(swaps)
    own = with_article(decapitalise(meaning, ctx.doc.proper), sentence, fact.subject)
    claim = decapitalise(swaps[0], ctx.doc.proper) if false else own
    answer = "False" if false else "True"
    yield make(ctx.doc, fact, Kind.TRUE_FALSE, f"{capitalise(named)} {verb} {claim}.", answer, said)
    yield from _term_cloze(ctx, fact, said)


def _both_names(fact: Fact) -> bool:
    """ "Sermeq Kujalleq (also known as Jakobshavn Isbræ)": two names of one thing."""
    return all(w[:1].isupper() for w in words(f"{fact.subject} {fact.answer}"))


def _other_name(ctx: Context, fact: Fact, said: str) -> Iterator[Candidate]:
    """ "What is high blood pressure also called?" → Hypertension."""
    meaning = sentence_case(fact.answer, ctx.doc.proper)
    sentence = fact.unit.sentence.text
    if is_noun_phrase(fact.answer):
        other = with_article(decapitalise(meaning, ctx.doc.proper), sentence, fact.subject)
        be = "are" if is_plural(other) else "is"
        reverse = f"What {be} {other} also called?"
        answer = fact.subject if is_acronym(fact.subject) else capitalise(fact.subject)
        yield make(ctx.doc, fact, Kind.FLASHCARD, reverse, answer, said, variant="reverse")


def _term_cloze(ctx: Context, fact: Fact, said: str) -> Iterator[Candidate]:
    """The sentence with the term blanked, unless the term is only a bracket renaming the
    word before it ("the cog (___)": its translation, asked as if it were knowledge)."""
    sentence = fact.unit.sentence.text
    start = find_phrase(sentence, fact.subject)
    end = start + len(fact.subject)
    if fact.unit.line.kind == "heading" or start == -1 or renames_before(sentence, start, end):
        return
    prompt = sentence[:start] + CLOZE_BLANK + sentence[end:]
    yield make(ctx.doc, fact, Kind.CLOZE, prompt, fact.subject, said, variant="term")

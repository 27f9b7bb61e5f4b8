"""The acceptance stage: what a teacher would reject in a candidate that passed its template.

Blind audit 0 (``briefs/audit0-results.md``) found recurring failure patterns; each is a
general rule here, a pure function of the candidate and of what the article as a whole says
(how often it uses a phrase, which terms it defines, its table columns). Word lists are only
of English function and discourse words, never of an article's words. ``accept`` runs every
rule over the candidates in one pass, drops near-copies keeping the better-scored one, and
counts each rejection under its reason code (registered beside the gates' ``REASONS`` so the
``generate`` report names them).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from lemminflect import getAllLemmas

from questions.acceptance_cues import CUE_REASONS, CUE_RULES
from questions.acceptance_refs import REF_REASONS, REF_RULES
from questions.acceptance_slots import SLOT_REASONS, SLOT_RULES, top_words
from questions.facts import Fact
from questions.facts_keyterms import names_whole
from questions.gates import REASONS
from questions.model import CLOZE_BLANK, Kind, Question
from questions.nlp import FINITE_VERB, NOUN_TAGS, Token, can_be_verb, is_noun_phrase, tag
from questions.quantities import UNITS, is_quantity
from questions.ranking import score
from questions.rarity import is_trivial_word, zipf
from questions.textutil import STOPWORDS, content_stems, is_content, squash, stem, words

ACCEPT_REASONS = {
    "filler_blank": "the blank is a common English word, not a term of the topic",
    "fixed_phrase": "the blank completes a fixed phrase or noun phrase whose rest is shown",
    "list_member": "the blank is one item of a list or pair, so several fillers fit",
    "acronym_leak": "an abbreviation and its expansion give each other away",
    "page_reference": "the sentence is about the page (navigation, table, caption, heading)",
    "fragment": "the stem is a fragment without a finite verb or main clause",
    "unresolved_opener": "the stem starts with a reference the learner cannot resolve",
    "bad_span": "the blank cuts across a verb, a hyphenated word or a number and its unit",
    "pair_leak": "the other half of a pair (or the complementary percentage) gives it away",
    "shared_predicate": "the same statement is made of another subject in the article",
    "shared_value": "several rows of the table share this value",
    "number_distractor": "a numeric option breaks the stem's range or overlaps the answer",
    "broken_template": "the question's template misread its sentence",
    "topic_answer": "the answer is the article's own topic",
    "similar_stem": "another question's stem is almost the same",
}
ACCEPT_REASONS.update(CUE_REASONS)
ACCEPT_REASONS.update(SLOT_REASONS)
ACCEPT_REASONS.update(REF_REASONS)
# Registered once, beside the gates' own codes, so reports print a text for every code.
REASONS.update(ACCEPT_REASONS)

# A word at least this common in English is filler unless the article makes it a term.
COMMON_ZIPF = 4.0
EVERYDAY_ZIPF = 4.5  # "life" 6.0, "blood" 5.0; "thylakoid", "antenna" far below
KEY_COUNT = 12  # a single word the article uses this often is its topic's term
SIMILAR = 0.6  # stem Jaccard above which two questions ask the same thing
# Each question is compared with at most this many of those sharing a stem: linear work.
WINDOW = 40
# Fewer passing candidates than this and the softly rejected come back (a deck needs 8).
FLOOR = 16
_SOFT_CODES = (
    "filler_blank fixed_phrase list_member similar_stem shared_predicate generic_phrase"
    " thin_cloze everyday_plural everyday_word topic_word owner_blank title_word compound_cut"
    " faq_heading subject_phrase everyday_phrase"
)
SOFT = frozenset(_SOFT_CODES.split())
# A blank holding a common noun's possessive and what it owns, or a name's and a number: two
# constituents ("world's amethyst geodes", "Derek Clayton's 1967"); "Parkinson's disease" is one.
POSSESSED_SPAN_RE = re.compile(r"(?:^|\s)[a-z]\w*['’]s\s+\w|\w['’]s\s+\d")
ARTICLE_AND_RANK_RE = re.compile(
    r"(?:a|an|the)\s+(?:first|second|third|fourth|fifth|new|further|final|last|next)", re.I
)
RATIO_BEFORE_RE = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine)\s+(?:in|out of)\s*$", re.I
)
_OPENER_WORDS = (
    "this these that those it they he she another such hence thus having both its their here"
)
OPENERS = frozenset(_OPENER_WORDS.split())
OPENER_RE = re.compile(
    r"\b(?:he or she|this type|these same|for those|the latter|the former"
    r"|at the same time(?! as)"
    r"|the (?:best|most|least)[- ](?:known|common|famous|important)(?= (?:is|was|are|were)\b))\b",
    re.I,
)
# "The name has been used in English since …": which name? (audit 17) Not "The word hansa
# comes from …", "The word "monsoon" comes …": those say it.
UNNAMED_WORD_RE = re.compile(
    r"\bthe (?:\w+ )?(?:name|word|term)\s+(?:has|have|is|was|comes|came|derives|meant|means)\b",
    re.I,
)
SUPERLATIVE_HEAD_RE = re.compile(
    r"the\s+(?:(?:best|most|least)[- ]\w+|\w{2,}est)\s+\{\{blank\}\}", re.I
)
# English superlatives (a closed list: "chinrest", "forest" end in -est too).
SUPERLATIVES = (
    "(?:largest|smallest|biggest|oldest|youngest|longest|shortest|tallest|highest|lowest|"
    "fastest|slowest|deepest|heaviest|lightest|greatest|earliest|latest|newest|strongest|"
    "weakest|commonest|rarest|brightest|hottest|coldest|best|worst|first|last)"
)
# Openers that continue the previous sentence's thought: the learner has not read it.
BACK_OPENER_RE = re.compile(
    r"(?:so|rather|instead|therefore|consequently|then|otherwise|likewise|similarly|however|"
    r"nevertheless|nonetheless|even so|from (?:there|here)|for (?:example|instance)|"
    r"within (?:(?:a few|several|two|three) )?(?:hours|days|weeks|months|years|decades)|"
    r"within (?:an? )?(?:hour|day|week|month|year|decade)|soon after(?:wards)?|"
    r"shortly (?:after(?:wards)?|before)|(?:the|that) (?:next|following|same) (?:day|year)|"
    r"in (?:this|that|these|those|such|either|each) (?:case|cases|way|situation|instance)|"
    r"as a (?:result|consequence)|for (?:this|that|these) reasons?|because of (?:this|that)|"
    r"at this (?:point|stage|time)|in (?:addition|contrast|comparison) to (?:this|that|these)|"
    r"after (?:that|this)|before (?:that|this)|at the same time|in the meantime|in turn|"
    r"in fact|indeed|in other words|that is(?=,)"
    # "Other famous examples include …", "Another example is …": more of a list named before
    r"|(?:other|further|more)\s+(?:\w+\s+)?examples\b|another\s+(?:\w+\s+)?example\b"
    # "The best known, Meganeura, …", "The largest is …": the best of a class named before
    r"|the\s+(?:best[- ]known|(?:most|least)\s+\w+|" + SUPERLATIVES + r")"
    r"(?=\s*,|\s+(?:is|was|are|were)\b))\b",
    re.I,
)
# "We trace the inventions …", "In this note we look at …", "Here we …": the page speaking
# of itself (first person plural opening the sentence), never a fact to ask.
PAGE_VOICE_RE = re.compile(
    r"(?:(?:here|below|now|next|today|first|in this (?:\w+ ){0,2}\w+),?\s+)?"
    r"(?:we|let(?:'|’)?s|let us)\b",
    re.I,
)
# "For many people with diabetes, this means …": the main clause's subject points back.
PRONOUN_SUBJECT_RE = re.compile(r"[^,;:]{1,80},\s+(?:this|these|that|those|it|they)\s+(?=\w)", re.I)
PAGE_RE = re.compile(
    r"\b(?:please refer|refer to|see also|see (?:the )?(?:table|figure|section|below|above)"
    r"|(?:table|list|figure|map|chart|image|diagram)s? (?:below|above)|as discussed"
    r"|as (?:mentioned|described|shown) (?:above|below|earlier)|for more (?:information|details?)"
    r"|go to|click|brand name products?"
    r"|our (?:readers|site|visitors|guide|team|editors|volunteers|supporters|members|charity)"
    # the organisation's people and places: "Our CPAP nurses will …", "our observing officer"
    r"|our (?:\w+ ){0,3}(?:nurses|staff|doctors|officers?|instructors|experts|advisers|advisors|"
    r"technicians|clinic|service|helpline|club|society|shop|website|centre|center|museum|"
    r"gallery|galleries|collection|exhibition|library|school|enquiry|enquiries|league|"
    r"approach|sheets|course|courses|visitors|readers|page|pages|projects|earlier)\b"
    r"|\b(?:readers|visitors) (?:write|ask|send)|\bwrite to us\b|\bwe (?:saw|trace|welcome)\b"
    r"|(?:is|are) (?:blue|yellow|red|green|(?:light|dark) gr[ae]y)\b)",
    re.I,
)
OUR_BLANK_RE = re.compile(r"\bour (?:own )?(?:\{\{blank\}\}|___)", re.I)
# Opening hours and event times: a clock time with a weekday or "every day".
CLOCK_RE = re.compile(r"\b\d{1,2}[:.]\d{2}\b(?!\s*(?:m|km|kg|g|s)\b)")
SCHEDULE_RE = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekdays?|weekends?"
    r"|every day|daily)\b",
    re.I,
)
FIGURE_RE = re.compile(
    r"\b(?:shown|illustrated|depicted|pictured|drawn|plotted|listed|summari[sz]ed) in "
    r"(?:the )?(?:figure|fig\.|table|chart|diagram|graph|image|map)s?\b",
    re.I,
)
INSTITUTION_RE = re.compile(
    r"\b(?:Institutes?|University|Association|Foundation|Society|Council|Agency|Department"
    r"|Organi[sz]ation|Centers?|Centres?|College|Academy)\b"
)
SERIES_LEAD = re.compile(
    r"(?:such as|e\.g\.|i\.e\.|including|for example|like|especially)\W*$", re.I
)
CONNECTIVE = frozenset(["but", "also", "and", "or", "yet"])
PAIRS = (
    ("upper", "lower"), ("left", "right"), ("inner", "outer"), ("high", "low"),
    ("increase", "decrease"), ("more", "less"), ("before", "after"), ("early", "late"),
    ("male", "female"), ("men", "women"), ("positive", "negative"), ("acute", "chronic"),
    ("internal", "external"), ("maximum", "minimum"), ("major", "minor"), ("active", "passive"),
)  # fmt: skip


def _mates(pairs: tuple[tuple[str, str], ...]) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for a, b in pairs:
        out[a] = (*out.get(a, ()), b)
        out[b] = (*out.get(b, ()), a)
    return out


MATES = _mates(PAIRS)  # each word of a pair with its mates: one lookup per answer word
UNIT_RE = re.compile(
    r"^\s*(?:%|°|percent|per ?cent|[a-zµ]{1,3}\b"
    r"|years?|months?|weeks?|days?|hours?|minutes?|seconds?)",
    re.I,
)
# A finite verb, or a base form (an instruction, or a verb the tagger left untensed).
VERBS = FINITE_VERB | {"VB"}
EVERYDAY_ACRONYM = 3.8  # Zipf of "FDA"; topic acronyms (ALS 3.4, ATP 3.5) are rarer
STAND_RE = re.compile(r"What does (\S+) stand for\?")
STANDS_RE = re.compile(r"(\S+) stands for (.+)\.$")
COMPLETES_RE = re.compile(r"Which \w+ completes the article's sentence: “(.*)”$")
NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True)
class Lexicon:
    """What the article as a whole says about words: the context every rule may consult."""

    count: Callable[[str], int]  # how often the article uses a phrase
    defined: frozenset[str]  # folded terms it defines, abbreviates, glosses or heads a section with
    title: str  # folded title
    shared_cells: frozenset[str]  # ids of table-cell facts whose value another row shares
    facts: dict[str, Fact]
    top: frozenset[str] = frozenset()  # the page's commonest content words (``top_words``)


def lexicon(
    count: Callable[[str], int], facts: Iterable[Fact], title: str, text: str = ""
) -> Lexicon:
    facts = list(facts)
    defined: set[str] = set()
    for f in facts:
        if f.kind in ("definition", "gloss", "abbreviation", "alias", "qa"):
            defined.update(squash(n) for n in (f.subject, f.answer, *f.accepted) if len(n) < 60)
    cells = Counter((f.group, squash(f.answer)) for f in facts if f.kind == "table_cell")
    shared = frozenset(
        f.id for f in facts if f.kind == "table_cell" and cells[(f.group, squash(f.answer))] > 1
    )
    facts_by_id = {f.id: f for f in facts}
    return Lexicon(count, frozenset(defined), squash(title), shared, facts_by_id, top_words(text))


def _parts(q: Question) -> tuple[str, str]:
    before, _, after = q.prompt.partition(CLOZE_BLANK)
    return before, after


def _is_term(answer: str, lex: Lexicon) -> bool:
    """A term of the topic: defined by the article, or used by it repeatedly."""
    if squash(answer) in lex.defined:
        return True
    n = len(words(answer))
    return lex.count(answer) >= (KEY_COUNT if n == 1 else 2)


def _common(word: str) -> bool:
    return not word[:1].isdigit() and (is_trivial_word(word) or zipf(word) >= COMMON_ZIPF)


def filler_blank(q: Question, lex: Lexicon) -> list[str]:
    """Pattern 1: every word of the blank is common English and the article makes none a term."""
    if q.kind != Kind.CLOZE:
        return []
    tokens = [re.sub(r"['’]s$", "", t) for t in words(q.answer)]  # "people's" is "people"
    if q.answer.strip() in UNITS:
        return ["filler_blank"]  # "lose a few ___ a week" → psi: the unit, not the number
    if any(c.isnumeric() for c in q.answer) or is_quantity(q.answer):
        return []  # a number with its unit is a fact, however common the unit
    common = _common(tokens[0]) if len(tokens) == 1 else all(is_trivial_word(t) for t in tokens)
    if not tokens or not common or _is_term(q.answer, lex):
        return []
    at = q.prompt.find(CLOZE_BLANK)
    if names_whole(q.prompt, (at, at + len(CLOZE_BLANK))):
        return []  # "a bony socket called the ___" → orbit: the sentence makes it a term
    return ["filler_blank"]


# "Oceanographers", "Astronomers", "archaeologists", "metalworkers": people of a trade.
PROFESSION_RE = re.compile(r"^[A-Za-z]{3,}(?:ists|ians|ographers|onomers|workers)$")


def profession_blank(q: Question, lex: Lexicon) -> list[str]:
    """A blank that is people of a trade, bare and plural ("___ measure the flow of large
    currents in sverdrups"): the sentence's fact is what they do, and "Scientists" or
    "Researchers" fill it as well (audits 19-21)."""
    answer = q.answer.strip()
    if q.kind != Kind.CLOZE or " " in answer or not PROFESSION_RE.match(answer):
        return []
    return ["profession_blank"]


# "01632 960 422", "+44 20 7946 0000", "0800-123-456": a telephone number, not a fact.
PHONE_RE = re.compile(r"^\+?\(?\d[\d ()-]{6,}\d$")


def contact_answer(q: Question, lex: Lexicon) -> list[str]:
    """An answer that is a telephone number, or a part of an e-mail or web address: the
    page's contact line, not its topic."""
    digits = sum(c.isdigit() for c in q.answer)
    if PHONE_RE.match(q.answer.strip()) and digits >= 9:
        return ["contact_answer"]
    if q.kind != Kind.CLOZE:
        return []
    before, _, after = q.prompt.partition(CLOZE_BLANK)
    address = ADDRESS_BEFORE_RE.search(before) or ADDRESS_AFTER_RE.match(after)
    return ["contact_answer"] if address else []


# "email recycling@___.gov.uk", "www.___.org": a blank glued into an address
ADDRESS_BEFORE_RE = re.compile(r"(?:@|www\.|https?://)\S*$")
ADDRESS_AFTER_RE = re.compile(r"^(?:@|\.(?:gov|org|com|net|co|ac|edu|uk)\b)")


def _sentence_tokens(q: Question) -> tuple[tuple[Token, ...], int, int]:
    """The filled-in sentence's tokens and the index range of the answer's tokens."""
    before, after = _parts(q)
    text = before + q.answer + after
    tokens = tag(text)
    lo, hi = len(before), len(before) + len(q.answer)
    inside = [i for i, t in enumerate(tokens) if t.start >= lo and t.end <= hi]
    if not inside:
        return tokens, 0, 0
    return tokens, inside[0], inside[-1] + 1


def fixed_phrase(q: Question, lex: Lexicon) -> list[str]:
    """Pattern 7 (and the head-noun half of 1): a one-word blank inside a longer noun phrase
    or a verb–object pair whose other half stays visible ("life ___", "giving ___")."""
    if q.kind != Kind.CLOZE or len(words(q.answer)) != 1 or q.answer[:1].isdigit():
        return []
    if squash(q.answer) in lex.defined or lex.count(q.answer) >= 3 or zipf(q.answer) < 3.0:
        return []  # a word the article repeats is a term even inside a phrase
    tokens, lo, hi = _sentence_tokens(q)
    if hi != lo + 1:
        return []
    prev = tokens[lo - 1] if lo else None
    nxt = tokens[hi] if hi < len(tokens) else None
    # The visible half is everyday English ("life", "free", "giving"): the phrase is a fixed
    # one; a rare modifier ("thylakoid ___") is itself the topic's and leaves the blank open.
    glued = (prev is not None and prev.tag in NOUN_TAGS | {"JJ", "VBG"} and _everyday(prev)) or (
        nxt is not None
        and nxt.tag in NOUN_TAGS
        and tokens[lo].tag in NOUN_TAGS | {"JJ"}
        and _everyday(nxt)
    )
    return ["fixed_phrase"] if glued else []


def _everyday(token: Token) -> bool:
    return zipf(token.text) >= EVERYDAY_ZIPF


def list_member(q: Question, lex: Lexicon) -> list[str]:
    """Pattern 3 (and 13's pairs): the blank is an item of a series or a coordinated pair."""
    if q.kind != Kind.CLOZE:
        return []
    before, after = _parts(q)
    clause = re.split(r"[.;:!?]\s", before)[-1]
    if SERIES_LEAD.search(clause) or re.search(
        r"(?:such as|e\.g\.|including|for example)", clause, re.I
    ):
        return ["list_member"]
    # "A, B, or ___", "A, B and ___", "A, ___, or C", "___, B, and C": two siblings at least.
    left = re.search(
        r",\s*(?:and|or|nor)\s*$|,[^,()]{1,40},\s*$|,[^,()]{1,40}\s(?:and|or|nor)\s*$", clause
    )
    right = re.match(r"\s*,[^,.;()]{1,40}(?:,|\s(?:and|or|nor)\s)", after)
    mid = clause.rstrip().endswith(",") and re.match(r"\s*(?:,|\s?(?:and|or|nor)\s)", after)
    # "A or ___", "___ or B": alternatives, either fits; "A and ___" of two nouns likewise.
    pair = re.search(r"\bor\s*$", clause) or re.match(r"\s*or\s", after)
    # "___ and B." closing its clause: a pair of one-word items whose other half is shown.
    pair = pair or re.match(r"\s*and\s+[\w'’-]+\s*(?:[.,;:!?]|$)", after)
    noun_pair = (
        re.search(r"\w+\s+and\s*$", clause)
        and not re.search(r"\bbetween\b[^,]*$", clause)  # "between A and ___" is one relation
        and _tag_before(clause) in NOUN_TAGS
    )
    return ["list_member"] if left or right or mid or pair or noun_pair else []


def _tag_before(clause: str) -> str:
    """The tag of the word before a final "and" (a noun: the blank is its sibling)."""
    tokens = tag(clause)
    return tokens[-2].tag if len(tokens) >= 2 else ""


def _initials(text: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’]*", text)).casefold()


def _acronym(text: str) -> str:
    folded = re.sub(r"['’]?s$", "", text.strip()).replace(".", "")
    return folded.casefold() if folded.isupper() and folded.isalpha() else ""


def acronym_leak(q: Question, lex: Lexicon) -> list[str]:
    """Pattern 4: "What is the abbreviation for X?", or initials that spell the answer."""
    stand = STAND_RE.match(q.prompt) or STANDS_RE.match(q.prompt)
    if stand:
        # An everyday acronym (FDA, OTC) spells common words; a topic's (ALS, PLMS) does not.
        expansion = q.answer if q.kind != Kind.TRUE_FALSE else stand.group(2)
        common = all(zipf(w) >= COMMON_ZIPF for w in re.findall(r"[A-Za-z]+", expansion))
        return ["acronym_leak"] if common else []
    if q.kind == Kind.TRUE_FALSE:
        return []
    if q.prompt.startswith("What is the abbreviation for"):
        return ["acronym_leak"]
    if _acronym(q.answer) and zipf(q.answer) >= EVERYDAY_ACRONYM:
        return ["acronym_leak"]  # "approved by the ___" → FDA: an everyday name, not a term
    before, after = _parts(q)
    if before.rstrip().endswith("(") and after.lstrip().startswith(")") and _acronym(q.answer):
        return ["acronym_leak"]  # "Long Name (___)"
    near = re.match(r"[^()]{0,40}\(([A-Z][A-Za-z]{1,7})\)", after)
    if near and near.group(1)[0].casefold() == q.answer[:1].casefold():
        return ["acronym_leak"]  # "___ acid (ALA)": the acronym spells the blank's initials
    stem_words = re.findall(r"[A-Za-z][\w'’]*", q.prompt.replace(CLOZE_BLANK, " "))
    # Two letters at least: an answer's capital "A" is its article, not an abbreviation.
    short = next((_acronym(w) for w in q.answer.split() if len(_acronym(w)) >= 2), "")
    if short and any(
        _initials(" ".join(stem_words[i : i + len(short)])) == short for i in range(len(stem_words))
    ):
        return ["acronym_leak"]
    initials = _initials(q.answer)
    if len(initials) >= 2 and initials in {
        w.casefold().rstrip("s") for w in stem_words if w.isupper()
    }:
        return ["acronym_leak"]
    return []


def page_reference(q: Question, lex: Lexicon) -> list[str]:
    """Pattern 6: a sentence about the page, a heading or a list numeral, an institution."""
    sentence = q.source.sentence
    if PAGE_RE.search(sentence) or sentence.rstrip().endswith(":") or page_voice(sentence):
        return ["page_reference"]
    if OUR_BLANK_RE.search(q.prompt):
        return ["page_reference"]  # "Our ___ gives free advice": the organisation's own
    if CLOCK_RE.search(sentence) and SCHEDULE_RE.search(sentence):
        return ["page_reference"]  # "… run every Saturday from 10:00 to 12:00": a timetable
    if q.kind == Kind.CLOZE:
        before, after = _parts(q)
        if len(words(before + after)) <= 4 or re.fullmatch(r"\(?\d{1,2}\)?", q.answer.strip()):
            return ["page_reference"]
        if ":" not in before and re.match(r"[^.:]{0,30}: ", after):
            return ["page_reference"]  # the blank is in a heading glued before the sentence
        if FIGURE_RE.search(q.source.sentence):
            return ["page_reference"]  # "… are illustrated in Figure 4.16": the page's own art
        near = before[-40:] + q.answer + after[:60]
        if INSTITUTION_RE.search(near) and q.answer[:1].isupper():
            return ["page_reference"]
    return []


def page_voice(sentence: str) -> bool:
    """Does the sentence open with the page's own "we" ("We trace …", "Here we look at …")?
    Its fact is the page's plan, and no sentence before it resolves that."""
    return PAGE_VOICE_RE.match(sentence.lstrip("“\"'‘ ")) is not None


def _body(prompt: str, quoted: bool = True) -> str:
    """The stem without a template's "Entity: " frame or (if ``quoted``) quotation lead."""
    if quoted and "“" in prompt:
        prompt = prompt.split("“", 1)[1]
    frame = re.match(r"([^:{}]{1,60}): (?=[A-Z{])", prompt)
    if frame and len(frame.group(1).split()) <= 6:
        return prompt[frame.end() :]
    return prompt


def unresolved_opener(q: Question, lex: Lexicon) -> list[str]:
    """Pattern 10: the stem opens with a reference to what came before it."""
    body = _body(q.prompt)
    first = words(body[:40])
    if first and first[0].casefold() in OPENERS | CONNECTIVE and not body.startswith(CLOZE_BLANK):
        return ["unresolved_opener"]
    # Any kind that shows the sentence: "Growing from a few towns, it came to dominate …"
    # is as vague as a true/false statement as it is as a cloze.
    if q.kind != Kind.FLASHCARD and _points_back(body.replace(CLOZE_BLANK, q.answer)):
        return ["unresolved_opener"]
    if _refers_back(body.replace(CLOZE_BLANK, q.answer)) or _instruction(
        body.replace(CLOZE_BLANK, q.answer)
    ):
        return ["unresolved_opener"]
    if SUPERLATIVE_HEAD_RE.match(body) or UNNAMED_WORD_RE.search(body):
        return ["unresolved_opener"]  # "The best known ___ was …": best known what?
    return ["unresolved_opener"] if OPENER_RE.search(body) else []


# After a bare verb, words that make it an instruction about a situation the stem does not
# set ("Notice when …", "Check whether …", "Make sure …", "Calibrate again …").
INSTRUCTION_NEXT = frozenset(["when", "whether", "how", "sure", "again"])


def _instruction(body: str) -> bool:
    """ "Notice when the ___ enters …": an instruction to the reader (a bare verb opening
    the sentence, then "when", "whether", "how", "sure" or "again") is advice about a
    moment the learner has not read, not a fact. ``templates_blanks.is_advice`` keeps such
    sentences from true/false and term choices; a cloze of one is vague."""
    first = words(re.sub(r"^\d+[.)]\s+", "", body)[:40])[:2]
    if len(first) < 2 or first[1].casefold() not in INSTRUCTION_NEXT:
        return False
    verb = first[0].casefold()
    if not first[0][:1].isupper() or verb not in getAllLemmas(verb).get("VERB", ()):
        return False
    # "Light when it enters glass slows down": a second finite verb is the noun's own.
    clause = re.split(r"[,;:]", body, maxsplit=1)[0]
    return sum(t.tag in FINITE_VERB for t in tag(clause)) <= 1


# "these ions", "such effects", "this process" inside a sentence: a thing named before it.
DEMONSTRATIVE_RE = re.compile(r"\b(?:these|those|such|this)\s+([a-z][a-z-]{2,})\b", re.I)
# "…, is a common example.": an example of what the sentence before named.
EXAMPLE_RE = re.compile(
    r"\b(?:an?|one|another)\s+(?:\w+\s+)?(?:example|type|form|kind)\b(?!\s+of)", re.I
)
PERSON_RE = re.compile(r"\b(?:he|she|his|her|him|hers|himself|herself)\b", re.I)
NAME_RE = re.compile(r"\b[A-Z][a-z]+")


def _unnamed_person(body: str) -> bool:
    """ "He printed about 180 copies", "… lends some support to his account": a person the
    stem never names before the pronoun. A sentence's first word is a name only if tagged
    one ("Surveys of the soil …" names nobody)."""
    found = PERSON_RE.search(body)
    if found is None:
        return False
    names = [
        m
        for m in NAME_RE.finditer(body[: found.start()])
        if m.group().casefold() not in STOPWORDS and (m.start() > 0 or _tagged_name(body))
    ]
    return not names


def _tagged_name(body: str) -> bool:
    first = tag(body)[:1]
    return bool(first) and first[0].tag in ("NNP", "NNPS")


# "The product of their concentrations": "their" with no plural noun or "and" before it.
THEIR_RE = re.compile(r"\btheir\b", re.I)
# "much less affected", "more resistant": a comparison whose "than" the stem leaves out.
COMPARATIVE_RE = re.compile(r"(?<!\bthe )\b(?:less|more)\s+(?!than\b|and\b|or\b)(?=[a-z])", re.I)
# A comparison the sentence itself completes: "than", or a contrast of two things it names.
THAN_RE = re.compile(
    r"\b(?:than|compared|comparison|relative to|unlike|while|whereas|the more|the less)\b", re.I
)
# "much less affected": an adjective compared this way asks "than what?"; "more likely" does not.
DEGREE_WORDS = frozenset(["much", "far", "even", "slightly", "considerably", "significantly"])
CHANGE_VERBS = frozenset(
    ["become", "becomes", "became", "becoming", "get", "gets", "got", "grow", "grows", "grew"]
)
# "Crick also saw …", "Excavations have also revealed …": an addition to what came before.
ALSO_RE = re.compile(
    r"^[^,;:]{1,60}?\balso\b(?!\s+(?:called|known|termed|named|referred|abbreviated)\b)", re.I
)
BE_WORDS = frozenset(["is", "are", "was", "were", "be", "been", "being"])
BOTH_RE = re.compile(r"\b(?:as well as|both|not only|along with)\b", re.I)


# Tags that open a sentence with a phrase before its subject ("In Britain", "Native to …").
OPENING_PHRASE_TAGS = frozenset(["IN", "RB", "JJ", "VBN", "VBG", "CD"])


def _pronoun_before_noun(body: str) -> bool:
    """ "If you could already send it securely, …": "it"/"they"/"them" before the stem has
    named any thing at all refers to one a sentence before named; "they"/"them" before it
    has named things (a plural or two joined by "and": "Light streaming through them …")."""
    named = plural = common = False
    tokens = tag(body)
    opener = bool(tokens) and tokens[0].tag in OPENING_PHRASE_TAGS  # "In Britain it …"
    for token, after in zip(tokens, [*tokens[1:], None], strict=True):
        named = named or token.tag in NOUN_TAGS or token.tag == "CD"
        common = common or token.tag in ("NN", "NNS")
        plural = plural or token.tag in ("NNS", "NNPS") or token.text.casefold() == "and"
        word = token.text.casefold()
        if word == "it" and not named:
            return True
        if (
            word == "it"
            and opener
            and not common
            and after is not None
            and after.tag in FINITE_VERB
        ):
            return True  # "In Britain it became fashionable": no thing named before "it"
        if word in ("they", "them") and not plural:
            return True
    return False


def _owner_missing(body: str) -> bool:
    """ "their" whose owner the stem never names: no plural noun and no "and" before it."""
    found = THEIR_RE.search(body)
    if found is None:
        return False
    before = tag(body[: found.start()]) if found.start() else ()
    return not any(t.tag in ("NNS", "NNPS") or t.text.casefold() == "and" for t in before)


def _open_comparison(body: str) -> bool:
    """ "… such as AES are much less affected": more/less before a participle, or after
    "much"/"far" before an adjective, and no "than", "compared" or contrast in the stem."""
    if THAN_RE.search(body):
        return False
    for match in COMPARATIVE_RE.finditer(body):
        before = words(body[: match.start()])[-1:]
        degree = bool(before) and before[0].casefold() in DEGREE_WORDS
        if before and before[0].casefold() in CHANGE_VERBS:
            continue  # "as electrons become more confined": a change, not a comparison
        following = tag(body[match.end() :])[:1]
        if following and (following[0].tag == "VBN" or (degree and following[0].tag == "JJ")):
            return True
    return False


def _added(body: str) -> bool:
    """ "Crick also saw a research report", "Excavations have also revealed …": "also" in the
    opening words, before any comma, adds an event to one a sentence before told. A property
    ("is also involved in …", "can also be caused by …") stands alone."""
    found = ALSO_RE.match(body)
    if found is None or BOTH_RE.search(body):
        return False
    before = words(body[: found.end()])[-2:-1]
    helper = before[0].casefold() if before else ""
    tokens = tag(body)
    after = next((i + 1 for i, t in enumerate(tokens) if t.start >= found.end() - 4), len(tokens))
    verb = tokens[after].tag if after < len(tokens) else ""
    # "Crick also saw", "have also revealed"; not "is also involved", "can also be caused"
    return helper in ("has", "have", "had") or (verb in ("VBD", "VBN") and helper not in BE_WORDS)


OTHERS_RE = re.compile(r"^(?:still|many|some|yet)?\s*others\b", re.I)
# "Much of it …", "Most of them …", "Each of these …": a share of something named before.
_QUANTIFIERS = r"(?:each|both|either|neither|much|most|many|some|all|several|few|none|one|any)"
SHARE_RE = re.compile(rf"^{_QUANTIFIERS}\s+of\s+(?:it|them|these|those|this|that)\b", re.I)
# "Each was a walled enclave …", "Most are perennials …": a quantifier standing alone as the
# subject of its verb.
ALONE_RE = re.compile(
    r"^(?:each|either|neither|most|many|some|several|few|all|both)\s+(?=\w)", re.I
)
# Nouns that stand for a whole arrangement the previous sentences described: "central to the
# system" names none. English shell nouns only, never a topic's words.
# "the product" (audit 9: "if I only give you the product"); not "the result", which
# reviewers passed in "The result is two identical DNA molecules …".
# Audit 10: "The breakthrough came from …", "the bargain worthwhile", "The link is not
# fixed", "the basic driver": a discovery, deal, relation or cause told before.
# Audit 14: "The reason is …", "The couple …": a cause or two people told before.
# Audit 16: "The plan called for a canal at sea level": whose plan the stem never says.
_SHELL_WORDS = (
    "system process method approach arrangement scheme mechanism procedure practice product"
    " breakthrough bargain link driver difference reason couple pair"
    " plan project idea effort attempt decision proposal"  # audit 16: "The plan called for …"
    " distance"  # audit 17: "The distance comes from …"
    " pattern example"  # audit 19: "The pattern is a form of …", "The best-known example is …"
)
# General words of rank or degree that leave a shell noun as unnamed as "the" alone does.
_SHELL_ADJECTIVES = "basic main key real underlying chief principal crucial overall whole"
SHELL_RE = re.compile(
    rf"\bthe\s+(?:(?:{'|'.join(_SHELL_ADJECTIVES.split())})\s+)?"
    rf"({'|'.join(_SHELL_WORDS.split())})\b(?!\s+(?:of|that|which|who|whose|called"
    r"|known|used|by|for|in which|where|between)\b)",
    re.I,
)


# "to fill the low", "to the south remains cool": a place or extreme relative to one the
# article named before ("the opposite" likewise); "to the south of X" names it, and "to the
# North Sea" is a name.
RELATIVE_PLACE_RE = re.compile(
    r"\bthe\s+(?:low|high|opposite|reverse)\s*(?=[.,;:!?)]|$)"
    r"|\bto\s+the\s+(?-i:(?:north|south|east|west)(?:-?(?:east|west))?)\b(?!\s+of\b)",
    re.I,
)


def _sequel(body: str) -> bool:
    """ "The rains then advance …", "Since then …": "then" before the main clause's verb
    continues a sequence the sentence before began; "…, then a jet …" inside it does not."""
    for token in tag(body):
        if token.tag in FINITE_VERB or token.text in (",", ";", ":"):
            return False
        if token.text.casefold() == "then":
            return True
    return False


def _quantifier_subject(body: str) -> bool:
    """ "Much of it came from …", "Each was …": the subject is a share of, or each one of,
    things the stem never names."""
    if SHARE_RE.match(body):
        return True
    alone = ALONE_RE.match(body)
    following = tag(body[alone.end() :])[:1] if alone else ()
    return bool(following) and following[0].tag in FINITE_VERB


def _shell_noun(body: str) -> bool:
    """ "Salt was central to the system": "the system" is one the article described before;
    not when the stem itself names it ("… a system of tolls. The system …")."""
    clause = body.split(";", 1)[0]  # after a ";" it is the first clause's, told in the stem
    return any(
        stem(m.group(1)) not in content_stems(body[: m.start()]) for m in SHELL_RE.finditer(clause)
    )


# Audit 11: a subject that is a general role or shell word with nothing after it to name
# it ("The start is usually linked to …", "Patients usually feel better …", "Values are
# rounded …"): the article introduced whose start, which patients, what values before.
# English words only; "the result" stands (audit 9: "The result is two identical DNA …"),
# and so do "The figures …" (audit 9 passed "The figures were made to accompany …").
_ROLE_SINGULAR = "start end beginning remainder rest outcome change increase decrease"
_ROLE_PLURAL = (
    "values numbers patients users participants respondents volunteers findings"
    " males females adults juveniles chicks young parents offspring"  # audit 19: "Males crowd …"
)
ROLE_SUBJECT_RE = re.compile(
    rf"^(?:\d+[.)]\s+)?(?:(?:the\s+(?:{'|'.join(_ROLE_SINGULAR.split())}))"
    rf"|(?:the\s+)?(?:{'|'.join(_ROLE_PLURAL.split())}))\b(?=\s)",
    re.I,
)
# "In the same year", "At that time", "Later that year", "the following year": a time told
# only relative to an event the stem does not date ("the same year as …" does, and so does a
# year before it: "… on 21 January 1793; … in October of the same year").
_TIME_UNITS = "year|month|week|day|decade|century|season|spring|summer|autumn|winter"
TIME_ANCHOR_RE = re.compile(
    rf"\b(?:the\s+same|that(?:\s+same)?|the\s+following|the\s+next|the\s+previous"
    rf"|the\s+preceding)\s+(?:{_TIME_UNITS})\b(?!\s+(?:as|when|that|of|in which)\b)"
    r"|\bat\s+(?:that|the)\s+time\b(?!\s+(?:of|when|that|as)\b)",
    re.I,
)
# "No.", "Yes, …", "For most people, no.", "Not usually.": the answer to a question (an
# FAQ's heading) the learner has not read.
FAQ_ANSWER_RE = re.compile(
    r"^(?:[^.,;:!?]{1,40},\s*)?(?:no|yes|not\s+(?:usually|always|really|necessarily|often"
    r"|quite|exactly|at\s+all|much)|usually\s+not|rarely|sometimes|it\s+depends|absolutely"
    r"|definitely|certainly|probably(?:\s+not)?|partly|mostly)\s*[.!]"
    r"|^(?:yes|no)\s*[,—–]",
    re.I,
)


def _undated_time(body: str) -> bool:
    """A time anchor ("In the same year", "later that year") with no number before it."""
    return any(not re.search(r"\d", body[: m.start()]) for m in TIME_ANCHOR_RE.finditer(body))


def _repeated(body: str) -> bool:
    """ "The river flooded again …": "again" after a past verb repeats an event told before;
    "is expected to erupt again" (a base form) is a general statement and stands."""
    tokens = tag(body)
    return any(
        t.text.casefold() == "again" and i and tokens[i - 1].tag in ("VBD", "VBN")
        for i, t in enumerate(tokens)
    )


def _role_subject(body: str) -> bool:
    """ "The start is …", "Patients usually feel …": the subject is a role or shell word
    alone, its verb (or an adverb before it) next; "The start of the era", "Patients with
    scurvy" name it."""
    found = ROLE_SUBJECT_RE.match(body)
    if not found:
        return False
    # tagged in its sentence: alone, "crowd together" reads as a noun
    following = [t for t in tag(body) if t.start >= found.end()][:1]
    return bool(following) and (following[0].tag in FINITE_VERB or following[0].tag == "RB")


# Pure in the stem's text, and asked again of each sentence by the antecedent pass, the
# templates and the acceptance rules; a long page repeats sentences word for word.
@lru_cache(maxsize=65536)
def _refers_back(body: str) -> bool:
    """Does the stem point at something only the article's previous sentences name ("…
    these ions …", "Still others …")? Not when the stem itself names it first ("Calcium …
    this calcium")."""
    if OTHERS_RE.match(body) or EXAMPLE_RE.search(body) or _unnamed_person(body):
        return True
    if _quantifier_subject(body) or _shell_noun(body):
        return True
    if _owner_missing(body) or _open_comparison(body) or _added(body):
        return True
    if _pronoun_before_noun(body) or _sequel(body) or RELATIVE_PLACE_RE.search(body):
        return True
    if _role_subject(body) or FAQ_ANSWER_RE.match(body):
        return True
    if _undated_time(body) or _repeated(body):
        return True
    for match in DEMONSTRATIVE_RE.finditer(body):
        noun = match.group(1)
        if noun.casefold() in ("as", "is", "are", "was", "were", "can", "may", "will"):
            continue  # "such as", "this is": not a noun
        if LATER_SENTENCE_RE.search(body[: match.start()]):
            continue  # "… in the enamel. This repair process is called ___": shown before it
        if stem(noun) not in content_stems(body[: match.start()]):
            return True
    return False


# The end of a sentence shown before the one a demonstrative opens (``questions.antecedent``).
LATER_SENTENCE_RE = re.compile(r"[.!?][\"”’)]?\s+$")


def needs_antecedent(sentence: str) -> bool:
    """Would a cloze of this sentence alone fail ``unresolved_opener``: does it open with a
    reference or a discourse word that points back, or say "the latter", "he or she"?
    ``questions.antecedent`` then shows the sentence before it with it."""
    first = words(sentence[:40])
    if first and first[0].casefold() in OPENERS | CONNECTIVE:
        return True
    return (
        _points_back(sentence) or _refers_back(sentence) or OPENER_RE.search(sentence) is not None
    )


def _points_back(sentence: str) -> bool:
    """A cloze's sentence that needs the one before it: it opens with a discourse word
    ("So …", "Rather, …", "In this case, …") or its main clause's subject is a pronoun after
    an opening phrase ("For many people, this means …")."""
    if BACK_OPENER_RE.match(sentence):
        return True
    subject = PRONOUN_SUBJECT_RE.match(sentence)
    if subject is None:
        return False
    following = tag(sentence[subject.end() :])[:1]
    return bool(following) and following[0].tag in FINITE_VERB


def fragment(q: Question, lex: Lexicon) -> list[str]:
    """Pattern 8: a cloze or true/false stem, or the sentence a multiple choice completes,
    must be a sentence with a finite verb."""
    completed = COMPLETES_RE.match(q.prompt) if q.kind == Kind.MULTIPLE_CHOICE else None
    if q.kind not in (Kind.CLOZE, Kind.TRUE_FALSE) and completed is None:
        return []
    body = _body(q.prompt, quoted=False).replace(CLOZE_BLANK, q.answer)
    if completed is not None:
        body = _body(completed.group(1), quoted=False).replace("___", q.answer)
    text = body.rstrip('”" ')
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1]  # a whole sentence in parentheses is still a sentence
    if (
        text[:1].islower()
        or not text.endswith((".", "!", "?"))
        or re.search(r";\s*(?:or|and)?$", text)
    ):
        return ["fragment"]
    tokens = tag(text)
    if not any(t.tag in VERBS or _hidden_verb(tokens, i) for i, t in enumerate(tokens)):
        return ["fragment"]
    return []


def _hidden_verb(tokens: tuple[Token, ...], i: int) -> bool:
    """A verb the tagger read as a noun after a plural subject or an adverb ("nerve signals
    precisely control/NN …")."""
    if i == 0 or tokens[i].tag not in NOUN_TAGS or tokens[i - 1].tag not in ("NNS", "RB"):
        return False
    return "VERB" in getAllLemmas(tokens[i].text.casefold())


def bad_span(q: Question, lex: Lexicon) -> list[str]:
    """Pattern 12: the blank cuts a word, crosses a verb, or splits a number from its unit."""
    if q.kind == Kind.MULTIPLE_CHOICE and re.search(r"___[^\s,.;:)”]", q.prompt):
        return ["bad_span"]  # "___⁻¹ cm⁻¹": the gap holds half of a number with its unit
    if q.kind != Kind.CLOZE:
        return []
    before, after = _parts(q)
    if re.search(r"[\w\-–/]$", before) or re.match(r"\)?[\w\-–]|[.,/:]\d", after):
        return ["bad_span"]  # "{{blank}}.28/39" cuts "Gloster E.28/39"
    if re.search(r"\bdegrees$", q.answer) and re.match(r"\s[CFK]\b", after):
        return ["bad_span"]  # "1,500 to 1,700 degrees ___ C": the unit is cut in two
    if re.search(r"[\-–]", q.answer) and not re.search(r"\w[\-–]\w", q.answer):
        return ["bad_span"]
    tokens, lo, hi = _sentence_tokens(q)
    verb_slot = re.search(r"\b(?:not|to|n['’]t|will|can|may|should|must)\s*$", before)
    if hi - lo > 1 and (verb_slot or any(t.tag in VERBS for t in tokens[lo:hi])):
        return ["bad_span"]
    if re.fullmatch(r"[\d.,]+", q.answer.strip()) and UNIT_RE.match(after):
        return ["bad_span"]
    if RATIO_BEFORE_RE.search(before):
        return ["bad_span"]  # "up to 9 in ___": the ratio is the fact, not its "10"
    if re.fullmatch(r"[A-Z][a-z]+(?<!ly),\s*", before) and q.answer[:1].islower():
        return ["bad_span"]  # "Light, ___ appeared": the blank goes on a list of adjectives
    if hi - lo >= 1 and tokens[lo].tag in VERBS and not q.answer[:1].isupper():
        return ["bad_span"]  # "it ___ into quartzite" → recrystallises: other verbs fit
    if re.search(r"\bper\s*$", before):
        return ["bad_span"]  # "cheaper per ___" → gigabyte: the rate is the fact, not its unit
    return ["bad_span"] if _odd_answer(q.answer) or _runs_into_verb(tokens[lo:hi]) else []


def _odd_answer(answer: str) -> bool:
    """An answer that is two things or part of one, whatever its sentence: "1990 Woodward"
    (a year and a name), "Derek Clayton's 1967", a symbol ("Qh"), "1990s many container
    ships", "a third" (a rank any article fits), "A quarter" (the article is no answer),
    "12th century paper" (a time running into the next phrase)."""
    symbol = len(answer.strip()) <= 2 and answer.isalnum() and not answer.isupper()
    return bool(
        (re.match(r"\d", answer) and re.search(r"\d[\d,.]*\s+[A-Z][a-z]", answer))
        or POSSESSED_SPAN_RE.search(answer)
        or (symbol and not answer.isdigit())
        or re.match(r"\d{3,4}s?\s+[a-z]", answer)
        or ARTICLE_AND_RANK_RE.fullmatch(answer.strip())
        or ARTICLE_LED_RE.match(answer)
        or CENTURY_ON_RE.match(answer)
    )


def _runs_into_verb(span: tuple[Token, ...]) -> bool:
    """A plural noun, then a word that is a present verb for it, then more: the tagger read
    the verb as a noun ("Turbojets suit/NN supersonic flight")."""
    plural = span[0].tag == "NNS" or (span[0].tag == "NNP" and span[0].text[1:].islower())
    if len(span) < 3 or not plural or not span[0].text.endswith("s"):
        return False
    if span[1].tag not in ("NN", "VB", "VBP"):
        return False
    word = span[1].text
    return word.islower() and not word.endswith("s") and can_be_verb(word)


# An answer that opens with its article ("A quarter", "an alloy", "The tenor" opening the
# sentence): a typed "quarter" would not match, and the article is not part of the term.
ARTICLE_LED_RE = re.compile(r"(?:[Aa]n?|The(?= [a-z]))\s+\w")
CENTURY_ON_RE = re.compile(r"\d{1,2}(?:st|nd|rd|th)[ -]centur(?:y|ies)\s+\w", re.I)


def pair_leak(q: Question, lex: Lexicon) -> list[str]:
    """Pattern 13: the answer's mate is in the stem (upper/lower, 15 % beside 85 %)."""
    if q.kind == Kind.TRUE_FALSE:
        return []
    stem_words = {w.casefold() for w in words(q.prompt.replace(CLOZE_BLANK, " "))}
    for answer in words(q.answer):
        if any(mate in stem_words for mate in MATES.get(answer.casefold(), ())):
            return ["pair_leak"]
    shorts = sorted({_acronym(w) for w in q.answer.split()} - {""})
    # The stem's acronyms only when the answer has one: most answers have none.
    stem = q.prompt.replace(CLOZE_BLANK, " ").split() if shorts else []
    acronyms = {_acronym(w) for w in stem} - {""}
    for short in shorts:
        if any(_one_letter_apart(short, other) for other in acronyms):
            return ["pair_leak"]  # "UMN and ___ findings" → LMN
    value = re.fullmatch(r"(\d+(?:\.\d+)?)\s?%", q.answer.strip())
    if value:
        rest = 100 - float(value.group(1))
        shown = re.findall(r"(\d+(?:\.\d+)?)\s?%", q.prompt)
        if any(abs(float(s) - rest) < 1e-9 for s in shown):
            return ["pair_leak"]
    return []


def _one_letter_apart(a: str, b: str) -> bool:
    return len(a) == len(b) >= 2 and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def shared_predicate(q: Question, lex: Lexicon) -> list[str]:
    """Pattern 9: "___ is safe and effective …" also said of another subject."""
    if q.kind != Kind.CLOZE or not q.prompt.startswith(CLOZE_BLANK):
        return []
    after = _parts(q)[1]
    tokens = tag(after)
    if not tokens or tokens[0].tag not in FINITE_VERB:
        return []
    # The predicate without its verb's number ("are"/"is"): "safe and effective when".
    tail = " ".join(words(after)[1:4])
    if len(content_stems(tail)) >= 2 and lex.count(tail) >= 2:
        return ["shared_predicate"]
    return []


def shared_value(q: Question, lex: Lexicon) -> list[str]:
    """Pattern 14: a table cell that other rows share does not pick out its row."""
    return ["shared_value"] if q.fact_id in lex.shared_cells and q.kind != Kind.TRUE_FALSE else []


def _range(text: str) -> tuple[float, float] | None:
    found = [float(n.replace(",", "")) for n in NUMBER_RE.findall(text)]
    return (min(found), max(found)) if found else None


def number_distractor(q: Question, lex: Lexicon) -> list[str]:
    """Pattern 15: a numeric option outside the stem's range, or overlapping the answer."""
    if q.kind != Kind.MULTIPLE_CHOICE or _range(q.answer) is None or "___" not in q.prompt:
        return []
    key = _range(q.answer)
    wrong = [_range(o) for i, o in enumerate(q.options) if i != q.correct]
    if key is None or any(w is None for w in wrong):
        return ["number_distractor"] if key is not None else []
    stem = q.prompt
    low = re.search(r"(\d[\d,.]*)\s*(?:to|–|-|and)\s*___", stem)
    high = re.search(r"___\s*(?:to|–|-|and)\s*(\d[\d,.]*)", stem)
    for w in wrong:
        assert w is not None
        if w[0] <= key[1] and key[0] <= w[1]:
            return ["number_distractor"]  # one range holds the other's value
        if low and w[0] <= float(low.group(1).replace(",", "")):
            return ["number_distractor"]
        if high and w[1] >= float(high.group(1).replace(",", "")):
            return ["number_distractor"]
    return []


def broken_template(q: Question, lex: Lexicon) -> list[str]:
    """Pattern 11 and the smaller ones: stems a template built from a misread sentence."""
    prompt = q.prompt
    if q.kind == Kind.FLASHCARD:
        if re.search(r"\b(?:may|can|could|might|must|should)\b.* to\?$", prompt):
            return ["broken_template"]  # "what may X continue to?": an infinitive cut off
        if re.match(r"According to the article, what (?:may|can|could|might) ", prompt):
            return ["broken_template"]  # "what may X get?": a modal chunk, rarely a question
        if prompt.startswith("How to ") or len(words(q.answer)) > 25:
            return ["broken_template"]
        term = re.match(r"Which term does the article use for (.+)\?$", prompt)
        if term and not is_noun_phrase(term.group(1)):
            return ["broken_template"]  # "… use for single chlorin double?": not a thing
    if q.kind == Kind.TRUE_FALSE and re.fullmatch(
        r"In the article, [^,]{1,40} (?:is|are) [^,]{1,40}\.", prompt
    ):
        return ["broken_template"]
    return []


def _folded_words(text: str) -> frozenset[str]:
    """Content words without case or a plural "s" (stems would merge chlorosis and chlorophyll)."""
    return frozenset(w.casefold().removesuffix("s") for w in words(text) if is_content(w))


@lru_cache(maxsize=256)  # the article's title, for every candidate
def _title_parts(title: str) -> tuple[frozenset[str], ...]:
    """Each part of a title such as "Parasites - Lice - Head Lice", with and without its
    bracket, and the bracket alone ("Tuberculosis (TB)" is also "Tuberculosis" and "TB")."""
    parts = re.split(r"\s[-–—|:]\s|:\s", title)
    bare = [re.sub(r"\([^()]*\)", " ", p) for p in parts]
    inner = [b for p in parts for b in re.findall(r"\(([^()]*)\)", p)]  # "(SSDs)"
    return tuple(_folded_words(p) for p in parts + bare + inner)


def topic_answer(q: Question, lex: Lexicon) -> list[str]:
    """Asking for the topic's own name tests nothing: a blank that is the title, or an
    abbreviation of the title asked either way ("What does TB stand for?" → Tuberculosis)."""
    if not lex.title or (q.kind != Kind.CLOZE and q.fact_kind != "abbreviation"):
        return []
    fact = lex.facts.get(q.fact_id)
    named = fact.answer if q.fact_kind == "abbreviation" and fact else q.answer
    names = _folded_words(named)
    topic = any(names and names == p for p in _title_parts(lex.title))
    return ["topic_answer"] if topic else []


RULES = (
    page_reference,
    unresolved_opener,
    fragment,
    broken_template,
    acronym_leak,
    pair_leak,
    bad_span,
    list_member,
    topic_answer,
    filler_blank,
    profession_blank,
    contact_answer,
    fixed_phrase,
    shared_predicate,
    shared_value,
    number_distractor,
    *CUE_RULES,
    *SLOT_RULES,
    *REF_RULES,
)


def reasons(q: Question, lex: Lexicon) -> list[str]:
    """Every acceptance rule this candidate breaks (empty: a teacher could hand it out)."""
    return [code for rule in RULES for code in rule(q, lex)]


def _stems(q: Question) -> frozenset[str]:
    """What a question is about: its source sentence (a template's own words would make all
    questions of one template look alike)."""
    return content_stems(q.source.sentence)


def similar(questions: list[Question], value: Callable[[Question], float]) -> set[int]:
    """Indexes of questions whose source sentence shares more than ``SIMILAR`` of its stems
    with a better-valued question's, made from another place: the article said it twice.

    Two sets with Jaccard above 0.6 share at least one of any ``0.4·n + 1`` stems of either,
    so each question is compared only with those sharing one of its rarest stems.
    """
    stems = [_stems(q) for q in questions]
    answers = [content_stems(q.answer) for q in questions]
    df: Counter[str] = Counter(s for ss in stems for s in ss)
    order = sorted(range(len(questions)), key=lambda i: (-value(questions[i]), questions[i].id))
    postings: dict[str, list[int]] = {}
    dropped: set[int] = set()
    for i in order:
        mine = sorted(stems[i], key=lambda s: (df[s], s))
        probe = mine[: int(0.4 * len(mine)) + 1]
        # Two questions on one sentence are the ranking's to choose between (one per sentence).
        seen = {
            j
            for s in probe
            for j in postings.get(s, ())[-WINDOW:]
            if questions[j].source.start != questions[i].source.start
        }
        if any(len(stems[i] & stems[j]) > SIMILAR * len(stems[i] | stems[j]) for j in seen) or (
            _same_answer(questions, answers, i, postings)
        ):
            dropped.add(i)
            continue
        for s in mine:
            postings.setdefault(s, []).append(i)
        for s in answers[i]:
            postings.setdefault("answer:" + s, []).append(i)
    return dropped


def _same_answer(
    questions: list[Question], answers: list[frozenset[str]], i: int, postings: dict[str, list[int]]
) -> bool:
    """Does a better question of the same kind have this answer up to case and inflection
    ("Lifestyle change" after "lifestyle changes")? Then the two ask the same thing."""
    mine = answers[i]
    if questions[i].kind == Kind.TRUE_FALSE or not mine:
        return False
    others = {j for s in mine for j in postings.get("answer:" + s, ())[-WINDOW:]}
    return any(questions[j].kind == questions[i].kind and mine == answers[j] for j in others)


def accept(questions: list[Question], lex: Lexicon, rejected: Counter[str]) -> list[Question]:
    """The candidates a teacher would accept, in their order; each rejection is counted.

    A short article must still give a deck: if fewer than ``FLOOR`` candidates pass, those
    rejected only for a weaker reason (``SOFT``) come back, best-scored first.
    """
    value = _scorer(lex)
    verdicts = [reasons(q, lex) for q in questions]
    passed = [i for i, found in enumerate(verdicts) if not found]
    # The ranking's own judgement decides which of two near-copies stays.
    dropped = {passed[j] for j in similar([questions[i] for i in passed], value)}
    for i in dropped:
        verdicts[i] = ["similar_stem"]
    soft = [i for i, found in enumerate(verdicts) if found and SOFT.issuperset(found)]
    soft.sort(key=lambda i: (-value(questions[i]), questions[i].id))
    back = set(soft[: max(0, FLOOR - len(passed) + len(dropped))])
    for i, found in enumerate(verdicts):
        if found and i not in back:
            rejected.update(dict.fromkeys(found, 1))
    return [q for i, q in enumerate(questions) if not verdicts[i] or i in back]


def _scorer(lex: Lexicon) -> Callable[[Question], float]:
    return lambda q: score(q, lex.count)

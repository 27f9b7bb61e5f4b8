"""Quality gates: every candidate question is checked, and each failure has a reason code.

The gates need only the question, the article's noise lines and the names that mean the
same thing (aliases, abbreviations), so ``quizapp check`` re-runs them on any bank,
including a hand-edited one. Duplicate detection is bucketed by (kind, answer), so it is
linear in the number of questions, not all-pairs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from questions.model import CLOZE_BLANK, Kind, Question
from questions.rarity import zipf
from questions.textutil import (
    GENERIC,
    PRONOUNS,
    contains_phrase,
    content_stems,
    content_words,
    squash,
    stem,
    words,
)
from questions.years import CENTURY_RE, stated_spans

REASONS = {
    "unsupported_answer": "the answer is not found in the source sentence",
    "multiple_correct": "a wrong option is also in the source, or two options are the same",
    "leakage": "the stem gives the answer away (the answer, an alias or an abbreviation of it)",
    "too_few_distractors": "fewer than two wrong options of the answer's kind",
    "distractor_kind": "a wrong option is not a thing of the answer's kind",
    "distractor_may_be_true": "too few wrong options that the article does not also support",
    "longest_option": "the correct option is conspicuously the longest",
    "casing_cue": "options differ in capitalisation, or the key alone writes its unit so",
    "all_of_the_above": "an option is 'all/none of the above'",
    "pronoun_start": "the stem starts with an unresolved pronoun",
    "duplicate": "the same question (same fact and kind) was already made",
    "near_duplicate": "an almost identical question was already made",
    "cloze_stopword": "the blank is not a content word",
    "cloze_context": "too little context is left around the blank",
    "cloze_article_cue": "'a'/'an' before the blank hints at the answer",
    "noise": "the question contains scrape noise",
    "too_long": "the question or an option is too long to read at a glance",
    "override_drop": "dropped by a hand override",
}
ABOVE_RE = re.compile(r"\b(?:all|none|both|neither) of (?:the )?(?:above|these|them)\b", re.I)
MIN_CLOZE_CONTEXT = 4
GENERIC_STEMS = content_stems(" ".join(sorted(GENERIC)))
# Words our own templates add around a statement ("In the article's list on …").
TEMPLATE_STEMS = content_stems(
    "article articles list names described stands term use which condition fills gap sentence "
    "item according"
)
MAX_PROMPT = 420
MAX_ANSWER = 170


@dataclass(frozen=True)
class GateContext:
    noise: tuple[str, ...] = ()  # texts of the article's noise lines
    aliases: dict[str, tuple[str, ...]] | None = None  # folded name → all names of that thing
    noise_re: re.Pattern[str] | None = None  # one alternation: a single search per text

    @classmethod
    def of(cls, noise: Iterable[str], aliases: dict[str, tuple[str, ...]]) -> GateContext:
        unique = tuple(dict.fromkeys(squash(n) for n in noise if n.strip()))
        ordered = sorted(unique, key=len, reverse=True)
        pattern = (
            re.compile(r"(?<![\w])(?:" + "|".join(re.escape(n) for n in ordered) + r")(?![\w])")
            if ordered
            else None
        )
        return cls(unique, aliases, pattern)

    def names(self, answer: str, accepted: Iterable[str]) -> list[str]:
        names = [answer, *accepted]
        for name in list(names):
            names += (self.aliases or {}).get(squash(name), ())
        return list(dict.fromkeys(n for n in names if n.strip()))


def _stem_text(q: Question) -> str:
    return q.prompt.replace(CLOZE_BLANK, " ")


def _quoted(prompt: str) -> str:
    """The part a learner reads first: a quoted sentence inside the stem, or the stem."""
    if "“" in prompt:
        return prompt.split("“", 1)[1]
    return prompt


def check_support(q: Question) -> list[str]:
    sentence = q.source.sentence
    if q.kind == Kind.TRUE_FALSE:
        # A true statement restates its source; a false one swaps in a sibling's part, so
        # it still shares the subject (at least one content word) with the source.
        stems = content_stems(q.prompt) - TEMPLATE_STEMS - GENERIC_STEMS
        shared = stems & content_stems(sentence)
        enough = len(shared) * 2 >= len(stems) if q.answer == "True" else bool(shared)
        return [] if stems and enough else ["unsupported_answer"]
    if any(contains_phrase(sentence, a) for a in (q.answer, *q.accepted)):
        return []
    # "calcium in their urine (hypercalciuria)" is asked as "calcium in the urine"
    said = squash(OWNER_RE.sub("the", sentence))
    return [] if squash(q.answer) in said else ["unsupported_answer"]


OWNER_RE = re.compile(r"\b(?:their|its|his|her|your|our)\b", re.I)


def check_leakage(q: Question, ctx: GateContext) -> list[str]:
    if q.kind == Kind.TRUE_FALSE:
        return []
    stem_text = _stem_text(q)
    # Questions about a name itself ("What does ALS stand for?") must show the other name.
    direct = q.fact_kind in ("abbreviation", "alias", "gloss")
    names = [q.answer, *q.accepted] if direct else ctx.names(q.answer, q.accepted)
    if any(contains_phrase(stem_text, n) for n in names) or _computed(q):
        return ["leakage"]
    if _spelled_initials(q.answer, stem_text) or _dated_inside(q.answer, stem_text):
        return ["leakage"]
    answer_stems = {stem(w) for w in content_words(q.answer) if w.casefold() not in GENERIC}
    answer_stems -= _shared_by_options(q)
    if not answer_stems:
        return []
    shared = answer_stems & content_stems(stem_text)
    # One shared word of a one- or two-word answer is a give-away ("Physical therapy" after
    # "other therapies"); longer answers leak when half their words are in the stem.
    if shared and len(shared) * 2 >= len(answer_stems):
        return ["leakage"]
    if _long_meaning(q, answer_stems):
        return []  # "What is income elasticity of demand?" → "… quantity demanded divided by …"
    return ["leakage"] if _word_inside(q, stem_text) or _converted(q) else []


def _dated_inside(answer: str, stem_text: str) -> bool:
    """Is the answer a century or a decade ("the 19th century", "1830s") and does the stem
    name a year inside it ("between 1829 and 1832")? The year gives the span away."""
    if not CENTURY_RE.search(answer) and not re.fullmatch(r"\s*\d{3}0s\s*", answer):
        return False
    if re.search(r"\bBCE?\b", answer):
        return False  # the spans count years of our era
    spans = stated_spans(answer)
    years = [lo for lo, hi in stated_spans(stem_text) if lo == hi]  # single years only
    return any(lo <= year <= hi for lo, hi in spans for year in years)


ACRONYM_TOKEN_RE = re.compile(r"\b[A-Z]{2,5}\b")
INITIALS_SKIP = frozenset(
    ["and", "of", "the", "or", "by", "for", "to", "in", "a", "an", "with", "on"]
)


def _spelled_initials(answer: str, stem_text: str) -> bool:
    """Does the stem name, word by word, what an abbreviation of the answer stands for
    ("carbon, nitrogen and oxygen" before the "CNO cycle")?"""
    if len(words(answer)) > INITIALS_ANSWER_WORDS:
        return False  # "Restless legs syndrome (RLS) is a disorder …": the abbreviation is aside
    initials = "".join(
        w[0].upper()
        for w in words(stem_text)
        if w.casefold() not in INITIALS_SKIP and w[:1].isalpha()
    )
    if any(len(a) >= 3 and a in initials for a in ACRONYM_TOKEN_RE.findall(answer)):
        return True
    # a word made of initials: "maser" after "Microwave Amplification by Stimulated Emission"
    return any(
        ACRONYM_WORD_LENGTH[0] <= len(w) <= ACRONYM_WORD_LENGTH[1] and w.upper() in initials
        for w in words(answer)
        if w.isalpha()
    )


ACRONYM_WORD_LENGTH = (4, 6)


INITIALS_ANSWER_WORDS = 3


# "0.15 x 34 = ___": the stem's own arithmetic gives the blank.
EQUALS_RE = re.compile(r"(?:=|\bequals)\s*(?:\{\{blank\}\}|___)")
YEAR_RE = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")


def _computed(q: Question) -> bool:
    """Can the answer be worked out from the stem? A blank right after "=", or a number of
    years that is the difference of two years the stem states ("served from 1972 until
    2022 … for ___" → 50 years, audit 20)."""
    equals = EQUALS_RE.search(q.prompt)
    if equals and any(c.isdigit() for c in q.answer):
        return len(re.findall(r"\d+(?:\.\d+)?", q.prompt[: equals.start()])) >= 2
    number = re.match(r"(?:about |around |nearly |over |almost )?(\d{1,3})\b", q.answer)
    if number is None or "year" not in q.answer.casefold():
        return False
    years = sorted({int(y) for y in YEAR_RE.findall(q.prompt)})
    span = int(number.group(1))
    return any(b - a == span for i, a in enumerate(years) for b in years[i + 1 :])


LONG_MEANING = 6  # content words of a definition that says more than its term's words


def _long_meaning(q: Question, answer_stems: set[str]) -> bool:
    """A term's definition of ``LONG_MEANING`` words or more, asked by the term: a word it
    shares with the term (fewer than half of its words, tested above) gives nothing away.
    Only "What is X?": "What do peripheral neuropathies encompass?" → "… peripheral nerves …"
    restates its stem (audit 23)."""
    return (
        q.kind == Kind.FLASHCARD
        and q.fact_kind == "definition"
        and q.prompt.startswith(("What is ", "What are "))
        and len(answer_stems) >= LONG_MEANING
    )


# "110.6 metres (363 feet)": a number's conversion beside its blank gives the number away.
CONVERSION_RE = re.compile(
    r"(?:\{\{blank\}\}|___)\s*(?:[^\s()]{1,4}\s*)?\(\s*(?:about |approximately |roughly |~)?"
    r"(?:\d|(?:one|two|three|four|five|ten|half) )"
    r"|\d[^()]{0,24}\(\s*(?:about |approximately |~)?(?:\{\{blank\}\}|___)"
    # "about ___ × 10^5 J, or 670 kJ": the same amount said again in another unit
    r"|(?:\{\{blank\}\}|___)[^,;()]{0,16},? or (?:about |roughly |some )?\d"
)


def _converted(q: Question) -> bool:
    return any(c.isdigit() for c in q.answer) and bool(CONVERSION_RE.search(q.prompt))


SHARED_ROOT = 6


def _word_inside(q: Question, stem_text: str) -> bool:
    """A word of the answer inside a word of the stem, or the other way round
    ("myelin" / "demyelination", "parathyroid" / "hypoparathyroidism"), or the two sharing
    a long root ("orthotist" / "orthoses"): the stem spells part of the answer."""
    if q.kind == Kind.MULTIPLE_CHOICE:
        return False  # the options' shared words are handled above; a root is no pointer
    answer = [w.casefold() for w in content_words(q.answer) if len(w) >= 5]
    stem_words = [w.casefold() for w in content_words(stem_text) if len(w) >= 5]
    if q.kind == Kind.FLASHCARD and _roots(answer) & _roots(stem_words):
        return True  # "Neurological examination" → "evaluating nerve function": a restatement
    for a in answer:
        for s in stem_words:
            if a != s and (a in s or s in a or _common_prefix(a, s) >= SHARED_ROOT):
                return True
            if q.kind == Kind.CLOZE and _stem_inside(s, a):
                return True  # "caffeine" inside "decaffeinated"
    short = [w.casefold() for w in content_words(stem_text) if 3 <= len(w) < 5]
    if any(_compound_part(a, s) for a in answer for s in short):
        return True
    return _named_after(q.answer, stem_text)


def _stem_inside(word: str, answer_word: str) -> bool:
    """Is a word's stem of ``SHARED_ROOT`` letters inside another word of the answer
    ("caffeine" → "decaffeinated", "minerals" → "demineralisation")?"""
    root = stem(word)
    return len(root) >= SHARED_ROOT and root in answer_word and root != stem(answer_word)


PART_ZIPF = 2.5  # both halves of a compound are words of English: "lock" + "jaw"


def _compound_part(word: str, part: str) -> bool:
    """Is a short word of the stem one half of a compound answer ("jaw" of "lockjaw",
    "tooth" of "toothpaste")? The other half must be a word too: "ion" is no half of
    "radiation", nor "art" of "artery"."""
    if word.startswith(part):
        rest = word[len(part) :]
    elif word.endswith(part):
        rest = word[: -len(part)]
    else:
        return False
    return len(rest) >= 4 and zipf(rest) >= PART_ZIPF and zipf(part) >= PART_ZIPF


def _named_after(answer: str, stem_text: str) -> bool:
    """A name built on a name the stem says: "Saxhorn" after "Adolphe Sax", "Leonids" after
    "Leo" (a capitalised word of three letters or more that opens an answer's word)."""
    names = [w for w in words(stem_text) if w[:1].isupper() and len(w) >= 3 and w.isalpha()]
    parts = [w for w in words(answer) if w[:1].isupper() and w.isalpha()]
    return any(p not in (n, n + "s") and p.startswith(n) for p in parts for n in names)


# Greek and Latin combining forms and the plain word they mean: a name built on one restates
# the other ("myopathy" / "muscle disease"). General English, not any article's words.
ROOTS = {
    "neur": "nerve",
    "nerv": "nerve",
    "myo": "muscle",
    "muscul": "muscle",
    "muscle": "muscle",
    "cardio": "heart",
    "cardiac": "heart",
    "heart": "heart",
    "derm": "skin",
    "skin": "skin",
    "hepat": "liver",
    "liver": "liver",
    "nephr": "kidney",
    "renal": "kidney",
    "kidney": "kidney",
    "gastr": "stomach",
    "stomach": "stomach",
    "osteo": "bone",
    "bone": "bone",
    "pulmon": "lung",
    "pneumo": "lung",
    "lung": "lung",
    "hemat": "blood",
    "haemat": "blood",
    "hemo": "blood",
    "haemo": "blood",
    "blood": "blood",
    "ocul": "eye",
    "ophthalm": "eye",
    "dental": "tooth",
    "tooth": "tooth",
    "teeth": "tooth",
}
ROOT_RE = re.compile(rf"^({'|'.join(sorted(ROOTS, key=len, reverse=True))})")


def _roots(words_: list[str]) -> set[str]:
    """What each word's combining form means: "neurological" and "nerves" both → "nerve"."""
    return {ROOTS[m.group(1)] for m in map(ROOT_RE.match, words_) if m}


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _shared_by_options(q: Question) -> set[str]:
    """Words every option of a multiple choice has ("forces" in "differential forces",
    "tidal forces"): the stem may say them, they point at no one option."""
    if q.kind != Kind.MULTIPLE_CHOICE or len(q.options) < 3:
        return set()
    per_option = [set(content_stems(o)) for o in q.options]
    return set.intersection(*per_option)


def check_options(q: Question) -> list[str]:
    if q.kind != Kind.MULTIPLE_CHOICE:
        return []
    reasons = []
    folded = [squash(o) for o in q.options]
    wrong = [o for i, o in enumerate(q.options) if i != q.correct]
    if len(set(folded)) != len(folded) or any(
        contains_phrase(q.source.sentence, o) and not contains_phrase(q.source.sentence, q.answer)
        for o in wrong
    ):
        reasons.append("multiple_correct")
    if any(ABOVE_RE.search(o) for o in q.options):
        reasons.append("all_of_the_above")
    starts = {o[:1].isupper() for o in q.options if o[:1].isalpha()}
    if len(starts) > 1 or _unit_cue(q):
        reasons.append("casing_cue")
    lengths = sorted((len(o) for o in wrong), reverse=True)
    if lengths and len(q.answer) > 1.6 * lengths[0] and len(q.answer) - lengths[0] > 10:
        reasons.append("longest_option")
    if any(len(o) > MAX_ANSWER for o in q.options):
        reasons.append("too_long")
    return reasons


NUMBER_HEAD_RE = re.compile(r"^[~≈<>]?\s*\d")
UNIT_TAIL_RE = re.compile(r"^.*\d[\d,.]*")  # "6 months – 3 years" → " years"


def _unit_cue(q: Question) -> bool:
    """Numbers whose units are written two ways, the answer's way alone ("1,200 metres"
    among "1,018 m", "890 m", "856 m"): the odd one out is the key (audit 24)."""
    if not all(NUMBER_HEAD_RE.match(o) for o in q.options):
        return False
    units = [UNIT_TAIL_RE.sub("", o).strip().casefold() for o in q.options]
    mine = units[q.correct] if q.correct is not None else ""
    return units.count(mine) == 1 and len(set(units)) > 1 and len(q.options) > 2


def check_pronoun(q: Question) -> list[str]:
    first = words(_quoted(q.prompt).lstrip("“\"' ")[:40])
    if q.prompt.startswith(CLOZE_BLANK):
        return []
    return ["pronoun_start"] if first and first[0].casefold() in PRONOUNS else []


def check_cloze(q: Question) -> list[str]:
    if q.kind != Kind.CLOZE:
        return []
    reasons = []
    if not content_words(q.answer):
        reasons.append("cloze_stopword")
    if len(content_words(q.prompt.replace(CLOZE_BLANK, " "))) < MIN_CLOZE_CONTEXT:
        reasons.append("cloze_context")
    before = words(q.prompt.split(CLOZE_BLANK, 1)[0][-4:])
    if before and before[-1].casefold() in ("a", "an"):
        reasons.append("cloze_article_cue")
    return reasons


def check_noise(q: Question, ctx: GateContext) -> list[str]:
    if ctx.noise_re is None:
        return []
    texts = (q.prompt, q.answer, q.explanation, *q.options)
    return ["noise"] if any(ctx.noise_re.search(squash(t)) for t in texts) else []


def check_length(q: Question) -> list[str]:
    too_long = len(q.prompt) > MAX_PROMPT or (
        q.kind != Kind.TRUE_FALSE and len(q.answer) > MAX_ANSWER
    )
    return ["too_long"] if too_long else []


def check_question(q: Question, ctx: GateContext) -> list[str]:
    """Every reason this question fails, on its own (duplicates are found by ``Deduper``)."""
    return [
        *check_support(q),
        *check_leakage(q, ctx),
        *check_options(q),
        *check_pronoun(q),
        *check_cloze(q),
        *check_noise(q, ctx),
        *check_length(q),
    ]


class Deduper:
    """Finds exact and near duplicates among questions seen so far, bucketed by kind+answer."""

    WINDOW = 40
    # One true/false per source sentence: more would ask the same thing twice. A sentence's
    # clozes on different blanks all pass: the ranking keeps the best one of a sentence.
    PER_SENTENCE = (Kind.TRUE_FALSE,)

    def __init__(self) -> None:
        self.ids: set[str] = set()
        self.buckets: dict[tuple[str, str], list[frozenset[str]]] = {}
        self.sentences: set[tuple[str, int, int]] = set()
        self.prompts: set[tuple[str, str]] = set()

    def reasons(self, q: Question) -> list[str]:
        if q.id in self.ids:
            return ["duplicate"]
        if (q.kind.value, q.source.start, q.source.end) in self.sentences:
            return ["near_duplicate"]
        if (q.kind.value, squash(q.prompt)) in self.prompts and q.kind != Kind.CLOZE:
            return ["near_duplicate"]  # the same question asked twice, whatever the answer
        key = (q.kind.value, squash(q.answer) if q.kind != Kind.TRUE_FALSE else squash(q.prompt))
        stems = content_stems(q.prompt) - TEMPLATE_STEMS
        bucket = self.buckets.setdefault(key, [])
        for other in bucket[-self.WINDOW :]:
            union = stems | other
            if union and len(stems & other) / len(union) >= 0.75:
                return ["near_duplicate"]
        return []

    def add(self, q: Question) -> None:
        self.ids.add(q.id)
        self.prompts.add((q.kind.value, squash(q.prompt)))
        if q.kind in self.PER_SENTENCE:
            self.sentences.add((q.kind.value, q.source.start, q.source.end))
        key = (q.kind.value, squash(q.answer) if q.kind != Kind.TRUE_FALSE else squash(q.prompt))
        self.buckets.setdefault(key, []).append(content_stems(q.prompt) - TEMPLATE_STEMS)

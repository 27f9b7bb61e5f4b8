"""The page's real title among the lines above its first paragraph, and its clean form.

A copied page often opens with a site's banner ("SpaceFacts Online", "GeneticsExplained.org
- Science for curious minds", a menu, a textbook's running header) before the article's own
title. The first line is not reliably the title; the title is the line above the first
paragraph whose words the article goes on to use: "Apollo Program: Frequently Asked
Questions" over "SpaceFacts Online" because the article says "Apollo" again and again.
A title's page furniture is cut ("CHAPTER 4 …", a running header's page number) and a
title in capitals takes the case the article writes its words in.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from questions.textutil import STOPWORDS, words

if TYPE_CHECKING:
    from questions.lines import Line

MASTHEAD_KINDS = ("title", "heading", "paragraph")
TOPIC_WEIGHT = 10  # mentions of one title word that count towards the line's score
MAX_MASTHEAD = 8  # lines above the first paragraph that may be the title
MIN_PROSE_WORDS = 12
MAX_TITLE_WORDS = 16
CHAPTER_RE = re.compile(
    r"^(?:chapter|unit|lesson|module|part|topic)\s+(?:\d{1,3}|[ivxlc]{1,6})\b\s*[.:–—-]?\s*(?=\S)",
    re.IGNORECASE,
)
BREADCRUMB_TITLE_RE = re.compile(r"^(?:[^-–>»|:]{1,30}\s[-–>»|]\s){2,}(\S.*)$")
PAGE_NUMBER_RE = re.compile(r"\s+\d{1,4}$")
SECTION_NUMBER_RE = re.compile(r"^\d{1,3}\.\d{1,3}\.?\s+\S")  # "8.2 The Silk Road"
DOMAIN_RE = re.compile(r"\b[\w-]+\.(?:com|org|net|edu|gov|info|io|co\.uk|org\.uk)\b", re.I)
SITE_WORDS_RE = re.compile(
    r"\b(?:menu|search|sign in|log in|newsletter|subscribe|shop|contact|donate)\b", re.I
)
RUNNING_HEADER_RE = re.compile(r"\b(?:chapter|page|unit)\s+\d{1,4}\s*$", re.I)
# A publisher's or an institution's name as the first line: "Public Health Information
# Service", "Museum of Natural History", "Department of Earth Sciences".
PUBLISHER_RE = re.compile(
    r"^(?:the\s+)?(?:[A-Z][\w&'’-]*\s+){0,5}(?:Service|Agency|Institute|Department|Council|"
    r"Trust|Foundation|Society|Association|Ministry|University|College|Hospital|Clinic|"
    r"Centre|Center|Museum|Library|Press|Publishing|Authority)(?:\s+of\s+[A-Z][\w\s]*)?$"
)
SENTENCE_BREAK = re.compile(r"[a-z][.!?] [A-Z]")
MENU_RE = re.compile(r"(?:\s[|>»·•/]\s.*){2}")  # "Invention | How it worked | Spread"
# A course's or a lecture's header: "ASTR 102", "Lecture 14", "Study notes", "Handout".
COURSE_RE = re.compile(
    r"\b[A-Z]{2,5} ?\d{2,4}[A-Z]?\b|\b(?:lecture|week|session|class|seminar|tutorial)\s+\d{1,3}\b"
    r"|\b(?:study|lecture|revision|class|course) notes\b|\b(?:handout|syllabus|course)\b",
    re.I,
)
# "Bytewise - Plain-language guides to computing": a name joined to its tagline.
TAGLINE_RE = re.compile(r"\S\s[-–—|]\s\S")
SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
    ]
)


def with_best_title(lines: list[Line]) -> list[Line]:
    """The lines with a doubtful title (a site's banner, a running header) moved to the
    masthead line the article is most about; the banner becomes noise."""
    current = next((i for i, line in enumerate(lines) if line.kind == "title"), None)
    if current is None:
        return _titled(lines)
    if not _doubtful(lines, current):
        return lines
    masthead = [i for i in _masthead(lines) if i != current]
    body = _body_stems(lines, {*masthead, current})
    best = max(masthead, key=lambda i: (_about(lines[i].text, body), -i), default=current)
    here = lines[current].text
    # a publisher's name or a byline is no title, however much the body says its words
    held = 0 if publisher(here) or furniture_title(here) else _about(here, body)
    if best == current or _about(lines[best].text, body) <= held:
        return lines
    out = list(lines)
    out[current] = replace(lines[current], kind="noise", level=0)
    out[best] = replace(lines[best], kind="title", level=0)
    return out


def _titled(lines: list[Line]) -> list[Line]:
    """No line was marked as the title: the masthead line the article is most about becomes
    it ("Frequently asked questions about swifts" under a charity's name), never a
    publisher's name or a byline."""
    masthead = [
        i
        for i in _masthead(lines)
        if not furniture_title(lines[i].text) and not publisher(lines[i].text)
    ]
    body = _body_stems(lines, set(masthead))
    best = max(masthead, key=lambda i: (_about(lines[i].text, body), -i), default=None)
    if best is None or _about(lines[best].text, body) == 0:
        return lines
    out = list(lines)
    out[best] = replace(lines[best], kind="title", level=0)
    return out


def publisher(text: str) -> bool:
    """An institution's name, in capitals too ("SWIFT HAVEN TRUST")."""
    return bool(PUBLISHER_RE.search(text.title() if text.isupper() else text))


def furniture_title(text: str) -> bool:
    """A line marked as the title that is page furniture all the same: a byline or a menu
    ("Dr R. Banerjee | Autumn term 2026 | Lecture handout"), a domain name."""
    return bool(MENU_RE.search(text) or DOMAIN_RE.search(text))


def _doubtful(lines: list[Line], index: int) -> bool:
    """Does the title line look like a site's banner or a book's running header: a domain
    name, the site's menu words, a page or chapter number at its end, or navigation (a
    menu, a breadcrumb) right below it?"""
    text = lines[index].text
    below = lines[index + 1] if index + 1 < len(lines) else None
    furniture = DOMAIN_RE.search(text) or len(SITE_WORDS_RE.findall(text)) >= 2 or publisher(text)
    header = COURSE_RE.search(text) or TAGLINE_RE.search(text)
    # "CHAPTER 8 …" over "8.2 The Silk Road": the chapter's name heads a section's page.
    chapter = CHAPTER_RE.match(text) and below is not None and SECTION_NUMBER_RE.match(below.text)
    return bool(
        furniture
        or header
        or chapter
        or RUNNING_HEADER_RE.search(text)
        or (below and below.kind == "noise")
    )


def _masthead(lines: list[Line]) -> list[int]:
    """Indexes of the short, title-like lines above the first paragraph of prose."""
    out: list[int] = []
    for i, line in enumerate(lines):
        n = len(words(line.text))
        prose = (
            line.kind != "paragraph"
            or line.text[-1] in ".!?:;,"
            or n > MAX_TITLE_WORDS
            or not _starts_like_a_title(line.text)
        )
        if line.kind in ("paragraph", "list_item", "definition") and n >= MIN_PROSE_WORDS and prose:
            break  # a long line without a stop is still a title ("…, explained: a conversation …")
        menu = MENU_RE.search(line.text) is not None
        if (
            line.kind in MASTHEAD_KINDS
            and 1 <= n <= MAX_TITLE_WORDS
            and line.text[-1] not in ".!,;?"
            and not menu
            and _starts_like_a_title(line.text)
            and not _runs_on(lines, i)
        ):
            out.append(i)
        if len(out) >= MAX_MASTHEAD:
            break
    return out


def _starts_like_a_title(text: str) -> bool:
    """A title opens with a capital or a number and holds one sentence at most: a line of a
    wrapped paragraph ("tropical oceans. It has a centre of …") does neither."""
    return (text[:1].isupper() or text[:1].isdigit()) and not SENTENCE_BREAK.search(text)


def _runs_on(lines: list[Line], index: int) -> bool:
    """Does the next line go on from this one (no blank between, a lower-case start)? Then
    this is the first line of a wrapped paragraph, not a title."""
    if index + 1 >= len(lines):
        return False
    here, after = lines[index], lines[index + 1]
    return after.start == here.end + 1 and after.text[:1].islower()


def _body_stems(lines: list[Line], skip: set[int]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for i, line in enumerate(lines):
        if i not in skip and line.kind != "noise":
            counts.update(_key(w) for w in words(line.text) if _content(w))
    return counts


def _about(text: str, body: Counter[str]) -> int:
    """How much the article's body says the line's words: each word the body says at least
    twice counts as often as it is said, up to ``TOPIC_WEIGHT`` (the topic's own word weighs
    more than a publisher's name said once again in a running header)."""
    stems = {_key(w) for w in words(CHAPTER_RE.sub("", text)) if _content(w)}
    return sum(min(body[s], TOPIC_WEIGHT) for s in stems if body[s] >= 2)


def _key(word: str) -> str:
    """The word folded, a plural's "s" dropped: "Plates" and "plate" are one word here."""
    folded = word.casefold()
    return folded[:-1] if len(folded) > 3 and folded.endswith("s") else folded


def _content(word: str) -> bool:
    return len(word) >= 3 and word.casefold() not in STOPWORDS and not word.isdigit()


def clean_title(title: str, body: str) -> str:
    """ "CHAPTER 3 THE WATER CYCLE 47" → "The Water Cycle"; capitals take the body's case."""
    chapter = CHAPTER_RE.match(title)
    if chapter and len(title) > chapter.end():
        title = PAGE_NUMBER_RE.sub("", title[chapter.end() :])
    trail = BREADCRUMB_TITLE_RE.match(title)
    if trail:
        title = trail.group(1)  # "Parasites - Lice - Head Lice": the page is the last step
    shouted = [w for w in words(title) if len(w) >= 3]
    if shouted and sum(w.isupper() for w in shouted) * 2 > len(shouted):
        title = _title_case(title, _forms(body))
    return title


def _forms(body: str) -> dict[str, str]:
    """Each word's commonest written form in the body, by its folded form; capitals only
    where the body writes the word so more than once or the word is short (an acronym, not
    a shouted heading)."""
    seen: dict[str, Counter[str]] = {}
    for word in words(body):
        seen.setdefault(word.casefold(), Counter())[word] += 1
    out = {}
    for key, forms in seen.items():
        usual, n = forms.most_common(1)[0]
        short = len(usual) <= 3  # "CE", "DNA": an acronym even when said once
        out[key] = usual if n >= 2 or short or not usual.isupper() else key
    return out


def _title_case(title: str, forms: dict[str, str]) -> str:
    def one(match: re.Match[str]) -> str:
        word = match.group()
        usual = forms.get(word.casefold(), word.casefold())
        if usual.isupper() and len(usual) > 1:
            return usual  # an acronym the body writes in capitals: "DNA"
        code = word.casefold() not in forms and re.match(r" ?\d", title[match.end() :])
        if word.isupper() and code:
            return word  # a code before its number: "ASTR 102", never "Astr 102"
        small = word.casefold() in SMALL_WORDS and match.start() > 0
        return usual.casefold() if small else usual[:1].upper() + usual[1:]

    # A word's letters only: "BCE-1450" is "BCE" and a year, not one word "Bce-1450".
    return re.sub(r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*", one, title)

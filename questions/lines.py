"""Classify canonical lines: title, heading, lead-in, list item, paragraph or noise.

Noise is scrape debris that must never reach a question: "close" buttons, reading times and
dates, share/subscribe/cookie lines, repeats of the title, and a "Related …" tail (everything
after a "Related Posts"-style line). Markup hints decide where they exist (Markdown, HTML);
plain text is classified from the shape of the line and its neighbours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from questions.normalise import HintedLine
from questions.textutil import words

NOISE_LINE = re.compile(
    r"^(?:close|menu|search|home|share|print|email|e-mail|tweet|pin it|like|reply|"
    r"skip to (?:main )?content|back to top|top|read more|continue reading|load more|"
    r"advertisement|sponsored(?: content)?|log ?in|sign ?in|sign ?up|register|"
    r"subscribe\b.*|follow us\b.*|share (?:this|on|via)\b.*|accept(?: all)?(?: cookies)?|"
    r"reject all|manage (?:cookies|preferences)|all rights reserved\b.*|©.*|\(c\) \d{4}.*|"
    r"copyright\b.*|previous(?: post| article)?|next(?: post| article)?|tags?:.*|"
    r"categor(?:y|ies):.*|posted (?:on|in|by)\b.*|written by\b.*|"
    r"by [A-Z][\w.]*(?: [A-Z][\w.]*){0,3}|"
    r"(?:last )?updated\b.*|published\b.*|\d+ min(?:ute)?s? read\b.*|.*\bmin read\b.*|"
    r"table of contents|contents|on this page|toggle navigation|privacy policy|"
    r"terms of (?:use|service)|"
    r"leave a (?:comment|reply)|\d+ comments?|no comments)$",
    re.IGNORECASE,
)
NOISE_ANYWHERE = re.compile(
    r"\b(?:cookies?\b.*\b(?:consent|accept|agree|policy|experience|browsing)|"
    r"subscribe to (?:our|the) newsletter|sign up for (?:our|the) newsletter|"
    r"share this (?:article|post|page)|follow us on|all rights reserved|"
    r"click here to|javascript is disabled)",
    re.IGNORECASE,
)
DATE_RE = re.compile(
    r"\b(?:\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}|"
    r"\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{4})\b",
    re.IGNORECASE,
)
RELATED_TAIL = re.compile(
    r"^(?:related(?: \w+){0,2}|you (?:may|might) also like|more from\b.*|read next|"
    r"recommended(?: for you| reading)?|further reading|see also|popular posts|latest posts)\W*$",
    re.IGNORECASE,
)
NUMBERED_RE = re.compile(r"^(?:\d{1,3}|[ivx]{1,5})[.)]\s+")
TERMINAL = ".!?:;,"


@dataclass(frozen=True)
class Line:
    kind: str  # title | heading | lead_in | list_item | paragraph | noise
    start: int
    end: int
    text: str
    level: int = 0  # heading depth (1 = top); 0 for non-headings


def is_noise_text(text: str, title: str = "") -> bool:
    """Scrape debris: button labels, dates, reading times, share/cookie lines, title repeats."""
    n_words = len(words(text))
    if not any(c.isalpha() for c in text) or NOISE_LINE.match(text):
        return True
    if title and text.casefold() == title.casefold():
        return True
    if DATE_RE.search(text) and n_words <= 8:
        return True
    return n_words <= 40 and NOISE_ANYWHERE.search(text) is not None


def _is_prose(text: str) -> bool:
    return len(words(text)) >= 12 and text[-1] in ".!?"


def _looks_like_title(text: str) -> bool:
    """The first real line of a scraped page is its title, whatever its capitalisation."""
    return 1 <= len(words(text)) <= 16 and len(text) <= 120 and text[-1] not in ".!:;,"


def _looks_like_heading(text: str) -> bool:
    n = len(words(text))
    body = NUMBERED_RE.sub("", text)
    return (
        1 <= n <= 14
        and len(text) <= 100
        and text[-1] not in TERMINAL
        and (body[:1].isupper() or body[:1].isdigit())
    )


def _is_question_heading(text: str) -> bool:
    return text.endswith("?") and 2 <= len(words(text)) <= 20


def classify(lines: list[HintedLine]) -> list[Line]:
    """Classify every non-blank canonical line; offsets index ``canonical_text(lines)``."""
    spans = _offsets(lines)
    filled = [i for i, line in enumerate(lines) if line.text]
    out: list[Line] = []
    title = ""
    tail = False
    for pos, i in enumerate(filled):
        line, start = lines[i], spans[i]
        text = line.text
        end = start + len(text)
        prev_blank = i == 0 or not lines[i - 1].text
        nxt = lines[filled[pos + 1]] if pos + 1 < len(filled) else None
        if tail and _is_prose(text):
            tail = False  # a real paragraph: the "Related" line was a heading after all
        if tail or is_noise_text(text, title):
            out.append(Line("noise", start, end, text))
            continue
        if RELATED_TAIL.match(text):
            tail = True
            out.append(Line("noise", start, end, text))
            continue
        kind, level = _kind(line, nxt, prev_blank, bool(title))
        if kind == "title":
            title = text
        out.append(Line(kind, start, end, text, level))
    return _lead_ins(out)


def _kind(
    line: HintedLine, nxt: HintedLine | None, prev_blank: bool, has_title: bool
) -> tuple[str, int]:
    text, hint = line.text, line.hint
    if hint.startswith("h"):
        level = int(hint[1])
        return ("heading", level) if has_title else ("title", 0)
    if hint == "li":
        return "list_item", 0
    if not has_title and hint in ("", "p") and _looks_like_title(text):
        return "title", 0
    if hint == "" and _is_question_heading(text) and nxt is not None:
        return "heading", 3
    if hint == "" and prev_blank and _looks_like_heading(text) and nxt is not None:
        return "heading", 3 if NUMBERED_RE.match(text) else 2
    if hint == "" and NUMBERED_RE.match(text):
        return "list_item", 0
    return "paragraph", 0


def _lead_ins(lines: list[Line]) -> list[Line]:
    """A paragraph ending in ':' right before a list item introduces that list."""
    out = list(lines)
    next_kind = ""  # kind of the next line that is not noise, walking backwards: linear
    for i in range(len(out) - 1, -1, -1):
        line = out[i]
        if line.kind == "paragraph" and line.text.endswith(":") and next_kind == "list_item":
            out[i] = Line("lead_in", line.start, line.end, line.text)
        if line.kind != "noise":
            next_kind = line.kind
    return out


def _offsets(lines: list[HintedLine]) -> list[int]:
    starts = []
    pos = 0
    for line in lines:
        starts.append(pos)
        pos += len(line.text) + 1
    return starts

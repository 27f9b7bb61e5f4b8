"""Classify canonical lines: title, heading (with its level), lead-in, list item, paragraph,
glossary term and definition, table header and row, or noise.

Noise is scrape debris that must never reach a question: "close" buttons, bylines, reading
times and dates, share/subscribe/cookie lines, breadcrumbs, captions, reference entries,
repeats of the title, a PDF copy's running header or footer, the items under a "Notes"
heading, and a "Related …"/"References" tail. Markup hints decide where they
exist (Markdown, HTML); plain text is classified from the shape of the line and its
neighbours: headings by style (after two blank lines, capitals, questions, short lines,
numbered), lists after a line ending in ':', glossaries from runs of term/definition pairs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from questions.masthead import furniture_title, with_best_title
from questions.normalise import HintedLine
from questions.textutil import spaced_words, words

NOISE_LINE = re.compile(
    r"^(?:close|menu|search|home|share|print|email|e-mail|tweet|pin it|like|reply|"
    r"skip to (?:main )?content|back to top|top|read more|continue reading|load more|"
    r"advertisement|sponsored(?: content)?|log ?in|sign ?in|sign ?up|register|"
    r"subscribe\b.*|follow us\b.*|share(?: (?:this|on|via)\b|\s*:).*|accept(?: all)?(?: cookies)?|"
    r"reject all|manage (?:cookies|preferences)|all rights reserved\b.*|©.*|\(c\) \d{4}.*|"
    r"copyright\b.*|previous(?: post| article)?|next(?: post| article)?|tags?:.*|"
    r"categor(?:y|ies):.*|posted (?:on|in|by)\b.*|written by\b.*|"
    r"by [A-Z][\w.]*(?: [A-Z][\w.]*){0,3}|"
    r"(?:last )?updated\b.*|published\b.*|\d+ min(?:ute)?s? read\b.*|.*\bmin read\b.*|"
    r"table of contents|contents|on this page|toggle navigation|privacy policy|"
    r"terms of (?:use|service)|"
    r"leave a (?:comment|reply)|\d+ comments?|no comments|more on:.*|edit|\[edit\]|"
    r"retrieved (?:on |from )?.*|"
    r"jump to (?:navigation|search)(?:,? jump to (?:navigation|search))?|"
    r"from wikipedia\b.*|"
    r"(?:(?:medically |clinically |expert )?reviewed|fact[- ]checked|written|edited) by\b.*|"
    r"(?:page )?last (?:reviewed|modified|edited)\b.*|content source:.*|"
    r"(?:image|photo|video) (?:credit|source):.*|(?:print|email|e-mail|save) (?:this )?page|"
    r"listen|font size|text size|download (?:pdf|as pdf)|cite this (?:page|article)|"
    r"was this (?:page|article|information) helpful\??|yes no|\^\s.*|"
    r"(?:(?:facebook|twitter|x|linkedin|pinterest|whatsapp|reddit|email|print|share)\W*){2,}|"
    r"home\s*[>»›/|].*|page \d{1,4}(?: (?:of|/) \d{1,4})?|[-–—] ?\d{1,4} ?[-–—])$",
    re.IGNORECASE,
)
# A breadcrumb: "EarthWords Learning Hub > Biomes > Tundra", "Science › Physics": short items
# (no stop) between arrows; " > " needs two of them, as "pH > 7" compares.
BREADCRUMB_RE = re.compile(
    r"^(?:[^>›».!?]{1,50}?(?: › | » )){1,8}[^>›».!?]{1,60}$"
    r"|^(?:[^>›».!?]{1,50}? > ){2,8}[^>›».!?]{1,60}$"
)
# A caption's pointer at the picture the reader cannot see: "the piston (left)".
PICTURE_POINTER_RE = re.compile(
    r"\((?:(?:(?:top|bottom|far|upper|lower) )?(?:left|right)|top|bottom|cent(?:re|er)|inset|"
    r"pictured|shown|shown here|shown above|shown below)\)",
    re.IGNORECASE,
)
# A running header or footer's page number: "… Briefing Note 7   Page 1", "12 | Chapter 3".
PAGE_NUMBER_RE = re.compile(
    r"\s*(?:\bpage \d{1,4}(?: (?:of|/) \d{1,4})?|\|\s*\d{1,4}|\d{1,4}\s*\|)\s*$"
    r"|^\s*(?:page \d{1,4}\b|\d{1,4}\s*\|)\s*",
    re.IGNORECASE,
)
# "By Jane Smith, MD": a byline with the author's credentials.
BYLINE_RE = re.compile(r"^By [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}(?:, [A-Z][A-Za-z.]{1,8})*$")
NOISE_ANYWHERE = re.compile(
    r"\b(?:cookies?\b.*\b(?:consent|accept|agree|policy|experience|browsing)|"
    r"subscribe to (?:our|the) newsletter|sign up for (?:our|the) newsletter|"
    r"share this (?:article|post|page)|follow us on|all rights reserved|"
    r"click here to|javascript is disabled|does not (?:imply|constitute) (?:an )?endorsement|"
    r"for identification purposes only|(?:reviewed|checked|approved|edited) by (?:the|our) "
    r"(?:editorial|medical|clinical|review|content) (?:board|team|staff|panel)|"
    r"cite this (?:entry|page|article)|(?:image|photo|photograph|picture)s? courtesy of)",
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
    r"recommended(?: for you| reading)?|further reading|see also|popular posts|latest posts|"
    r"references|external links|bibliography|footnotes|citations|works cited|sources|"
    r"notes and references|references and notes)\W*$",
    re.IGNORECASE,
)
# A figure or table caption, a credit line: the page's furniture, not its prose.
CAPTION_RE = re.compile(
    r"^(?i:(?:figure|fig\.|table|image|photo|chart|diagram|illustration|map|video)\s*"
    r"\d+[\w.–-]*\s*[:.]?)(?:\s+(?![a-z])|$)"  # "Table 2 lists …": a verb follows, prose
    r"|^(?i:(?:image|photo|photograph|picture|credit|source|caption|video)\s*:)"
    r"|^(?i:(?:image|photo|photograph|picture)s?\s+(?:courtesy|credit|by)\b)"
)
# "Surname, Given (1970)." / "Surname, J., ed. (2015)." or a reference's other marks.
CITATION_ENTRY_RE = re.compile(
    r"^[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*)*, [^()]{1,80}?\(\s*\d{4}[a-z]?\s*\)[.:]"
    r"|\b(?:doi|ISBN|ISSN|PMID)\b|\bpp?\. ?\d+\s*[–-]\s*\d+|\bet al\."
    r"|\b(?:Press|Publishers?|Publishing|Books)\b,? \d{4}\.?$"
)
# A reference entry opens with its author: "Portal, J. (ed.) …", "Martinón-Torres, M. et al."
# or "Dollinger, Philippe (1970).": a line of the page's furniture, never prose.
CITATION_START_RE = re.compile(
    r"^[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)*, (?:(?:[A-Z]\.\s?){1,3}(?:\(eds?\.\)|et al\.|,|\s)"
    r"|[^()]{1,80}?\(\s*\d{4}[a-z]?\s*\)[.:])"
)
# A worked example, an exam tip or a quiz: the page teaching how to answer, not the topic's
# facts (an example's values are made up; a quiz's questions and answers are no statements).
# "Worked example (calibration):", "7. QUICK QUIZ (answers at bottom …)", "Exam tip: …".
ASIDE_RE = re.compile(
    r"^(?:\d{1,3}[.)]\s+)?(?:worked examples?|examples?|exam(?:iners?'?s?)? tips?|quick quiz|"
    r"quiz|test yourself|check your understanding|answers?(?: key)?|self[- ]test|"
    r"(?:review|practice|revision|exam(?:-style)?|self[- ]test) questions)"
    r"(?:\s*\d{1,3}(?:\.\d{1,3})*)?\s*(?:\([^)]*\))?\s*(?::\s*(?P<rest>.*))?$",
    re.IGNORECASE,
)
EXAMINERS_RE = re.compile(r"^examiners?\b", re.IGNORECASE)
NOTES_HEADING_RE = re.compile(r"^(?:(?:foot|end)?notes|notes? (?:and|&) sources)\W*$", re.I)
SEE_RE = re.compile(r"\b(?:see(?: also)?|sources?|references?|citations?):$", re.IGNORECASE)
NUMBERED_RE = re.compile(r"^(?:\d{1,3}|[ivx]{1,5})[.)]\s+")
TERMINAL = ".!?:;,"


@dataclass(frozen=True)
class Line:
    kind: str  # title | heading | lead_in | list_item | paragraph | noise | term | definition |
    #            table_header | table_row
    start: int
    end: int
    text: str
    level: int = 0  # heading depth (1 = top); 0 for non-headings


# A long page repeats its lines (and a site its boilerplate) word for word.
@lru_cache(maxsize=65536)
def is_noise_text(text: str, title: str = "") -> bool:
    """Scrape debris: button labels, dates, reading times, share/cookie lines, title repeats."""
    n_words = len(words(text))
    if not any(c.isalpha() for c in text) or NOISE_LINE.match(text) or CAPTION_RE.match(text):
        return True
    if BREADCRUMB_RE.match(text) or PICTURE_POINTER_RE.search(text):
        return True
    if " | " in text and all(NOISE_LINE.match(part) for part in text.split(" | ")):
        return True  # "Print this page | Share | Back to top": a row of the page's buttons
    if BYLINE_RE.match(text) or (CITATION_START_RE.match(text) and is_citation(text)):
        return True
    if title and text.casefold() == title.casefold():
        return True
    if DATE_RE.search(text) and n_words <= 8:
        return True
    return n_words <= 40 and NOISE_ANYWHERE.search(text) is not None


def _is_prose(text: str) -> bool:
    """A paragraph of prose; a reference-list entry is as long and ends with a stop too,
    but it does not end a "References" tail."""
    return len(words(text)) >= 12 and text[-1] in ".!?" and not is_citation(text)


@lru_cache(maxsize=16384)
def is_citation(text: str) -> bool:
    """A bibliography entry: "Dollinger, Philippe (1970). The German Hansa. …", or a line with
    a DOI, an ISBN, page numbers ("pp. 3–45") or "et al."."""
    if CITATION_START_RE.match(text) and re.search(r"\b\d{4}\b", text):
        return True
    return CITATION_ENTRY_RE.search(text) is not None


def _looks_like_title(text: str) -> bool:
    """The first real line of a scraped page is its title, whatever its capitalisation."""
    return 1 <= len(words(text)) <= 16 and len(text) <= 120 and text[-1] not in ".!:;,"


def _looks_like_heading(text: str) -> bool:
    n = len(words(text))
    body = NUMBERED_RE.sub("", text)
    listing = ": " in text and "," in text  # "Brand names: Rid, Nix" is a line of content
    return (
        1 <= n <= 14
        and len(text) <= 100
        and text[-1] not in TERMINAL
        and (body[:1].isupper() or body[:1].isdigit())
        and not listing
    )


def _is_question_heading(text: str) -> bool:
    return text.endswith("?") and 2 <= len(words(text)) <= 20


def _is_faq_question(text: str, nxt: HintedLine | None, prev_blank: bool) -> bool:
    """A question alone in its paragraph of a Markdown or HTML page, its answer right after."""
    answer = nxt is not None and nxt.hint == "p" and not nxt.text.endswith("?")
    return prev_blank and answer and _is_question_heading(text)


def _title_cased(text: str) -> bool:
    """ "Unpleasant Feelings", "NERVE DAMAGE": capitals say heading where a list item would not."""
    long = [w for w in words(text) if len(w) >= 4]
    return bool(long) and sum(w[:1].isupper() for w in long) >= 0.6 * len(long)


def _is_term(text: str) -> bool:
    """A glossary term line: a few words, no sentence punctuation."""
    return len(text) <= 60 and text[-1] not in TERMINAL + "?" and 1 <= len(words(text)) <= 6


# A year or a month first names a timeline's row ("1961 – Kennedy sets the goal"), not a term.
DATED_TERM_RE = re.compile(
    r"^(?:c\. |in )?(?:1[0-9]{3}|20[0-9]{2})s?\b|^(?:January|February|March|April|May|June|"
    r"July|August|September|October|November|December)\b"
)


def _is_definition(text: str, term: str) -> bool:
    """Longer than its term, and not itself a heading or a list item ("Taking a bath")."""
    n = len(words(text))
    longer = n >= 3 and n > len(words(term))
    return longer and not text.endswith(":") and not _looks_like_heading(text)


# A list's number or letter before a term: "1. ", "2) ", "(b) ".
ENUMERATOR_RE = re.compile(r"^(?:\d{1,2}[.)]|\([a-z0-9]\))\s+")
TERM_LINE_RE = re.compile(r"^(?P<term>[^:–—]{1,60}?)(?::| [–—] | - ) ?(?P<definition>\S.{8,})$")
PLAIN_HINTS = ("", "gap")
HINT_KINDS = {
    "li": "list_item",
    "th": "table_header",
    "tr": "table_row",
    "dt": "term",
    "dd": "definition",
    "ref": "noise",
    "caption": "noise",
    "aside": "noise",  # a "Remember:" line that speaks to the student (normalise)
}


@dataclass
class _State:
    """What classifying the lines so far has established."""

    title: str = ""
    tail: bool = False  # inside a "Related posts"/"References" tail
    in_list: bool = False  # after a line ending in ':' whose items are plain lines
    item_stop: bool | None = None  # whether the list's first item ends like a sentence
    content: bool = False  # a line of content has been seen (the title comes first)
    h1: bool = False  # the page marks its title up as <h1> or `# `: no other line is it


def classify(lines: list[HintedLine]) -> list[Line]:
    """Classify every non-blank canonical line; offsets index ``canonical_text(lines)``."""
    spans = _offsets(lines)
    filled = [i for i, line in enumerate(lines) if line.text]
    marks = _glossary(lines, filled) | _term_lines(lines, filled) | _running_heads(lines, filled)
    state = _State(h1=any(line.hint == "h1" for line in lines))
    out: list[Line] = []
    styles: list[str] = []  # per line: the style of a plain-text heading, else ""
    for pos, i in enumerate(filled):
        line, start = lines[i], spans[i]
        nxt = lines[filled[pos + 1]] if pos + 1 < len(filled) else None
        prev_blank = i == 0 or not lines[i - 1].text
        kind, level, style = marks.get(i) or _line_kind(line, nxt, prev_blank, state)
        if kind == "title":
            state.title = line.text
        state.content = state.content or kind not in ("noise", "title")
        out.append(_unnumbered(Line(kind, start, start + len(line.text), line.text, level)))
        styles.append(style)
    out = _contents_lists(_lead_ins(_levels(out, styles)))
    # markup's <h1> or `#` is the title, unless it is a byline or a course header underlined
    trusted = state.h1 and not furniture_title(state.title)
    return out if trusted else with_best_title(out)


def _contents_lists(lines: list[Line]) -> list[Line]:
    """A page's table of contents: list items before the headings they repeat ("What is
    obstructive sleep apnoea?", "Your home sleep study: step by step") are noise."""
    headings = {spaced_words(line.text) for line in lines if line.kind == "heading"}
    seen: set[str] = set()
    out = []
    for line in reversed(lines):  # a contents item comes before the heading it names
        key = spaced_words(line.text)
        if line.kind == "heading":
            seen.add(key)
        elif line.kind == "list_item" and key in headings and key in seen:
            line = replace(line, kind="noise", level=0)
        out.append(line)
    return out[::-1]


def _unnumbered(line: Line) -> Line:
    """ "5. Lower a coverslip …": a step's number is its list's marker, not the sentence's
    (a numbered heading keeps it: "2. Multiple Sclerosis" orders the sections)."""
    marker = NUMBERED_RE.match(line.text) if line.kind in ("list_item", "paragraph") else None
    if marker is None or marker.end() >= len(line.text):
        return line
    return Line(line.kind, line.start + marker.end(), line.end, line.text[marker.end() :])


# A worked example's paragraph: its people and numbers are made up for the exercise.
WORKED_EXAMPLE_RE = re.compile(r"^(?:worked\s+)?example(?:\s+\d+(?:\.\d+)*)?\s*[.:—–-]\s+\S", re.I)


def _line_kind(
    line: HintedLine, nxt: HintedLine | None, prev_blank: bool, state: _State
) -> tuple[str, int, str]:
    text = line.text
    noted = HINT_KINDS.get(line.hint) == "noise"  # a footnote or caption ends no tail
    if state.tail and not noted and _is_prose(text):
        state.tail = False  # a real paragraph: the "Related" line was a heading after all
    if state.tail or noted or is_noise_text(text, state.title):
        return "noise", 0, ""
    if WORKED_EXAMPLE_RE.match(text) and _is_prose(text):
        return "noise", 0, ""  # "EXAMPLE. A student on a field trip finds …": a made-up case
    if RELATED_TAIL.match(text) and not (nxt is not None and _is_prose(nxt.text)):
        state.tail = True
        return "noise", 0, ""
    if line.hint in HINT_KINDS:
        state.in_list = False  # a list with markup needs no guessing where it ends
        return HINT_KINDS[line.hint], 0, ""
    if line.hint.startswith("h"):
        state.in_list = False
        if not state.title and (not state.content or line.hint == "h1"):
            return "title", 0, ""
        return "heading", int(line.hint[1]), ""
    if not (state.content or state.title or state.h1) and _looks_like_title(text):
        return "title", 0, ""
    if line.hint == "p" and _is_faq_question(text, nxt, prev_blank):
        return "heading", 6, ""  # inside whatever section the markup opened
    kind, style = _plain_kind(line, nxt, prev_blank, state)
    state.in_list = (kind == "list_item" and state.in_list) or (
        kind == "paragraph" and text.endswith(":") and line.hint in PLAIN_HINTS
    )
    state.item_stop = state.item_stop if state.in_list and kind == "list_item" else None
    return kind, 0, style


def _plain_kind(
    line: HintedLine, nxt: HintedLine | None, prev_blank: bool, state: _State
) -> tuple[str, str]:
    """Headings, list items and paragraphs of text without markup (and of .md without `#`)."""
    text = line.text
    if line.hint not in PLAIN_HINTS or nxt is None:
        return "paragraph", ""
    if _is_question_heading(text):
        return "heading", "question"
    heading = (prev_blank or line.hint == "gap") and _looks_like_heading(text)
    if state.in_list and len(words(text)) <= 30:
        stop = text[-1] in ".!"
        ends_list = (heading and _title_cased(text) and _is_prose(nxt.text)) or (
            state.item_stop is not None and stop != state.item_stop  # items share one shape
        )
        if not ends_list:
            state.item_stop = stop if state.item_stop is None else state.item_stop
            return "list_item", ""
    if heading:
        if line.hint == "gap":
            return "heading", "gap"
        numbered = NUMBERED_RE.match(text)
        return "heading", "numbered" if numbered else "upper" if text.isupper() else "plain"
    if NUMBERED_RE.match(text):
        return "list_item", ""
    return "paragraph", ""


def _levels(lines: list[Line], styles: list[str]) -> list[Line]:
    """Plain-text headings get levels by style: a heading after two blank lines, then one in
    capitals, is the top level; the other styles nest in the order they first appear
    (questions, then short headings in a FAQ page; plain, then numbered ones in our article)."""
    order: list[str] = [style for style in ("gap", "upper") if style in styles]
    for style in styles:
        if style and style not in order:
            order.append(style)
    out = []
    for line, style in zip(lines, styles, strict=True):
        level = 2 + order.index(style) if style else line.level
        out.append(Line(line.kind, line.start, line.end, line.text, level))
    return out


def _glossary(lines: list[HintedLine], filled: list[int]) -> dict[int, tuple[str, int, str]]:
    """Runs of three or more "term line, then its definition line" pairs: a glossary.

    Each term is marked ``term`` and its definition ``definition``, so a term is never read
    as the heading of a one-sentence section.
    """
    out: dict[int, tuple[str, int, str]] = {}
    pos = 0
    while pos + 1 < len(filled):
        run = pos
        while run + 1 < len(filled) and _is_pair(lines[filled[run]], lines[filled[run + 1]]):
            run += 2
        if _is_glossary([lines[filled[k]].text for k in range(pos + 1, run, 2)]):
            for k in range(pos, run, 2):
                out[filled[k]] = ("term", 0, "")
                out[filled[k + 1]] = ("definition", 0, "")
        pos = max(run, pos + 1)
    return out


def _term_lines(lines: list[HintedLine], filled: list[int]) -> dict[int, tuple[str, int, str]]:
    """Runs of three or more "term: definition" (or "term – definition") lines: a glossary.
    List items count only with a dash: "Term: description" items are a list's (list_item)."""
    out: dict[int, tuple[str, int, str]] = {}
    run: list[int] = []
    before = ""  # the line before the run: after "… include:" the lines are a list's items
    for i in [*filled, -1]:
        if i >= 0 and _is_term_line(lines[i]):
            run.append(i)
            continue
        if len(run) >= 3 and (not before.endswith(":") or lines[run[0]].hint == "li"):
            out.update(dict.fromkeys(run, ("definition", 0, "")))
        run = []
        before = lines[i].text if i >= 0 else ""
    return out


def _running_heads(lines: list[HintedLine], filled: list[int]) -> dict[int, tuple[str, int, str]]:
    """A PDF copy's running header or footer: a short line without a stop met twice or more,
    identical but for a page number ("… Briefing Note 7   Page 1" / "… Page 2"), or identical
    and of four words or more (a repeated "Symptoms" may be two sections' heading). A scraped
    page repeats its title: the first of identical lines above the prose may be the title."""
    found: dict[str, list[int]] = {}
    numbered: set[str] = set()
    for i in filled:
        text = lines[i].text
        if lines[i].hint not in (*PLAIN_HINTS, "p") or len(text) > 120 or text[-1] in ".!?;,":
            continue
        key = PAGE_NUMBER_RE.sub("", text).casefold()
        if key != text.casefold():
            numbered.add(key)
        found.setdefault(key, []).append(i)
    prose = next((i for i in filled if len(words(lines[i].text)) >= 12), len(lines))
    out: dict[int, tuple[str, int, str]] = {}
    for key, where in found.items():
        if len(where) < 2 or not key or (key not in numbered and len(words(key)) < 4):
            continue
        title = key not in numbered and where[0] < prose
        out.update(dict.fromkeys(where[1:] if title else where, ("noise", 0, "")))
    return out


def _is_term_line(line: HintedLine) -> bool:
    if is_noise_text(line.text):
        return False  # "Tags: …", "Share: Facebook | X": the page's furniture, no glossary
    if line.hint == "li":
        return ":" not in line.text[:60] and term_line(line.text) is not None
    return line.hint in ("", "p") and term_line(line.text) is not None


def term_line(text: str) -> tuple[str, str] | None:
    """ "Actin: protein of the thin filaments" → ("Actin", "protein of the thin filaments")."""
    match = TERM_LINE_RE.match(text)
    if match is None:
        return None
    term = ENUMERATOR_RE.sub("", match.group("term").strip())  # "1. The space segment"
    if not _is_term(term) or term.casefold().startswith(("note", "see", "source", "warning")):
        return None
    if DATED_TERM_RE.search(term):
        return None
    return term, match.group("definition").strip()


def _is_pair(term: HintedLine, definition: HintedLine) -> bool:
    # A line after two blank lines opens a section: a heading, not a term.
    if term.hint not in ("", "p") or definition.hint not in (*PLAIN_HINTS, "p"):
        return False
    return _is_term(term.text) and _is_definition(definition.text, term.text)


def _is_glossary(definitions: list[str]) -> bool:
    """Three short sections of one paragraph each look like a glossary too: a glossary's
    definitions are short, and usually fragments ("protein that …") or it is long."""
    if len(definitions) < 3 or any(len(words(d)) > 60 for d in definitions):
        return False
    fragments = sum(d[:1].islower() for d in definitions)
    return 2 * fragments >= len(definitions) or len(definitions) >= 6


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
    return _asides(_note_lists(_pointer_lists(out)))


def _pointer_lists(lines: list[Line]) -> list[Line]:
    """The items after "… in 1817. See:" are references for a claim, not content: noise."""
    out = list(lines)
    pointing = False
    for i, line in enumerate(out):
        if line.kind == "list_item" and pointing:
            out[i] = Line("noise", line.start, line.end, line.text)
        elif line.kind != "noise":
            pointing = line.kind == "lead_in" and SEE_RE.search(line.text) is not None
    return out


def _note_lists(lines: list[Line]) -> list[Line]:
    """The items under a "Notes" heading are the article's footnotes (a cross-reference, a
    hedge, a source), not its content: noise up to the next heading."""
    out = list(lines)
    notes = False
    for i, line in enumerate(out):
        if line.kind in ("heading", "title"):
            notes = NOTES_HEADING_RE.match(line.text) is not None
        elif notes and line.kind == "list_item":
            out[i] = Line("noise", line.start, line.end, line.text)
    return out


def _asides(lines: list[Line]) -> list[Line]:
    """Worked examples, exam tips and quizzes are noise: under such a heading, up to the next
    heading of its level or above; after such a label ("Answers:"), its paragraph, or the list
    right after it; a label with its text ("Exam tip: convert …"), or a line on the examiners,
    that line alone."""
    out = list(lines)
    until = -1  # inside an aside section: the deepest heading level that ends it
    block = False  # inside the paragraph (or list) after an aside label
    for i, line in enumerate(out):
        heading = line.kind in ("heading", "title")
        if heading and until >= 0 and line.level <= until:
            until = -1
        gap = i > 0 and line.start > out[i - 1].end + 1
        after_label = i > 0 and ASIDE_RE.match(out[i - 1].text) is not None
        block = block and not heading and (not gap or (after_label and line.kind == "list_item"))
        aside = ASIDE_RE.match(line.text)
        if heading and aside and not aside.group("rest"):
            until = line.level
        elif not heading and aside:
            block = block or not aside.group("rest")
        elif until < 0 and not block and not EXAMINERS_RE.match(line.text):
            continue
        out[i] = Line("noise", line.start, line.end, line.text)
    return out


def _offsets(lines: list[HintedLine]) -> list[int]:
    starts = []
    pos = 0
    for line in lines:
        starts.append(pos)
        pos += len(line.text) + 1
    return starts

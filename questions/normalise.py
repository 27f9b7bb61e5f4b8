"""Raw article (txt, md, html) → canonical text, once; every offset in a bank points into it.

The canonical text is plain: one line per block, blank lines between paragraphs, markup
removed (Markdown `#`, list bullets, emphasis, links; HTML tags), Unicode NFC, single spaces.
Markup is not lost: each line keeps a *hint* (h1..h6, li, p, th/tr for table rows, dt/dd,
ref, caption, gap, or "" for plain text) that the line classifier uses. A table row becomes
one line of cells joined by " | " (``questions.tables``). Debris is cut here: citation marks,
"(Figure 3)", wiki caption tails ("…]] "), footnote marks, "Q:"/"A:" labels, and capitals of
an encyclopaedia lead take the article's own case. A Markdown file without one `#` heading
is read like plain text. Normalising canonical text again gives the same text (idempotent).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from questions.htmltext import html_lines
from questions.tables import CELL_SEP, EMPTY_CELL, Table, read_table
from questions.textutil import capitalise
from questions.unwrap import unwrapped

BULLET_RE = re.compile(r"^(?:[•·▪◦‣●○■►✓✔–—]|[-*+](?=\s))\s*")
MD_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
MD_ORDERED_RE = re.compile(r"^\d{1,3}[.)]\s+")
MD_RULE_RE = re.compile(r"^(?:[-*_]\s*){3,}$")
MD_BOLD_LINE_RE = re.compile(r"^(\*\*|__)([^*_]+?)\1:?$")
# Reference marks copied from encyclopaedia pages: "[1]", "[12]", "[citation needed]", "[edit]".
CITATION_RE = re.compile(
    r"\[(?:\d{1,3}|citation needed|note \d{1,3}|[a-z]|edit|update|clarification needed|"
    r"when\?|who\?|which\?|dubious(?: [–-] discuss)?|verification needed|\^[\w-]{1,20})\]",
    re.IGNORECASE,
)
# Pointers to the page's furniture: "(Figure 26.14)", "(see Table 2)", an emptied "()".
FIGURE_REF_RE = re.compile(
    r"\s*\((?:see )?(?:figures?|figs?\.|tables?|image)\s[\w.–-]+\)|\s*\(\s*\)", re.IGNORECASE
)
# A templated page's "What is (are) X?": the first verb stands.
VERB_CHOICE_RE = re.compile(r"\b(is|was|has|does) \((?:are|were|have|do)\)")
SUPERSCRIPT_RE = re.compile(r"\^\(([−+-]?\d{1,3})\)")
SUPERSCRIPTS = str.maketrans("0123456789−-+", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁻⁺")
SPACE_BEFORE_STOP = re.compile(r"\s+(?=[?!])")
REPEATED_STOP = re.compile(r"([?!])[?!]+")
INVISIBLE_RE = re.compile(r"[\u200b-\u200f\u2060\ufeff\u00ad]")
# A reference-list entry ("[12] Smith J. …", "^ a b …") or a category line: never prose.
# A Markdown footnote's definition ("[^2]: The surgeon, …") is a note on the text, not its prose.
REFERENCE_LINE = re.compile(
    r"^\s*(?:\[\d{1,3}\]|\^\s|\[\^[\w-]{1,20}\]:)|\bCategory:\S", re.IGNORECASE
)
# A list item's label: "(a) The Arabian Sea branch …", "b) …", "(iv) …", "ii. …". A capital
# only with a bracket: "A. Smith" opens a name.
LIST_LABEL_RE = re.compile(
    r"^(?:\((?:[a-zA-Z]|[ivx]{1,5}|\d{1,3})\)|(?:[a-z]|[ivx]{1,5}|[A-Z])\)|[ivx]{1,5}\.|[a-h]\.)"
    r"\s+(?=[^\W\d])"  # "(c) 2024 …" is a copyright line, not an item
)
CAPS_WORD_RE = re.compile(r"[^\W\d_][\w'’]*")
_CAPS = r"[A-Z][A-Z'’]{2,}[A-Z]"
SHOUT_RE = re.compile(rf"(?<![\w'’]){_CAPS}(?: {_CAPS})*(?![\w'’])")
# "Rid*, Nix*": a footnote mark (a trademark note) in plain text; Markdown's * is emphasis.
FOOTNOTE_MARK_RE = re.compile(r"(?<=\w)[*†‡]+(?=[\s,;:.)]|$)")
Q_LABEL_RE = re.compile(r"^(?:Q|Question)\s*\d*\s*[:.)–-]\s+(?=\S)")
A_LABEL_RE = re.compile(r"^(?:A|Answer)\s*\d*\s*[:.)–-]\s+(?=\S)")
SETEXT_RE = re.compile(r"^(?:={3,}|-{3,})\s*$")
# A callout's label ("Note: Do not wash raw chicken …"): the page's furniture, not the claim.
CALLOUT_RE = re.compile(
    r"^(?:\*\*)?(?:note|nb|warning|caution|tip|important|remember|reminder|hint)"
    r"(?:\*\*)?\s*[:!–—-]\s*(?:\*\*)?\s*(?=[A-Z0-9“\"])",
    re.IGNORECASE,
)

COACHING_RE = re.compile(r"\b(?:you|your|exams?|examiners?|marks?)\b", re.IGNORECASE)


@dataclass(frozen=True)
class HintedLine:
    """One canonical line (empty for a paragraph break) and the markup hint it came with."""

    text: str
    hint: str  # "" (plain), gap (plain after 2+ blank lines), h1..h6, li, p, blank,
    #            th / tr (table header / row), dt / dd (glossary term / definition),
    #            caption (a figure or table caption), ref (reference-list entry),
    #            aside (a reminder that coaches for the exam: noise)


# A long page (and a site's boilerplate) repeats lines word for word.
@lru_cache(maxsize=65536)
def clean(line: str) -> str:
    # Each pattern runs only where its characters occur: clean() sees every line of a 1 MB page.
    line = INVISIBLE_RE.sub("", unicodedata.normalize("NFC", line))
    if "(" in line:
        line = FIGURE_REF_RE.sub("", VERB_CHOICE_RE.sub(r"\1", line))
    if "[" in line or "]]" in line:
        line = _without_caption_debris(CITATION_RE.sub("", line))
    if "^(" in line:  # Pandoc's plain superscript: "mg m^(−2)" → "mg m⁻²"
        line = SUPERSCRIPT_RE.sub(lambda m: m.group(1).translate(SUPERSCRIPTS), line)
    line = " ".join(line.replace("\u00a0", " ").split())
    if "?" in line or "!" in line:
        line = REPEATED_STOP.sub(r"\1", SPACE_BEFORE_STOP.sub("", line))
    return line


def _without_caption_debris(line: str) -> str:
    """ "…of type II fibers]] The constant cycle …": a wiki image caption's tail, then prose."""
    cut = line.rfind("]]")
    return line[cut + 2 :] if cut >= 0 and "[[" not in line[:cut] else line


def plain_lines(raw: str) -> list[HintedLine]:
    return _walk(unwrapped(raw.splitlines()), _plain_line)


@lru_cache(maxsize=65536)  # a frozen line, for each repeat of its text
def _plain_line(text: str) -> HintedLine:
    text = FOOTNOTE_MARK_RE.sub("", text)
    bullet = BULLET_RE.match(text)
    if bullet and len(text) > bullet.end():
        return HintedLine(_unbulleted(text), "li")
    label = LIST_LABEL_RE.match(text)
    if label:
        return HintedLine(text[label.end() :], "li")
    return HintedLine(text, "")


def _unbulleted(text: str) -> str:
    """ "- - Pelletier …" (an item of a nested list with no text of its own) → "Pelletier …";
    "- (a) convection, when …" → "convection, when …": a label is a marker too."""
    bullet = BULLET_RE.match(text) or MD_ORDERED_RE.match(text) or LIST_LABEL_RE.match(text)
    while bullet and len(text) > bullet.end():
        text = text[bullet.end() :]
        bullet = BULLET_RE.match(text) or LIST_LABEL_RE.match(text)
    return text


def _walk(raw: list[str], one: Callable[[str], HintedLine]) -> list[HintedLine]:
    """Lines of plain text or Markdown without markup headings: tables, reference entries,
    lone bullets ("-" on its own line, the item on the next) and 2+ blank lines ("gap")."""
    out: list[HintedLine] = []
    blanks, bullet, i = 2, False, 0
    while i < len(raw):
        table = read_table(raw, i)
        if table is not None:
            out += _table_lines(table, out)
            blanks, i = 0, table.end
            continue
        text = clean(raw[i])
        i += 1
        if not text:
            out.append(HintedLine("", "blank"))
            blanks += 1
            continue
        line = one(text)
        if REFERENCE_LINE.search(raw[i - 1]):
            line = HintedLine(text, "ref")
        elif bullet or (line.hint in ("", "p") and i < len(raw) and SETEXT_RE.match(raw[i])):
            line = HintedLine(text, "li" if bullet else "h2" if raw[i].strip()[0] == "-" else "h1")
            i += 0 if bullet else 1
        elif line.hint in ("", "p") and blanks >= 2:
            line = HintedLine(text, "gap")
        bullet = text in ("-", "*", "•")
        out.append(line)
        blanks = 0
    return out


def _table_lines(table: Table, before: list[HintedLine]) -> list[HintedLine]:
    """A table's rows as lines; text right above it with no blank line between is its caption."""
    for k in range(len(before) - 1, -1, -1):
        if not before[k].text or before[k].hint in ("th", "tr"):
            break
        before[k] = HintedLine(before[k].text, "caption")
    rows = [("th", table.header)] if table.header else []
    rows += [("tr", row) for row in table.rows]
    out = [HintedLine("", "blank")]
    for hint, cells in rows:
        cleaned = [clean(c).rstrip("*†‡ ") or EMPTY_CELL for c in cells]
        out.append(HintedLine(CELL_SEP.join(c.replace("|", "/") for c in cleaned), hint))
    return [*out, HintedLine("", "blank")]


def _md_inline(text: str) -> str:
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)  # images carry no prose
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", text)
    # Subscripts may follow: "_F_₇₃₅" is an italic F with subscript 735.
    text = re.sub(r"(?<![\w_])_(?!\s)(.+?)(?<!\s)_(?![A-Za-z0-9_])", r"\1", text)
    text = re.sub(r"`([^`]+)`", r"\1", text)
    return clean(text)


def _without_front_matter(raw: str) -> str:
    """Drop a leading YAML block (``---`` … ``---``): metadata, not prose."""
    lines = raw.splitlines()
    if lines and lines[0].strip() == "---":
        for i, line in enumerate(lines[1:], start=1):
            if line.strip() in ("---", "..."):
                return "\n".join(lines[i + 1 :])
    return raw


def markdown_lines(raw: str) -> list[HintedLine]:
    lines = unwrapped(_soft_breaks_joined(_without_fences(_without_front_matter(raw).splitlines())))
    # Without one `#` heading the file is plain text saved as .md (a Pandoc plain
    # conversion): its headings are found the way plain text's are.
    atx = any(MD_HEADING_RE.match(line.strip()) for line in lines)
    out = _walk(lines, lambda text: _md_line(text, "p" if atx else ""))
    return [line if line.text else HintedLine("", "blank") for line in out]


# A Markdown line that opens a block of its own: heading, list item, table row, quote, rule.
MD_BLOCK_RE = re.compile(r"^\s*(?:#|[-*+•]\s|\d{1,3}[.)]\s|\||>|```|~~~|<)")
SENTENCE_END_RE = re.compile(r"[.!?:;][\"”’')\]*]*$")
PROSE_LINE_WORDS = 8  # a shorter line without a full stop may be a heading written plain


def _soft_breaks_joined(lines: list[str]) -> list[str]:
    """A Markdown paragraph typed with line breaks mid-sentence is one paragraph (a soft
    break, as CommonMark reads it): a prose line that does not end its sentence goes on
    in the next prose line."""
    out: list[str] = []
    for line in lines:
        above = out[-1] if out else ""
        if _goes_on(above, line):
            out[-1] = f"{above.rstrip()} {line.strip()}"
        else:
            out.append(line)
    return out


# "Law of demand: the principle …", "Compressor - motor-driven pump …": a glossary's entry.
ENTRY_LINE_RE = re.compile(r"^\s*[^\W\d][\w'’ ()/-]{0,40}?(?::|\s[-–—])\s")


def _goes_on(above: str, line: str) -> bool:
    if not above.strip() or not line.strip() or MD_BLOCK_RE.match(line):
        return False
    if ENTRY_LINE_RE.match(line) or ENTRY_LINE_RE.match(above):
        return False
    if MD_BLOCK_RE.match(above) or SENTENCE_END_RE.search(above.rstrip()):
        return False
    return len(above.split()) >= PROSE_LINE_WORDS or line.lstrip()[:1].islower()


def _without_fences(lines: list[str]) -> list[str]:
    """Fenced code is not prose: its lines become blank (the line count stays)."""
    out: list[str] = []
    fenced = False
    for line in lines:
        fence = line.strip().startswith(("```", "~~~"))
        fenced = fenced != fence
        out.append("" if fence or fenced else line)
    return out


def _md_line(text: str, paragraph_hint: str) -> HintedLine:
    if MD_RULE_RE.match(text):
        return HintedLine("", "blank")
    text = text.lstrip("> ").strip() if text.startswith(">") else text
    heading = MD_HEADING_RE.match(text)
    if heading:
        return HintedLine(_md_inline(heading.group(2)), f"h{len(heading.group(1))}")
    if BULLET_RE.match(text) or MD_ORDERED_RE.match(text) or LIST_LABEL_RE.match(text):
        return HintedLine(_md_inline(_unbulleted(text)), "li")
    bold = MD_BOLD_LINE_RE.match(text)
    if bold and paragraph_hint and len(bold.group(2).split()) <= 10:
        return HintedLine(_md_inline(bold.group(2)), "h4")  # "**Causes**": a run-in heading
    return HintedLine(_md_inline(text), paragraph_hint)


def _html_hinted(raw: str) -> list[HintedLine]:
    """A blank line after each block, but none between the rows of one table."""
    lines: list[HintedLine] = []
    for hint, text in html_lines(raw):
        line = HintedLine(clean(text), hint)
        if hint == "li":  # "(a) convection, when …": the label is the list's marker
            line = HintedLine(_unbulleted(line.text), hint)
        if not line.text:
            continue
        if hint in ("th", "tr") and len(lines) >= 2 and lines[-2].hint in ("th", "tr"):
            lines.pop()
        lines += [line, HintedLine("", "blank")]
    return lines


def _usual_form(seen: Counter[str]) -> str:
    """Lower case if the article ever writes the word so (capitals at a sentence's start say
    nothing); else its commonest form ("Charcot")."""
    lower = next((form for form in seen if form.islower()), "")
    return lower or seen.most_common(1)[0][0]


def hinted_lines(raw: str, fmt: str) -> list[HintedLine]:
    """Canonical lines with hints, blank runs collapsed, no leading or trailing blanks."""
    if fmt == "html":
        lines = _html_hinted(raw)
    elif fmt == "md":
        lines = markdown_lines(raw)
    else:
        lines = plain_lines(raw)
    out: list[HintedLine] = []
    for line in lines:
        if not line.text and (not out or not out[-1].text):
            continue
        out.append(line)
    while out and not out[-1].text:
        out.pop()
    return _without_qa_labels(_without_shouting(out))


def _without_qa_labels(lines: list[HintedLine]) -> list[HintedLine]:
    """ "Q: How much sleep do adults need?" then "A: Seven to nine hours." → the question and
    its answer without their labels (the question then reads as a FAQ heading); a callout's
    "Note:"/"Warning:"/"Tip:" label is cut the same way."""
    out: list[HintedLine] = []
    asked = False
    for line in lines:
        question = Q_LABEL_RE.match(line.text) if line.text.endswith("?") else None
        answer = A_LABEL_RE.match(line.text) if asked else None
        label = question or answer
        label = label or CALLOUT_RE.match(line.text)
        hint = "aside" if label and _coaching(line.text, label) else line.hint
        out.append(HintedLine(line.text[label.end() :], hint) if label else line)
        asked = bool(question) or (asked and not line.text)
    return out


def _coaching(text: str, label: re.Match[str]) -> bool:
    """ "Remember: … Examiners love asking you to …": a reminder that speaks to the student
    about the exam is the page's coaching; "Remember: the limit comes from …" states a fact."""
    reminder = label.group().casefold().lstrip("*").startswith("remember")
    return reminder and COACHING_RE.search(text[label.end() :]) is not None


def _without_shouting(lines: list[HintedLine]) -> list[HintedLine]:
    """ "MOTOR NEURON DISEASES (MNDS) are …": capitals that render bold in an encyclopaedia
    lead come back in the case the article writes the words elsewhere ("Motor neuron
    diseases (MNDs)"); a word of a run of capitals written nowhere else is lowered. A lone
    acronym never written otherwise, and lines all in capitals (headings), stay as they are."""
    shouting = [i for i, line in enumerate(lines) if _shouts(line.text)]
    if not shouting:
        return lines
    runs = {run.casefold() for i in shouting for run in SHOUT_RE.findall(lines[i].text)}
    forms: dict[str, Counter[str]] = {w: Counter() for run in runs for w in run.split(" ")}
    for line in lines:
        for word in CAPS_WORD_RE.findall(line.text):
            seen = forms.get(word.casefold())
            if seen is not None and not word.isupper():
                seen[word] += 1
    out = list(lines)
    for i in shouting:
        text = SHOUT_RE.sub(lambda match: _recased(match, forms), lines[i].text)
        out[i] = HintedLine(text, lines[i].hint)
    return out


def _shouts(text: str) -> bool:
    return SHOUT_RE.search(text) is not None and any(c.islower() for c in text)


def _recased(match: re.Match[str], forms: dict[str, Counter[str]]) -> str:
    run = match.group().split(" ")
    out = []
    for word in run:
        seen = forms.get(word.casefold())
        known = "" if not seen or seen.total() < 2 else _usual_form(seen)
        out.append(known or (word.lower() if len(run) > 1 else word))
    text = " ".join(out)
    head = match.string[: match.start()].rstrip()
    return capitalise(text) if not head or head[-1] in ".!?:" else text


def canonical_text(lines: list[HintedLine]) -> str:
    return "\n".join(line.text for line in lines)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()

"""Hard-wrapped text → one line per paragraph line, before anything reads lines.

Text copied from a PDF, an e-mail or a textbook is often broken at a fixed width (about 72
columns): every line of a paragraph ends mid-sentence. Everything downstream reads a line as
a unit (a heading, a glossary term, a list item, a paragraph), so such a text would yield
sentence halves ("For ethanoic acid Ka" / "is about 1.8 x 10^-5"). This module finds the
text's wrap width and joins a line to the next where a wrapper broke it: the line ends
mid-sentence and the next line's first word would not have fitted on it, or the next line
goes on in lower case. A short line (a heading, a glossary term), a line that ends a
sentence, a list item's start and anything laid out in columns are never joined, so a text
that is not wrapped passes unchanged.
"""

from __future__ import annotations

import re

from questions.rarity import zipf
from questions.textutil import STOPWORDS

# A list item, a numbered heading ("9.3 Buoyancy", "2) …"), a quote or a table row; not a
# number a wrapper put first on a line ("312 of 500 throws", "2.74 m long").
BLOCK_START = re.compile(
    r"^(?:[-*+•·▪◦‣●○■►–—]\s|\d{1,3}(?:\.\d{1,3})*(?:[.)]\s|\s+(?=[^\W\d_a-z]))|#|>|\|)"
)
RULE = re.compile(r"^[-=_~+*\s]+$")  # a table's or a heading's underline
COLUMNS = re.compile(r"\S\s{2,}\S|\t|\|")
CAPS_LINE = re.compile(r"^(?=.*[A-Z]{3})[^a-z]{8,60}$")  # a heading's line in capitals
# "water table: …", "bubo — …": a list's or a glossary's entry
LABEL = re.compile(r"^[^\W\d][\w ()'’-]{0,40}?(?::|\s[—–-])\s")
SENTENCE_END = re.compile(r"[.?!:;]['\"’”)\]]*$")
MIN_LINES = 6  # fewer long lines than this: nothing to learn a width from
MAX_WIDTH = 100  # wider lines are a paragraph each, as editors and web pages save them
NEAR_WIDTH = 20  # a wrapped line ends within this many columns of the width
HYPHENATED_ZIPF = 3.0  # a word this common was split by the wrapper, not by its writer
SLACK = 4  # wrappers differ by a few columns (72 or 76, a long word kept whole)


def wrap_width(lines: list[str]) -> int:
    """The column a hard-wrapped text is broken at, or 0 if the text is not hard-wrapped:
    most of its lines end within a few columns of one width no wider than ``MAX_WIDTH``."""
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < MIN_LINES:
        return 0
    width = lengths[(len(lengths) * 95) // 100]
    near = sum(1 for n in lengths if n >= width - NEAR_WIDTH)
    return width if width <= MAX_WIDTH and near * 2 >= len(lengths) else 0


def unwrapped(lines: list[str]) -> list[str]:
    """The lines with each hard-wrapped paragraph line joined back into one."""
    width = wrap_width(lines)
    out: list[str] = []
    last = ""  # the physical line that ``out[-1]`` ends with: the one the wrapper filled
    for line in lines:
        wrapped = bool(width) and _continues(last, line, width)
        if out and (wrapped or _title_goes_on(last, line)):
            out[-1] = _joined(out[-1], line.strip())
        else:
            out.append(line)
        last = line
    return out


def _title_goes_on(before: str, line: str) -> bool:
    """A title in capitals set on two lines ("THE SOUTH ASIAN SUMMER MONSOON:" / "HOW IT
    WORKS AND WHY IT MATTERS"): two short upper-case lines, the first visibly unfinished (a
    colon, a dash, a comma or a function word at its end)."""
    first, second = before.strip(), line.strip()
    if not (CAPS_LINE.match(first) and CAPS_LINE.match(second)):
        return False
    last = first.split()[-1].casefold()
    if not (first[-1:] in ":,–—-" or last in STOPWORDS):
        return False  # two titles set one above the other: a course's header, then the page's
    return not (BLOCK_START.match(second) or BLOCK_START.match(first) or COLUMNS.search(first))


def _continues(before: str, line: str, width: int) -> bool:
    """Did a wrapper break ``before`` ahead of ``line``? A deeper-indented line goes on the
    item above it (a hanging indent), a line in lower case under a paragraph's indented first
    line goes on it; a line of its own label ("aquifer: …") never does."""
    text, before = line.strip(), before.rstrip()
    if not text or not before.strip() or BLOCK_START.match(text):
        return False
    hanging = _indent(line) > _indent(before) and before.endswith((";", ","))
    if SENTENCE_END.search(before) and not hanging:
        return False  # "… intensity level;" / "    an increase of 10 dB …" goes on
    if COLUMNS.search(before.strip()) or COLUMNS.search(text) or RULE.match(before.strip()):
        return False
    if _indent(line) > _indent(before):
        return not LABEL.match(text)  # "Key terms" / "  isotopes: …" starts an entry
    if LABEL.match(text) and LABEL.match(before.strip()):
        return False  # "sublimation: …" after "evaporation: …", "miasma — …" after "bubo — …"
    filled = len(before) + 1 + len(text.split()[0]) > width - SLACK
    if _indent(line) < _indent(before):  # a paragraph's indented first line, then the rest
        return filled and text[:1].islower()
    return filled or (text[:1].islower() and len(before) >= width // 2)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _joined(before: str, text: str) -> str:
    """ "acid-" + "base pairs" → "acid-base pairs"; "tempera-" + "ture" → "temperature" (a
    word the wrapper hyphenated: the joined word is common English, the hyphenated one not)."""
    before = before.rstrip()
    if re.search(r"[A-Z][a-z]+-$", before) and text[:1].isupper():
        return before + text  # "Gay-" + "Lussac's law": a double name keeps its hyphen
    if not (before.endswith("-") and text[:1].islower()):
        return f"{before} {text}"
    head, tail = before[:-1].split()[-1:] or [""], text.split()[0]
    word = f"{head[0]}{tail}".strip(".,;:!?)")
    broken = zipf(word) >= HYPHENATED_ZIPF and zipf(word) > zipf(
        f"{head[0]}-{tail}".strip(".,;:!?)")
    )
    return before[:-1] + text if broken else before + text

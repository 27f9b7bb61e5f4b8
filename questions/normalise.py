"""Raw article (txt, md, html) → canonical text, once; every offset in a bank points into it.

The canonical text is plain: one line per block, blank lines between paragraphs, markup
removed (Markdown `#`, list bullets, emphasis, links; HTML tags), Unicode NFC, single spaces.
Markup is not lost: each line keeps a *hint* (h1..h6, li, p, or "" for plain text) that the
line classifier uses. Normalising canonical text again gives the same text (idempotent).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from questions.htmltext import html_lines

BULLET_RE = re.compile(r"^(?:[•·▪◦‣●○■►✓✔–—]|[-*+](?=\s))\s*")
MD_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
MD_ORDERED_RE = re.compile(r"^\d{1,3}[.)]\s+")
MD_RULE_RE = re.compile(r"^(?:[-*_]\s*){3,}$")
# Reference marks copied from encyclopaedia pages: "[1]", "[12]", "[citation needed]".
CITATION_RE = re.compile(r"\[(?:\d{1,3}|citation needed|note \d{1,3}|[a-z])\]")
INVISIBLE_RE = re.compile(r"[\u200b-\u200f\u2060\ufeff\u00ad]")


@dataclass(frozen=True)
class HintedLine:
    """One canonical line (empty for a paragraph break) and the markup hint it came with."""

    text: str
    hint: str  # "" (plain), h1..h6, li, p, blank


def clean(line: str) -> str:
    line = INVISIBLE_RE.sub("", unicodedata.normalize("NFC", line))
    line = CITATION_RE.sub("", line)
    return " ".join(line.replace("\u00a0", " ").split())


def plain_lines(raw: str) -> list[HintedLine]:
    out = []
    for line in raw.splitlines():
        text = clean(line)
        if not text:
            out.append(HintedLine("", "blank"))
            continue
        bullet = BULLET_RE.match(text)
        if bullet and len(text) > bullet.end():
            out.append(HintedLine(text[bullet.end() :], "li"))
        else:
            out.append(HintedLine(text, ""))
    return out


def _md_inline(text: str) -> str:
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)  # images carry no prose
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", text)
    text = re.sub(r"(?<![\w_])_(?!\s)(.+?)(?<!\s)_(?![\w_])", r"\1", text)
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
    out = []
    fenced = False
    for line in _without_front_matter(raw).splitlines():
        stripped = line.strip()
        if stripped.startswith("```") or stripped.startswith("~~~"):
            fenced = not fenced
            out.append(HintedLine("", "blank"))
            continue
        if fenced or not stripped or MD_RULE_RE.match(stripped) or stripped.startswith("|"):
            out.append(HintedLine("", "blank"))
            continue
        stripped = stripped.lstrip("> ").strip() if stripped.startswith(">") else stripped
        heading = MD_HEADING_RE.match(stripped)
        if heading:
            out.append(HintedLine(_md_inline(heading.group(2)), f"h{len(heading.group(1))}"))
            continue
        bullet = BULLET_RE.match(stripped) or MD_ORDERED_RE.match(stripped)
        if bullet:
            out.append(HintedLine(_md_inline(stripped[bullet.end() :]), "li"))
            continue
        out.append(HintedLine(_md_inline(stripped), "p"))
    return [line if line.text else HintedLine("", "blank") for line in out]


def hinted_lines(raw: str, fmt: str) -> list[HintedLine]:
    """Canonical lines with hints, blank runs collapsed, no leading or trailing blanks."""
    if fmt == "html":
        lines = [HintedLine(clean(t), h) for h, t in html_lines(raw)]
        spaced: list[HintedLine] = []
        for line in lines:
            if line.text:
                spaced += [line, HintedLine("", "blank")]
        lines = spaced
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
    return out


def canonical_text(lines: list[HintedLine]) -> str:
    return "\n".join(line.text for line in lines)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()

"""HTML → the page's main text as hinted lines (heading level, list item, paragraph, table row).

Uses the stdlib ``html.parser``. Navigation, headers, footers, asides, forms, scripts and
anything whose class or id says menu/cookie/share/related/... is dropped. When the page has
a ``<main>`` or ``<article>`` element only its content is kept. A table row becomes one line
(cells joined by ``tables.CELL_SEP``), ``<dt>``/``<dd>`` a glossary term and its definition.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from questions.tables import CELL_SEP, EMPTY_CELL

_SKIP_TAGS_WORDS = """
    script style noscript nav footer aside form template svg button iframe select header
    head canvas object video audio
"""
SKIP_TAGS = frozenset(_SKIP_TAGS_WORDS.split())
_VOID_TAGS_WORDS = """
    area base br col embed hr img input link meta source track wbr
"""
VOID_TAGS = frozenset(_VOID_TAGS_WORDS.split())
_BLOCK_TAGS_WORDS = """
    p div section li dt dd blockquote pre table ul ol dl figure figcaption h1 h2 h3
    h4 h5 h6 main article body title caption summary details
"""
BLOCK_TAGS = frozenset(_BLOCK_TAGS_WORDS.split())
NOISE_ATTR = re.compile(
    r"(^|[\s_-])(nav|navbar|menu|footer|cookie|consent|banner|share|sharing|social|subscribe|"
    r"newsletter|related|sidebar|breadcrumbs?|comments?|advert|ads|promo|popup|modal|skip|"
    r"footnotes?|endnotes?|credits?)"
    r"($|[\s_-])",
    re.IGNORECASE,
)
MAIN_TAGS = ("main", "article")
TABLE_TAGS = frozenset(["tr", "td", "th"])
STRUCTURE_TAGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table"])


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, skipping)
        self.lines: list[tuple[str, str, int]] = []  # (hint, text, main depth)
        self.buffer: list[str] = []
        self.hint = "p"
        self.main_depth = 0
        self.title = ""
        self.in_title = False
        self.row: list[str] | None = None  # cells of the table row being read
        self.row_head = False  # every cell of the row so far is a <th>
        self.tables = 0  # depth of <table> elements
        self.layout = 0  # depth of the table that holds headings or lists: page layout, not data

    @property
    def skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        if tag in VOID_TAGS:
            if tag == "br":
                self._flush()
            return
        marker = " ".join(v or "" for k, v in attrs if k in ("class", "id", "role"))
        skip = self.skipping or tag in SKIP_TAGS or bool(NOISE_ATTR.search(marker))
        if self.row is not None and tag in STRUCTURE_TAGS:
            self._as_layout()
        self.tables += tag == "table"
        if tag in TABLE_TAGS and not self.layout:
            self._table_start(tag)
        elif tag in BLOCK_TAGS or tag in TABLE_TAGS:
            self._flush()
            self.hint = _hint(tag)
        if tag in MAIN_TAGS and not skip:
            self.main_depth += 1
        self.stack.append((tag, skip))

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in VOID_TAGS or all(t != tag for t, _ in self.stack):
            return  # stray end tag: ignore rather than unbalance the stack
        if tag == "tr" and not self.layout:
            self._row_end()
        elif tag in BLOCK_TAGS or tag in TABLE_TAGS:
            self._flush()
        if tag == "table":
            self.layout = 0 if self.layout == self.tables else self.layout
            self.tables = max(0, self.tables - 1)
        while self.stack:
            open_tag, skip = self.stack.pop()
            if open_tag in MAIN_TAGS and not skip:
                self.main_depth -= 1
            if open_tag == tag:
                break
        # The block still open goes on: "<li>See <a>this</a> note</li>" is one item, and a
        # <figcaption>'s text after a <span> is still its caption.
        self.hint = next((_hint(t) for t, _ in reversed(self.stack) if t in BLOCK_TAGS), "p")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
        elif not self.skipping:
            self.buffer.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self.buffer).split())
        self.buffer = []
        if not text:
            return
        if self.row is None:
            self.lines.append((self.hint, text, self.main_depth))
        elif self.row:  # inside a cell: its paragraphs join into one cell text
            self.row[-1] = f"{self.row[-1]} {text}".strip()

    def _table_start(self, tag: str) -> None:
        self._flush()
        if tag == "tr":
            self.row, self.row_head = [], True
        elif self.row is not None:
            self.row.append("")
            self.row_head = self.row_head and tag == "th"

    def _as_layout(self) -> None:
        """A heading or list inside a cell: the table lays out the page. The cells read so far
        become paragraphs, and the rest of the table is read as ordinary blocks."""
        self._flush()
        cells, self.row = self.row or [], None
        self.layout = self.tables
        self.lines += [("p", cell, self.main_depth) for cell in cells if cell]

    def _row_end(self) -> None:
        """A row is one line, its cells joined; a row of <th> cells is the table's header."""
        self._flush()
        row, self.row = self.row, None
        if row and any(row):
            text = CELL_SEP.join(c.replace("|", "/") or EMPTY_CELL for c in row)
            self.lines.append(("th" if self.row_head else "tr", text, self.main_depth))

    def close(self) -> None:
        super().close()
        self._flush()


def _hint(tag: str) -> str:
    if re.fullmatch(r"h[1-6]", tag):
        return tag
    return {"li": "li", "dt": "dt", "dd": "dd", "figcaption": "caption", "caption": "caption"}.get(
        tag, "p"
    )


def html_lines(html: str) -> list[tuple[str, str]]:
    """The page's main text as (hint, text) pairs; hint is h1..h6, li or p."""
    parser = _Extractor()
    parser.feed(html)
    parser.close()
    lines = parser.lines
    if any(depth > 0 for _, _, depth in lines):
        lines = [line for line in lines if line[2] > 0]
    out = [(hint, text) for hint, text, _ in lines]
    title = " ".join(parser.title.split())
    if title and not any(hint == "h1" for hint, _ in out):
        out.insert(0, ("h1", title))
    return out

"""Tables in plain text and Markdown: pipe tables, Pandoc grid and simple tables, tab rows,
and rows of cells joined by " | " (how a table is written into the canonical text).

``read_table(lines, i)`` recognises a table that starts at raw line ``i`` and returns its
header cells, its rows of cells and the first line after it. Cells come back raw (the caller
cleans them); an empty cell or one of dashes only is ``EMPTY_CELL``. A row of a table becomes
one canonical line, its cells joined by ``CELL_SEP``, so facts can split it again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CELL_SEP = " | "
EMPTY_CELL = "…"  # not a bullet character: the canonical text must read back the same
PIPE_SEP = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$")
GRID_BORDER = re.compile(r"^\+(?:[-=:]+\+)+$")
DASH_LINE = re.compile(r"^\s*-{2,}(?: +-{2,})+\s*$")
DASHES_ONLY = re.compile(r"^[-–—\s]*$")


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]  # column names; () when the table has none
    rows: tuple[tuple[str, ...], ...]
    end: int  # index of the first raw line after the table


def read_table(lines: list[str], i: int) -> Table | None:
    """The table starting at ``lines[i]``, or None if no table starts there."""
    line = lines[i].strip()
    nxt = lines[i + 1] if i + 1 < len(lines) else ""
    if not ("|" in line or "\t" in line or "+" in line[:1] or "--" in line or "--" in nxt):
        return None  # the common case, decided without a regular expression
    if GRID_BORDER.match(line):
        return _grid(lines, i)
    if line.startswith("|") or ("|" in line and PIPE_SEP.match(nxt.strip())):
        return _pipe(lines, i)  # GitHub tables may leave out the outer bars
    if DASH_LINE.match(lines[i]):
        return _simple(lines, i, "")
    if line and DASH_LINE.match(nxt):
        return _simple(lines, i + 1, lines[i])
    if "\t" in line and "\t" in nxt.strip() and _tab_count(line) == _tab_count(nxt):
        return _tabbed(lines, i)
    if CELL_SEP in line and line.count(CELL_SEP) == nxt.strip().count(CELL_SEP):
        return _barred(lines, i)
    return None


def _cell(text: str) -> str:
    text = " ".join(text.split()).rstrip("*†‡").strip()
    return EMPTY_CELL if DASHES_ONLY.match(text) else text


def _split_bars(line: str) -> list[str]:
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") else body
    return body.split("|")


def _pipe(lines: list[str], i: int) -> Table:
    rows: list[list[str]] = []
    header_rows = 0
    j = i
    while j < len(lines) and "|" in lines[j]:
        if PIPE_SEP.match(lines[j].strip()):
            header_rows = len(rows)
        else:
            rows.append(_split_bars(lines[j]))
        j += 1
    return _table(rows, header_rows or 1, j)


def _grid(lines: list[str], i: int) -> Table:
    """Pandoc grid table: a cell may span several physical lines between two borders."""
    rows: list[list[str]] = []
    header_rows = 0
    current: list[str] | None = None
    j = i + 1
    while j < len(lines):
        line = lines[j].strip()
        if GRID_BORDER.match(line):
            if current is not None:
                rows.append(current)
                current = None
            header_rows = len(rows) if "=" in line else header_rows
        elif line.startswith("|"):
            parts = _split_bars(line)
            current = parts if current is None else _merge(current, parts)
        else:
            break
        j += 1
    if current is not None:
        rows.append(current)
    return _table(rows, header_rows or 1, j)


def _merge(cells: list[str], more: list[str]) -> list[str]:
    width = max(len(cells), len(more))
    cells = cells + [""] * (width - len(cells))
    more = more + [""] * (width - len(more))
    return [f"{a} {b}" for a, b in zip(cells, more, strict=True)]


def _simple(lines: list[str], dash: int, header: str) -> Table:
    """Pandoc simple table: columns are the runs of the dash line; rows run to a blank line."""
    starts = [m.start() for m in re.finditer(r"-+", lines[dash])]
    rows = [_slice(header, starts)] if header.strip() else []
    j = dash + 1
    while j < len(lines) and lines[j].strip() and not DASH_LINE.match(lines[j]):
        rows.append(_slice(lines[j], starts))
        j += 1
    if j < len(lines) and DASH_LINE.match(lines[j]):
        j += 1  # a closing dash line
    return _table(rows, 1 if header.strip() else 0, j)


def _slice(line: str, starts: list[int]) -> list[str]:
    bounds = [*starts[1:], max(len(line), starts[-1])]
    return [line[a:b] for a, b in zip(starts, bounds, strict=True)]


def _tab_count(line: str) -> int:
    return line.strip().count("\t")


def _tabbed(lines: list[str], i: int) -> Table:
    width = _tab_count(lines[i])
    j = i
    while j < len(lines) and lines[j].strip() and _tab_count(lines[j]) == width:
        j += 1
    return _table([lines[k].strip().split("\t") for k in range(i, j)], 1, j)


def _barred(lines: list[str], i: int) -> Table:
    """Rows of cells joined by " | ": how this module writes a table into the canonical text,
    so a bank's text, read again, has the same tables."""
    width = lines[i].count(CELL_SEP)
    j = i
    while j < len(lines) and lines[j].strip() and lines[j].count(CELL_SEP) == width:
        j += 1
    return _table([lines[k].strip().split(CELL_SEP) for k in range(i, j)], 1, j)


def _table(rows: list[list[str]], header_rows: int, end: int) -> Table:
    cleaned = [tuple(_cell(c) for c in row) for row in rows]
    head = cleaned[:header_rows]
    columns = zip(*head, strict=False)  # several header rows: a column's name is their join
    header = tuple(" ".join(c for c in col if c != EMPTY_CELL) or EMPTY_CELL for col in columns)
    body = tuple(row for row in cleaned[header_rows:] if any(c != EMPTY_CELL for c in row))
    return Table(header=header, rows=body, end=end)


# A key column naming properties, not things: "Sign | Heat exhaustion | Heatstroke" compares
# two things (the other headers) sign by sign; its rows are the properties.
COMPARISON_KEYS = frozenset(
    ["sign", "feature", "characteristic", "property", "aspect", "criterion", "attribute"]
)

"""Inline SVG charts, built on the server from plain numbers: no script, no external asset.

Each chart is an ``<svg role="img">`` with a ``<title>`` and ``<desc>`` (what screen
readers announce); the page adds a data table beside it. Column charts carry their axis
labels; share bars (mastery) are one small SVG per row under an HTML label. Colours come
from CSS classes in ``static/stats.css`` (the Content-Security-Policy forbids inline
styles), so dark mode and contrast follow the site's palette. Coordinates are in a fixed
viewBox; the SVG scales to the width of the page, so a 360 px phone shows the whole chart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH, HEIGHT = 480, 200
LEFT, RIGHT, TOP, BOTTOM = 44, 6, 12, 34  # plot margins: y labels left, x labels below


@dataclass(frozen=True)
class Segment:
    value: float
    css: str  # class of the rectangle, e.g. "bar-right"


@dataclass(frozen=True)
class Column:
    label: str  # x-axis label ("" for none)
    segments: tuple[Segment, ...]
    tooltip: str

    @property
    def total(self) -> float:
        return sum(s.value for s in self.segments)


def column_chart(chart_id: str, title: str, desc: str, columns: Sequence[Column]) -> Markup:
    """Stacked columns over a shared y axis (e.g. right/wrong answers per day)."""
    top = nice_max(max((c.total for c in columns), default=0))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / max(len(columns), 1)
    parts = [_open(chart_id, title, desc, WIDTH, HEIGHT), *_y_axis(top, plot_h)]
    for i, column in enumerate(columns):
        x = LEFT + i * slot + slot * 0.15
        y: float = TOP + plot_h
        parts.append(f"<g><title>{escape(column.tooltip)}</title>")
        for seg in column.segments:
            h = plot_h * seg.value / top if top else 0.0
            y -= h
            if h > 0:
                parts.append(_rect(x, y, slot * 0.7, h, seg.css))
        parts.append("</g>")
        if column.label:
            parts.append(_x_label(column.label, LEFT + (i + 0.5) * slot, i == len(columns) - 1))
    parts.append("</svg>")
    return Markup("".join(parts))


def share_bar(bar_id: str, row: Column) -> Markup:
    """One horizontal 100 % bar (e.g. new/learning/young/mature of a section); its label is
    HTML next to it, so long section names wrap instead of being clipped."""
    width, height = 300, 16
    parts = [_open(bar_id, row.label, row.tooltip, width, height, css="share")]
    x, total = 0.0, row.total
    for seg in row.segments:
        w = width * seg.value / total if total else 0
        if w > 0:
            parts.append(_rect(x, 0, w, height, seg.css))
        x += w
    parts.append("</svg>")
    return Markup("".join(parts))


def nice_max(value: float) -> int:
    """A round axis maximum at or above ``value`` (1, 2, 5, 10, 20, 50, …; at least 1)."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= value:
                return max(step * factor, 1)
        step *= 10


def _open(chart_id: str, title: str, desc: str, width: int, height: int, css: str = "chart") -> str:
    cid = escape(chart_id)
    # Share bars stretch to the page width; charts keep their proportions (text inside).
    stretch = ' preserveAspectRatio="none"' if css == "share" else ""
    return (
        f'<svg class="{css}" id="{cid}" viewBox="0 0 {width} {height}" role="img"{stretch} '
        f'aria-labelledby="{cid}-title {cid}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{cid}-title">{escape(title)}</title>'
        f'<desc id="{cid}-desc">{escape(desc)}</desc>'
    )


def _y_axis(top: int, plot_h: float) -> list[str]:
    base = TOP + plot_h
    out = [f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{base}" y2="{base}"/>']
    for value in (top // 2, top) if top >= 2 else (top,):
        y = base - plot_h * value / top
        out.append(
            f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>'
        )
        out.append(
            f'<text class="axis" x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{value}</text>'
        )
    return out


def _x_label(label: str, x: float, last: bool) -> str:
    # The last column's label ends at the edge instead of being centred past it.
    anchor, x = ("end", WIDTH - RIGHT) if last else ("middle", x)
    return (
        f'<text class="axis" x="{x:.1f}" y="{HEIGHT - 8}" text-anchor="{anchor}">'
        f"{escape(label)}</text>"
    )


def _rect(x: float, y: float, w: float, h: float, css: str) -> str:
    return f'<rect class="{escape(css)}" x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}"/>'

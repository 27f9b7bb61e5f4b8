"""The SVG chart builders: axis maximum, bar geometry, escaping, accessible names."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from quizapp.stats.charts import (
    BOTTOM,
    HEIGHT,
    TOP,
    Column,
    Segment,
    column_chart,
    nice_max,
    share_bar,
)

SVG = "{http://www.w3.org/2000/svg}"


def test_nice_max_rounds_up_to_1_2_5() -> None:
    assert [nice_max(v) for v in (0, 1, 3, 5, 7, 11, 49, 51, 101)] == [
        1,
        1,
        5,
        5,
        10,
        20,
        50,
        100,
        200,
    ]


def test_column_heights_are_proportional_and_stacked() -> None:
    columns = [
        Column("d1", (Segment(3, "bar-right"), Segment(1, "bar-wrong")), "4 answers"),
        Column("", (Segment(0, "bar-right"), Segment(0, "bar-wrong")), "none"),
        Column("d3", (Segment(5, "bar-right"),), "5 answers"),
    ]
    root = ET.fromstring(str(column_chart("c", "Title <x>", "Desc & more", columns)))
    assert root.get("role") == "img" and root.get("aria-labelledby") == "c-title c-desc"
    title = root.find(f"{SVG}title")
    assert title is not None and title.text == "Title <x>"  # escaped in markup, intact here
    rects = root.findall(f".//{SVG}rect")
    assert [r.get("class") for r in rects] == ["bar-right", "bar-wrong", "bar-right"]
    heights = [float(r.get("height", "")) for r in rects]
    plot_h = HEIGHT - TOP - BOTTOM
    # Axis maximum 5: three right answers are 3/5 of the plot, the wrong one stacks on top.
    assert heights == [round(plot_h * 3 / 5, 1), round(plot_h / 5, 1), round(plot_h, 1)]
    assert float(rects[1].get("y", "")) + heights[1] == float(rects[0].get("y", ""))
    labels = [t.text for t in root.iter(f"{SVG}text")]
    assert "d1" in labels and "d3" in labels


def test_share_bar_splits_its_width() -> None:
    row = Column("S", (Segment(1, "m-mature"), Segment(3, "m-new")), "1 mature, 3 new")
    markup = str(share_bar("b", row))
    widths = [float(w) for w in re.findall(r'width="([\d.]+)"', markup.split("<rect", 1)[1])]
    assert widths[0] == 75.0 and 'class="share"' in markup
    assert '<desc id="b-desc">1 mature, 3 new</desc>' in markup

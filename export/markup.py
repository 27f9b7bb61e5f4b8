"""Turning bank text into Anki field HTML and Anki tags.

Fields are HTML: article text is escaped so ``<``/``&`` show as typed. Braces are escaped
as character references too, so article text can never be read as template or cloze syntax
(``{{…}}``) by any Anki client.
"""

from __future__ import annotations

import functools
import html
import re

# Anki splits tags on spaces and levels on "::"; its text import strips HTML from tags.
_TAG_JUNK = re.compile(r"[\s:\"<>&]+")


def field_html(text: str) -> str:
    """Escape plain text for an Anki field; line breaks become ``<br>``."""
    escaped = html.escape(text, quote=False)
    # Plain replace beats str.translate several times over on short strings (see benchmarks/).
    if "{" in escaped or "}" in escaped:
        escaped = escaped.replace("{", "&#123;").replace("}", "&#125;")
    return "<br>".join(escaped.splitlines()) if "\n" in escaped else escaped


def cloze_answer_html(text: str) -> str:
    """Escape text that sits inside ``{{c1::…}}``: a ``:`` there could start a hint (``::``)."""
    return field_html(text).replace(":", "&#58;")


def tag_part(text: str) -> str:
    """One level of a hierarchical tag: Anki splits tags on spaces and levels on ``::``."""
    return _TAG_JUNK.sub("_", text.strip()).strip("_")


@functools.lru_cache(maxsize=8192)  # a bank repeats its sections, entities and tags many times
def tag(*levels: str) -> str:
    """A hierarchical tag such as ``section::Muscle_cramps``; empty if any level is empty."""
    parts = [tag_part(level) for level in levels]
    return "::".join(parts) if all(parts) else ""


@functools.lru_cache(maxsize=8192)
def bank_tag(raw: str) -> str:
    """A tag the bank already carries: keep its ``::`` hierarchy, clean each level."""
    return "::".join(filter(None, (tag_part(level) for level in raw.split("::"))))

"""Rules a bank file must meet beyond its shape, so that every database stores it the same.

* Identity: a deck slug is 1–100 lowercase letters, digits and single dashes (what
  ``textutil.slugify`` makes; it is a URL path segment); a question id is 1–200 letters,
  digits, ``_ . : -``. Both are enforced here, not left to the database: SQLite would take
  anything, PostgreSQL refuses over-long or NUL-bearing text with an error.
* Sizes of the other bounded fields (the database's column sizes).
* Text: no NUL (PostgreSQL cannot store it) and no lone surrogate (``"\\ud800"`` in JSON is
  not text; it cannot be written as UTF-8).
* ``article.blocks``: a list of ``{"kind": str, "start": int, "end": int}`` within the text.

``problems(data, file)`` returns them as ``bankfile.Problem`` s; ``bankfile.validate`` calls it
once the document has the right shape.
"""

from __future__ import annotations

import json
import re
from typing import Any

from questions.bankfile import Problem

SLUG_MAX = 100
QUESTION_ID_MAX = 200
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
QUESTION_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")
# (where, field) -> the column size it is stored in.
SIZES = {
    ("deck", "name"): 200,
    ("article", "filename"): 255,
    ("article", "sha256"): 64,
    ("", "content_version"): 64,
    ("", "generator"): 200,
}


def problems(data: dict[str, Any], file: str) -> list[Problem]:
    """Identity, size, text and block problems of a well-shaped bank document."""
    found = _identity(data, file) + _sizes(data, file) + _blocks(data["article"], file)
    return found + _text(data, file)


def slug_problem(slug: str) -> str | None:
    if not 1 <= len(slug) <= SLUG_MAX or not SLUG_RE.match(slug):
        return f"must be 1 to {SLUG_MAX} lowercase letters, digits and single dashes"
    return None


def _identity(data: dict[str, Any], file: str) -> list[Problem]:
    found = []
    problem = slug_problem(data["deck"]["slug"])
    if problem:
        found.append(Problem(file, "", "deck.slug", problem))
    for index, q in enumerate(data["questions"]):
        qid = q["id"]
        if not 1 <= len(qid) <= QUESTION_ID_MAX or not QUESTION_ID_RE.match(qid):
            found.append(
                Problem(
                    file,
                    f"#{index + 1}",
                    "id",
                    f"must be 1 to {QUESTION_ID_MAX} letters, digits, '_', '.', ':' or '-'",
                )
            )
    return found


def _sizes(data: dict[str, Any], file: str) -> list[Problem]:
    found = []
    for (where, field), size in SIZES.items():
        value = (data.get(where) if where else data) or {}
        text = value.get(field, "") if isinstance(value, dict) else ""
        if isinstance(text, str) and len(text) > size:
            name = f"{where}.{field}" if where else field
            found.append(Problem(file, "", name, f"is longer than {size} characters"))
    return found


def _blocks(article: dict[str, Any], file: str) -> list[Problem]:
    blocks = article.get("blocks", [])
    length = len(article["text"])
    if not isinstance(blocks, list):
        return [Problem(file, "", "article.blocks", "must be a list")]
    for index, block in enumerate(blocks):
        if not _is_block(block, length):
            return [
                Problem(
                    file,
                    "",
                    f"article.blocks[{index}]",
                    'must be {"kind": text, "start": n, "end": n} within the article text',
                )
            ]
    return []


def _is_block(block: Any, length: int) -> bool:
    if not isinstance(block, dict) or not isinstance(block.get("kind"), str):
        return False
    start, end = block.get("start"), block.get("end")
    if not isinstance(start, int) or not isinstance(end, int):
        return False
    if isinstance(start, bool) or isinstance(end, bool):
        return False
    return 0 <= start <= end <= length


def _text(data: dict[str, Any], file: str) -> list[Problem]:
    # One serialisation finds both: NUL is written as the escape \u0000, and a lone
    # surrogate cannot be encoded as UTF-8.
    dumped = json.dumps(data, ensure_ascii=False)
    try:
        dumped.encode("utf-8")
    except UnicodeEncodeError:
        return [
            Problem(file, "", "", "contains a lone surrogate (e.g. \\ud800), which is not text")
        ]
    if "\\u0000" in dumped:
        return [Problem(file, "", "", "contains a NUL character, which cannot be stored")]
    return []

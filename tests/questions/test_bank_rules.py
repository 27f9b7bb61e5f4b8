"""Malformed bank files are one line and exit status 2 (``import``) or 1 (``check``), never a
traceback; slug and id rules hold whatever the database (issue 9, finding 6)."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from questions.bankfile import BankError, loads
from questions.default_deck import DEFAULT_ARTICLE, DEFAULT_BANK
from quizapp.cli.bank import check, generate

from .test_cli_bank import one_line_error, run

Edit = Callable[[dict[str, Any]], None]


def _set(path: str, value: Any) -> Edit:
    def edit(doc: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = doc
        for key in parents:
            target = target[int(key)] if key.isdigit() else target[key]
        target[int(last) if last.isdigit() else last] = value

    return edit


BROKEN: dict[str, Edit] = {
    "blocks not a list": _set("article.blocks", "nope"),
    "block not an object": _set("article.blocks", [1, 2]),
    "block without offsets": _set("article.blocks", [{"kind": "title"}]),
    "block beyond the text": _set("article.blocks", [{"kind": "p", "start": 0, "end": 10**9}]),
    "empty slug": _set("deck.slug", ""),
    "slug with a slash": _set("deck.slug", "a/b"),
    "slug with NUL": _set("deck.slug", "a\x00b"),
    "300-character slug": _set("deck.slug", "a" * 300),
    "5000-character id": _set("questions.0.id", "q" * 5000),
    "id with a space": _set("questions.0.id", "q 1"),
    "201-character deck name": _set("deck.name", "n" * 201),
}
RAW: dict[str, Callable[[str], str]] = {
    "5000-digit integer": lambda t: t.replace(
        '"schema_version": 1', '"schema_version": ' + "9" * 5000, 1
    ),
    "100,000-deep nesting": lambda t: "[" * 100_000 + "]" * 100_000,
    "lone surrogate": lambda t: t.replace('"name": "', '"name": "\\ud800', 1),
}


def _bank_text(edit: Edit | None = None) -> str:
    doc = json.loads(Path(DEFAULT_BANK).read_text(encoding="utf-8"))
    if edit is not None:
        edit(doc)
    return json.dumps(doc, ensure_ascii=False)


def _cases() -> list[tuple[str, str]]:
    cases = [(name, _bank_text(edit)) for name, edit in BROKEN.items()]
    return cases + [(name, change(_bank_text())) for name, change in RAW.items()]


@pytest.mark.parametrize(("name", "text"), _cases(), ids=[n for n, _ in _cases()])
def test_malformed_banks_are_one_line_errors(tmp_path: Path, name: str, text: str) -> None:
    with pytest.raises(BankError):
        loads(text)
    path = tmp_path / "bad.bank.json"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    result = CliRunner().invoke(check, [str(path)])
    assert result.exit_code == 1, (name, result.output[-300:])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert str(path) in result.stderr.splitlines()[0]


def test_generate_refuses_what_is_not_a_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    assert "not a regular file" in one_line_error(run(generate, [fifo, "-o", "-"]))
    assert "not a regular file" in one_line_error(run(generate, ["/dev/zero", "-o", "-"]))
    bad_slug = run(generate, [DEFAULT_ARTICLE, "-o", "-", "--slug", "Not/A/Slug"])
    assert "--slug" in one_line_error(bad_slug)

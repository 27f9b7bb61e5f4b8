"""``quizapp import``: ``--owner``, and slugs that are never taken over."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from flask import Flask
from sqlalchemy import select

from questions.bankfile import dump, with_content_version
from questions.normalise import sha256_text
from quizapp.cli import cli
from quizapp.db.base import db
from quizapp.db.models import Deck
from tests.quizapp.classroom.helpers import make_teacher
from tests.quizapp.conftest import build_bank


def _decks(app: Flask) -> dict[str, int | None]:
    with app.app_context():
        rows = db.session.execute(select(Deck.slug, Deck.owner_id)).all()
        db.session.remove()
    return dict(rows)  # type: ignore[arg-type]


def test_import_with_owner_and_slugs_never_taken_over(app: Flask, tmp_path: Path) -> None:
    owner_id = make_teacher(app, "ms.rivera")
    runner = app.test_cli_runner()
    first = tmp_path / "first.bank.json"
    dump(build_bank(), first)
    assert runner.invoke(cli, ["import", str(first)]).exit_code == 0
    again = runner.invoke(cli, ["import", str(first)])
    assert "deck cramps updated" in again.output  # the same deck: updated in place
    other_questions = tuple(replace(q, id=q.id + "-b") for q in build_bank().questions)
    base = build_bank().article
    text = base.text + "\nAnother article shares this file name."
    article = replace(base, text=text, sha256=sha256_text(text))
    other = with_content_version(replace(build_bank(other_questions), article=article))
    second = tmp_path / "second.bank.json"
    dump(other, second)
    made = runner.invoke(cli, ["import", str(second)])  # same file name, another article
    assert "deck cramps-2 created" in made.output, made.output
    third = tmp_path / "third.bank.json"
    dump(with_content_version(replace(other, questions=tuple(
        replace(q, id=q.id + "-c") for q in build_bank().questions))), third)  # fmt: skip
    owned = runner.invoke(cli, ["import", "--owner", "MS.Rivera", str(third)])
    assert "deck cramps-3 created" in owned.output, owned.output  # not the ownerless one
    assert _decks(app) == {"cramps": None, "cramps-2": None, "cramps-3": owner_id}
    missing = runner.invoke(cli, ["import", "--owner", "nobody", str(first)])
    assert missing.exit_code == 2 and "no registered account" in missing.output

"""Importing a bank is idempotent by stable id and never loses history."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from questions.bankfile import dump, dumps, with_content_version
from questions.model import Bank
from quizapp.cli import cli
from quizapp.db.banks import ImportConflict, bank_from_db, import_bank
from quizapp.db.models import Deck, Question, ReviewLog
from quizapp.services import study
from quizapp.services.settings import settings_for

from .conftest import build_bank


def _ids(session: Session, retired: bool) -> set[str]:
    cond = Question.retired_at.is_not(None) if retired else Question.retired_at.is_(None)
    return set(session.scalars(select(Question.id).where(cond)))


def test_import_twice_changes_nothing(session: Session, small_bank: Bank, now: datetime) -> None:
    first = import_bank(session, small_bank, now)
    session.commit()
    again = import_bank(session, small_bank, now + timedelta(days=1))
    session.commit()
    assert (first.created, first.added) == (True, 5)
    assert (again.created, again.added, again.updated, again.unchanged) == (False, 0, 0, 5)
    deck = session.scalar(select(Deck))
    assert deck is not None and deck.updated_at == now
    assert session.scalar(select(func.count(Question.id))) == 5


def test_removed_questions_are_retired_with_history_and_restored(
    app: Flask, session: Session, small_bank: Bank, now: datetime
) -> None:
    import_bank(session, small_bank, now)
    user = study.User()
    session.add(user)
    session.flush()
    settings = settings_for(app.config, user)
    study.submit_answer(
        session, user_id=user.id, answer=study.Answer("q-mc", "k1", study.Response(chosen=1)),
        now=now, settings=settings,
    )  # fmt: skip
    session.commit()

    smaller = with_content_version(
        replace(small_bank, questions=tuple(q for q in small_bank.questions if q.id != "q-mc"))
    )
    result = import_bank(session, smaller, now + timedelta(days=1))
    session.commit()
    assert result.retired == 1
    assert _ids(session, retired=True) == {"q-mc"}
    assert session.scalar(select(func.count(ReviewLog.id))) == 1  # history kept
    deck = session.scalar(select(Deck))
    assert deck is not None
    assert "q-mc" not in {q.id for q in bank_from_db(session, deck).questions}
    assert study.next_card(session, user.id, deck.id, now, settings).id != "q-mc"

    back = import_bank(session, small_bank, now + timedelta(days=2))
    session.commit()
    assert back.restored == 1
    assert _ids(session, retired=True) == set()


def test_changed_wording_updates_in_place(
    session: Session, small_bank: Bank, now: datetime
) -> None:
    import_bank(session, small_bank, now)
    q = small_bank.questions[0]
    edited = with_content_version(
        replace(
            small_bank,
            questions=(replace(q, prompt="ALS is also called?"), *small_bank.questions[1:]),
        )
    )
    result = import_bank(session, edited, now)
    assert (result.updated, result.unchanged) == (1, 4)
    assert session.get(Question, q.id).prompt == "ALS is also called?"  # type: ignore[union-attr]


def test_bank_round_trips_through_the_database(
    session: Session, small_bank: Bank, now: datetime
) -> None:
    import_bank(session, small_bank, now)
    deck = session.scalar(select(Deck))
    assert deck is not None
    assert bank_from_db(session, deck) == small_bank


def test_question_id_of_another_deck_is_refused(
    session: Session, small_bank: Bank, now: datetime
) -> None:
    import_bank(session, small_bank, now)
    with pytest.raises(
        ImportConflict, match=r"q-cloze already belongs to another deck \(and 4 more\)"
    ):
        import_bank(session, build_bank(slug="other"), now)


def test_cli_import_and_decks(app: Flask, small_bank: Bank, tmp_path: Path) -> None:
    path = tmp_path / "bank.json"
    dump(small_bank, path)
    runner = app.test_cli_runner()
    result = runner.invoke(cli, args=["import", str(path)])
    assert result.exit_code == 0, result.output
    assert (
        result.output
        == "deck cramps created: 5 added, 0 changed, 0 unchanged, 0 retired, 0 restored\n"
    )
    again = runner.invoke(cli, args=["import", str(path)])
    assert "0 added, 0 changed, 5 unchanged" in again.output
    listing = runner.invoke(cli, args=["decks"])
    assert listing.output == "cramps\t5 questions\t0 retired\tMuscle cramps\n"


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "no such file"), ("{", "line 1 column 2"), ('{"schema_version": 1}', "missing")],
)
def test_cli_import_bad_input_is_one_line_exit_2(
    app: Flask, tmp_path: Path, content: str | None, message: str
) -> None:
    path = tmp_path / "bank.json"
    if content is not None:
        path.write_text(content)
    result = app.test_cli_runner().invoke(cli, args=["import", str(path)])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_cli_import_conflict_is_exit_2(app: Flask, small_bank: Bank, tmp_path: Path) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    dump(small_bank, first)
    second.write_text(dumps(build_bank(slug="other")))
    runner = app.test_cli_runner()
    runner.invoke(cli, args=["import", str(first)])
    result = runner.invoke(cli, args=["import", str(second)])
    assert result.exit_code == 2
    assert "already belongs to another deck" in result.output
    assert json.loads(second.read_text())["deck"]["slug"] == "other"


def test_cli_import_runs_the_checks_of_check(app: Flask, small_bank: Bank, tmp_path: Path) -> None:
    runner = app.test_cli_runner()
    stale = tmp_path / "stale.bank.json"
    stale.write_text(dumps(replace(small_bank, content_version="stale")), encoding="utf-8")
    refused = runner.invoke(cli, args=["import", str(stale)])
    assert refused.exit_code == 2 and "content_version" in refused.output
    assert len(refused.output.strip().splitlines()) == 1
    forced = runner.invoke(cli, args=["import", "--force", str(stale)])
    assert forced.exit_code == 0, forced.output
    q = small_bank.questions[2]
    moved = replace(q, answer="an answer nowhere in the sentence")
    unsupported = with_content_version(
        replace(small_bank, questions=(*small_bank.questions[:2], moved, *small_bank.questions[3:]))
    )
    bad = tmp_path / "unsupported.bank.json"
    bad.write_text(dumps(unsupported), encoding="utf-8")
    for args in ([str(bad)], ["--force", str(bad)]):
        result = runner.invoke(cli, args=["import", *args])
        assert result.exit_code == 2 and "Traceback" not in result.output, result.output

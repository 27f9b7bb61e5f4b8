"""``quizapp create-teacher``: hidden prompted password, one-line errors with exit status 2."""

from __future__ import annotations

from flask import Flask
from sqlalchemy import select

from quizapp.cli.teachers import create_teacher
from quizapp.db.base import db
from quizapp.db.models import User
from quizapp.domain.passwords import verify_password


def _teacher(app: Flask, username: str) -> User | None:
    with app.app_context():
        user = db.session.scalar(select(User).where(User.username == username))
        db.session.remove()
    return user


def test_creates_a_teacher_with_the_prompted_password(app: Flask) -> None:
    result = app.test_cli_runner().invoke(
        create_teacher, ["Mrs.Smith"], input="long enough\nlong enough\n"
    )
    assert result.exit_code == 0, result.output
    assert "teacher mrs.smith created" in result.output
    assert "long enough" not in result.output  # the prompt does not echo it
    user = _teacher(app, "mrs.smith")
    assert user is not None and user.is_teacher
    assert verify_password(user.password_hash, "long enough")


def test_bad_input_is_one_line_and_exit_status_2(app: Flask) -> None:
    runner = app.test_cli_runner()
    bad_name = runner.invoke(create_teacher, ["x!"])
    assert bad_name.exit_code == 2
    assert bad_name.output.strip().startswith("Error: invalid username")
    assert len(bad_name.output.strip().splitlines()) == 1
    short = runner.invoke(create_teacher, ["bob"], input="short\nshort\n")
    assert short.exit_code == 2 and "Error: invalid password" in short.output
    assert _teacher(app, "bob") is None
    missing = runner.invoke(create_teacher, ["nobody", "--promote"])
    assert missing.exit_code == 2 and "no account named 'nobody'" in missing.output


def test_existing_account_needs_promote(app: Flask) -> None:
    runner = app.test_cli_runner()
    assert (
        runner.invoke(create_teacher, ["ann"], input="pale-kite-97\npale-kite-97\n").exit_code == 0
    )
    with app.app_context():
        user = db.session.scalar(select(User).where(User.username == "ann"))
        assert user is not None
        user.is_teacher = False
        db.session.commit()
        db.session.remove()
    refused = runner.invoke(create_teacher, ["ann"])
    assert refused.exit_code == 2 and "--promote" in refused.output
    promoted = runner.invoke(create_teacher, ["ann", "--promote"])
    assert promoted.exit_code == 0 and "ann is now a teacher" in promoted.output
    found = _teacher(app, "ann")
    assert found is not None and found.is_teacher

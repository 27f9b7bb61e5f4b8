"""``quizapp prune-guests``: stale guests go with all their rows; everybody else stays.

The command reads the real clock, so every timestamp here is relative to ``utcnow()``:
"old" is 500 days ago, past the default 400-day cutoff.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from flask import Flask
from sqlalchemy import func, select

from quizapp.cli import cli
from quizapp.cli.guests import prune_guests_command
from quizapp.db.base import db
from quizapp.db.classroom import Assignment, Attempt, AttemptAnswer, ClassMember, Classroom
from quizapp.db.models import CardState, Quiz, ReviewLog, User
from quizapp.domain.scheduler import Rating
from quizapp.domain.timezones import utcnow
from quizapp.services import guests, quiz
from quizapp.services.settings import settings_for
from quizapp.services.study import Answer, Response

OLD = timedelta(days=500)


def add_user(app: Flask, created: datetime, username: str | None = None) -> int:
    with app.app_context():
        user = User(username=username, created_at=created)
        db.session.add(user)
        db.session.commit()
        user_id = user.id
        db.session.remove()
    return user_id


def quiz_answer(app: Flask, user_id: int, deck_id: int, when: datetime) -> int:
    """A quiz started and one question answered at ``when``: a quiz, an answer and a card."""
    with app.app_context():
        started = quiz.create_quiz(
            db.session, user_id=user_id, deck_id=deck_id, count=1, sections=[], now=when
        )
        result = quiz.answer_question(
            db.session,
            quiz=started,
            answer=Answer(
                started.question_ids[0],
                f"k-{user_id}-{when.timestamp()}",
                Response(rating=Rating.Good, typed="x", chosen=0),
            ),
            now=when,
            settings=settings_for(app.config, None),
        )
        db.session.commit()
        db.session.remove()
    return result.review_id


def class_attempt(app: Flask, user_id: int, deck_id: int, review_id: int, member: bool) -> None:
    """An attempt at an assignment answered by ``review_id``; ``member``: still in the class."""
    with app.app_context():
        when = utcnow() - OLD
        teacher = User(username=f"teacher{user_id}", is_teacher=True, created_at=when)
        db.session.add(teacher)
        db.session.flush()
        room = Classroom(teacher_id=teacher.id, name="Class", join_code=f"CODE{user_id}")
        db.session.add(room)
        db.session.flush()
        task = Assignment(
            class_id=room.id, deck_id=deck_id, title="Homework", question_count=1, opens_at=when
        )
        db.session.add(task)
        db.session.flush()
        review = db.session.get_one(ReviewLog, review_id)
        attempt = Attempt(
            assignment_id=task.id,
            user_id=user_id,
            number=1,
            seed=1,
            question_ids=[review.question_id],
            started_at=when,
        )
        db.session.add(attempt)
        db.session.flush()
        db.session.add(
            AttemptAnswer(
                attempt_id=attempt.id, question_id=review.question_id, review_id=review_id
            )
        )
        if member:
            db.session.add(
                ClassMember(class_id=room.id, user_id=user_id, display_name="Kim", name_key="kim")
            )
        db.session.commit()
        db.session.remove()


def rows_of(app: Flask, user_id: int) -> dict[str, int]:
    owner_columns = {
        "user": User.id,
        "review_log": ReviewLog.user_id,
        "card_state": CardState.user_id,
        "quiz": Quiz.user_id,
        "class_attempt": Attempt.user_id,
    }
    with app.app_context():
        found = {
            name: int(db.session.scalar(select(func.count()).where(column == user_id)) or 0)
            for name, column in owner_columns.items()
        }
        db.session.remove()
    return found


@pytest.fixture
def learners(app: Flask, deck_id: int) -> dict[str, int]:
    """One learner of each kind the command must tell apart."""
    now = utcnow()
    ids = {
        "old_guest": add_user(app, now - OLD),
        "recent_guest": add_user(app, now - timedelta(days=10)),
        "old_guest_recent_answer": add_user(app, now - OLD),
        "registered": add_user(app, now - OLD, username="ann"),
        "class_guest": add_user(app, now - OLD),
    }
    for name in ("old_guest", "registered", "class_guest"):
        quiz_answer(app, ids[name], deck_id, now - timedelta(days=450))
    quiz_answer(app, ids["old_guest_recent_answer"], deck_id, now - timedelta(days=450))
    quiz_answer(app, ids["old_guest_recent_answer"], deck_id, now - timedelta(days=5))
    # The old guest once took a class test and has left the class: their attempt goes too.
    with app.app_context():
        review_id = db.session.scalar(
            select(ReviewLog.id).where(ReviewLog.user_id == ids["old_guest"])
        )
        class_review = db.session.scalar(
            select(ReviewLog.id).where(ReviewLog.user_id == ids["class_guest"])
        )
        db.session.remove()
    assert review_id is not None and class_review is not None
    class_attempt(app, ids["old_guest"], deck_id, review_id, member=False)
    class_attempt(app, ids["class_guest"], deck_id, class_review, member=True)
    return ids


def test_prunes_only_the_stale_guest_with_all_its_rows(
    app: Flask, learners: dict[str, int]
) -> None:
    before = {name: rows_of(app, uid) for name, uid in learners.items()}
    assert before["old_guest"] == {
        "user": 1, "review_log": 1, "card_state": 1, "quiz": 1, "class_attempt": 1
    }  # fmt: skip
    result = app.test_cli_runner().invoke(prune_guests_command, ["--yes"])
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines()[-1] == (
        "deleted 1 guest account inactive for over 400 days"
    )
    assert rows_of(app, learners["old_guest"]) == dict.fromkeys(before["old_guest"], 0)
    for name in ("recent_guest", "old_guest_recent_answer", "registered", "class_guest"):
        assert rows_of(app, learners[name]) == before[name], name
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(AttemptAnswer)) == 1
        db.session.remove()


def test_dry_run_changes_nothing(app: Flask, learners: dict[str, int]) -> None:
    before = {name: rows_of(app, uid) for name, uid in learners.items()}
    result = app.test_cli_runner().invoke(prune_guests_command, ["--dry-run"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == (
        "would delete 1 guest account inactive for over 400 days (dry run: nothing changed)"
    )
    assert {name: rows_of(app, uid) for name, uid in learners.items()} == before


def test_asks_before_deleting(app: Flask, learners: dict[str, int]) -> None:
    runner = app.test_cli_runner()
    declined = runner.invoke(prune_guests_command, [], input="n\n")
    assert declined.exit_code == 1 and "Delete 1 guest account" in declined.output
    assert rows_of(app, learners["old_guest"])["user"] == 1
    accepted = runner.invoke(prune_guests_command, [], input="y\n")
    assert accepted.exit_code == 0, accepted.output
    assert rows_of(app, learners["old_guest"])["user"] == 0


def test_a_shorter_cutoff_counts_the_latest_answer(app: Flask, learners: dict[str, int]) -> None:
    result = app.test_cli_runner().invoke(prune_guests_command, ["--inactive-days", "7", "--yes"])
    assert result.exit_code == 0, result.output
    assert "deleted 2 guest accounts inactive for over 7 days" in result.output
    assert rows_of(app, learners["recent_guest"])["user"] == 0  # created 10 days ago
    assert rows_of(app, learners["old_guest_recent_answer"])["user"] == 1  # answered 5 days ago
    assert rows_of(app, learners["class_guest"])["user"] == 1
    assert rows_of(app, learners["registered"])["user"] == 1


def test_nothing_to_do_and_bad_input(app: Flask, deck_id: int) -> None:
    runner = app.test_cli_runner()
    empty = runner.invoke(prune_guests_command, ["--yes"])
    assert empty.exit_code == 0 and "nothing to do" in empty.output
    bad = runner.invoke(prune_guests_command, ["--inactive-days", "0"])
    assert bad.exit_code == 2
    assert bad.output.strip() == "Error: --inactive-days must be at least 1, not 0"


def test_a_batch_rechecks_staleness(app: Flask, learners: dict[str, int], deck_id: int) -> None:
    """A guest who answers between listing and deleting is kept."""
    with app.app_context():
        now = utcnow()
        ids = guests.stale_guest_ids(db.session, now, 400)
        assert ids == [learners["old_guest"]]
        db.session.commit()
        db.session.remove()
    quiz_answer(app, learners["old_guest"], deck_id, utcnow())
    with app.app_context():
        assert guests.prune_batch(db.session, ids, utcnow(), 400) == 0
        db.session.commit()
        db.session.remove()
    assert rows_of(app, learners["old_guest"])["user"] == 1


def test_help_says_what_is_never_touched(app: Flask) -> None:
    result = app.test_cli_runner().invoke(cli, ["prune-guests", "--help"])
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    assert "Registered accounts are never touched" in text
    assert "member of a class" in text
    for option in ("--inactive-days", "--dry-run", "--yes"):
        assert option in text
    assert "default: 400" in text


def test_a_quiz_started_recently_counts_as_activity(app: Flask, deck_id: int) -> None:
    guest = add_user(app, utcnow() - OLD)
    with app.app_context():
        quiz.create_quiz(
            db.session, user_id=guest, deck_id=deck_id, count=1, sections=[], now=utcnow()
        )
        db.session.commit()
        db.session.remove()
    result = app.test_cli_runner().invoke(prune_guests_command, ["--dry-run"])
    assert result.output.startswith("would delete 0 guest accounts"), result.output

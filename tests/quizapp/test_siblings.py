"""Siblings (issue 11): questions of one fact or one sentence never follow each other.

Pure rules (``quizapp.domain.siblings``, ``classroom.picking``) and, on SQLite and
PostgreSQL, the study queue with ``BURY_SIBLINGS`` on: after one question of a sentence is
answered the others wait until the next study day; counts, quizzes and the session-end
summary agree.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from flask import Flask
from sqlalchemy.orm import Session

from quizapp.classroom import picking
from quizapp.domain.siblings import Origin, draw, gives_away, one_per_group, sibling_groups
from quizapp.services import quiz, session_end, study
from quizapp.services.settings import StudySettings, settings_for

from .test_study_service import RIGHT, answer, user_id

__all__ = ["user_id"]  # a fixture, imported to be used here
ALS = {"q-flash", "q-cloze", "q-mc"}
HYPO = {"q-tf", "q-def"}


def test_groups_follow_shared_facts_and_sentences_transitively() -> None:
    origins = [
        Origin("a", "f1", "S one."),
        Origin("b", "f2", "S one."),  # same sentence as a
        Origin("c", "f2", "S two."),  # same fact as b, so a's sibling too
        Origin("d", "", ""),  # links nothing
        Origin("e", "", "S three."),
    ]
    groups = sibling_groups(origins)
    assert groups["a"] == groups["b"] == groups["c"]
    assert len({groups["a"], groups["d"], groups["e"]}) == 3
    assert one_per_group(["c", "d", "a", "e"], groups) == ["c", "d", "e"]


def test_a_draw_never_holds_two_siblings_and_is_reproducible() -> None:
    origins = [Origin(f"q{i}", f"f{i // 3}", f"sentence {i // 3}") for i in range(30)]
    for seed in range(50):
        drawn = draw(origins, 8, seed)
        assert len(drawn) == 8 and len({int(q[1:]) // 3 for q in drawn}) == 8
        assert draw(list(reversed(origins)), 8, seed) == drawn
    assert len(draw(origins, 50, 1)) == 10  # ten groups: at most ten questions


def test_same_questions_for_everyone_differ_only_in_order() -> None:
    origins = [Origin(f"q{i:02}", f"f{i // 2}") for i in range(20)]
    fixed = [picking.questions_for(origins, 5, draw_seed=7, order_seed=None) for _ in range(3)]
    assert fixed[0] == fixed[1] == fixed[2] == sorted(fixed[0])  # deck order
    shuffled = [picking.questions_for(origins, 5, draw_seed=7, order_seed=s) for s in (1, 2, 3)]
    assert all(sorted(s) == fixed[0] for s in shuffled)
    assert len({tuple(s) for s in shuffled}) > 1
    each = {
        tuple(sorted(picking.questions_for(origins, 5, draw_seed=s, order_seed=None)))
        for s in range(5)
    }
    assert len(each) > 1  # "a different draw per student"


def test_a_description_that_holds_an_answer_is_not_shown() -> None:
    sentences = ["ALS, also known as Lou Gehrig's disease, affects motor neurons."]
    assert gives_away(
        "ALS, also known as Lou Gehrig's disease, affects motor neurons.", sentences, []
    )
    assert gives_away("All about Lou Gehrig's disease", [], ["Lou Gehrig's disease"])
    assert not gives_away("Neurological causes of muscle cramps.", sentences, ["True", "ALS"])
    assert not gives_away("", sentences, ["ALS"])


@pytest.fixture
def burying(app: Flask) -> StudySettings:
    return replace(settings_for(app.config, None), bury_siblings=True)


def test_answering_one_sibling_buries_the_others_until_the_next_day(
    session: Session, deck_id: int, user_id: int, now: datetime, burying: StudySettings
) -> None:
    before = study.queue_counts(session, user_id, deck_id, now, burying)
    assert before.remaining == 5
    first = study.next_card(session, user_id, deck_id, now, burying)
    assert first is not None and first.id == "q-flash"
    answer(session, user_id, "q-flash", now, burying, **RIGHT["q-flash"])
    assert study.queue_counts(session, user_id, deck_id, now, burying).remaining == 2
    second = study.next_card(session, user_id, deck_id, now, burying)
    assert second is not None and second.id == "q-tf"
    answer(session, user_id, "q-tf", now, burying, **RIGHT["q-tf"])
    assert study.next_card(session, user_id, deck_id, now, burying) is None
    counts = study.queue_counts(session, user_id, deck_id, now, burying)
    assert (counts.done_today, counts.remaining) == (2, 0)
    tomorrow = now + timedelta(days=1)
    following = study.next_card(session, user_id, deck_id, tomorrow, burying)
    assert following is not None and following.id == "q-cloze"  # a new study day
    off = replace(burying, bury_siblings=False)
    assert study.queue_counts(session, user_id, deck_id, now, off).remaining == 3


def test_a_missed_card_comes_back_but_its_siblings_wait(
    session: Session, deck_id: int, user_id: int, now: datetime, burying: StudySettings
) -> None:
    answer(session, user_id, "q-flash", now, burying, rating=study.Rating.Again)
    left = study.queue_counts(session, user_id, deck_id, now, burying).remaining
    assert left == 3  # the missed card, still one card; its two siblings wait
    later = now + timedelta(minutes=2)
    shown = []
    for _ in range(6):
        q = study.next_card(session, user_id, deck_id, later, burying)
        if q is None:
            break
        shown.append(q.id)
        answer(
            session, user_id, q.id, later, burying, **RIGHT.get(q.id, {"rating": study.Rating.Good})
        )
        later += timedelta(minutes=15)
    assert set(shown) <= {"q-flash", "q-tf"}
    summary = session_end.summary(session, user_id, deck_id, now - timedelta(hours=1), later)
    assert summary.missed == ["q-flash"] and summary.answered == len(shown) + 1
    assert summary.next_due is not None and summary.next_due > later


def test_a_quiz_draws_one_question_per_sentence_and_prefers_rested_ones(
    session: Session, deck_id: int, user_id: int, now: datetime, burying: StudySettings
) -> None:
    made = quiz.create_quiz(
        session, user_id=user_id, deck_id=deck_id, count=5, sections=[], now=now,
        rng=random.Random(3), buried_since=now - timedelta(hours=1),
    )  # fmt: skip
    assert len(made.question_ids) == 2
    assert len(set(made.question_ids) & ALS) == 1 and len(set(made.question_ids) & HYPO) == 1
    custom = quiz.create_custom_quiz(
        session, user_id=user_id, deck_id=deck_id, question_ids=["q-def", "nope", "q-def"], now=now
    )
    assert custom.question_ids == ["q-def"]
    with pytest.raises(study.StudyError):
        quiz.create_custom_quiz(session, user_id=user_id, deck_id=deck_id, question_ids=[], now=now)

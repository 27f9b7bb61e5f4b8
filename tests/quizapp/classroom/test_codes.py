"""Join codes (no look-alikes, forgiving input, collision-safe) and the deterministic
question set of an attempt."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime

from sqlalchemy.orm import Session

from quizapp.classroom import classes, codes, picking
from quizapp.classroom.errors import ClassroomError
from quizapp.db.models import User

CONFUSABLE = set("0OQD1lILJ2Z5S8BGUV")  # of 6/G only the 6 stays


def test_alphabet_has_no_confusable_characters() -> None:
    assert not CONFUSABLE & set(codes.ALPHABET)
    assert not CONFUSABLE & set(codes.ALPHABET.lower())
    assert len(set(codes.ALPHABET)) == len(codes.ALPHABET) >= 16


def test_codes_use_the_alphabet_and_typing_is_forgiving() -> None:
    rng = random.Random(1)
    code = codes.new_code(rng.choice)
    assert len(code) == codes.LENGTH and set(code) <= set(codes.ALPHABET)
    shown = codes.display(code)
    assert shown == f"{code[:3]}-{code[3:]}"
    assert codes.normalise(shown.lower()) == code
    assert codes.normalise(f" {code[:3]} {code[3:]} ") == code
    assert codes.normalise("KMR-7X") is None  # too short
    assert codes.normalise("KMR-7X0") is None  # 0 is never in a code


def test_a_taken_code_is_never_handed_out_twice(session: Session, now: datetime) -> None:
    teacher = User(username="t", is_teacher=True)
    session.add(teacher)
    session.flush()
    taken = "ACEFHK"
    first = classes.create_class(
        session, teacher=teacher, name="A", now=now, choice=_chooser(list(taken))
    )
    assert first.join_code == taken
    # the next draws collide with "ACEFHK" once, then produce a fresh code
    second = classes.create_class(
        session, teacher=teacher, name="B", now=now, choice=_chooser(list(taken + "MNPRTW"))
    )
    assert second.join_code == "MNPRTW"
    old = second.join_code
    classes.rotate_code(session, second, choice=_chooser(list("XY3479")))
    assert second.join_code == "XY3479" != old
    try:
        classes.by_code(session, old)
    except ClassroomError as exc:
        assert "No class has that code" in str(exc)
    else:
        raise AssertionError("the old code still works")
    assert classes.by_code(session, "xy3-479").id == second.id


def _chooser(values: list[str]) -> Callable[[str], str]:
    it = iter(values)
    return lambda alphabet: next(it)


def test_question_set_is_fixed_by_the_seed() -> None:
    pool = [f"q{i}" for i in range(20)]
    first = picking.pick(pool, 10, seed=1234)
    assert first == picking.pick(list(reversed(pool)), 10, seed=1234)
    assert len(first) == len(set(first)) == 10 and set(first) <= set(pool)
    assert picking.pick(pool, 10, seed=4321) != first
    assert sorted(picking.pick(pool[:3], 10, seed=1)) == pool[:3]  # a small pool: all of it
    assert 0 <= picking.new_seed(random.Random(5)) < 2**31

"""Classes: create, rename, rotate the join code, open/close joining, join as a student,
remove a student, list.

Services add and flush; the caller commits. A join code is unique among classes: a fresh
code is drawn until it is unused (and the database's unique constraint backs that up).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select

from quizapp.classroom import codes
from quizapp.classroom.attempts import lock_learner
from quizapp.classroom.errors import ClassroomError
from quizapp.db.classroom import (
    CLASS_NAME_MAX,
    DISPLAY_NAME_MAX,
    Assignment,
    Attempt,
    AttemptAnswer,
    ClassMember,
    Classroom,
)
from quizapp.db.models import User
from quizapp.db.session import DbSession

MAX_CODE_TRIES = 50
Chooser = Callable[[str], str]


@dataclass(frozen=True)
class ClassSummary:
    classroom: Classroom
    students: int
    assignments: int


def create_class(
    session: DbSession,
    *,
    teacher: User,
    name: str,
    now: datetime,
    choice: Chooser | None = None,
) -> Classroom:
    if not teacher.is_teacher:
        raise ClassroomError("Only teachers create classes.")
    classroom = Classroom(
        teacher_id=teacher.id,
        name=clean_class_name(name),
        join_code=unused_code(session, choice),
        joining_open=True,
        created_at=now,
    )
    session.add(classroom)
    session.flush()
    return classroom


def clean_class_name(name: str) -> str:
    """The name with runs of white space made single; ``ClassroomError`` if unusable."""
    clean = " ".join(name.split())
    if not 1 <= len(clean) <= CLASS_NAME_MAX or has_control_characters(clean):
        raise ClassroomError(f"Give the class a name of 1 to {CLASS_NAME_MAX} characters.")
    return clean


def rename_class(session: DbSession, classroom: Classroom, name: str) -> str:
    """Give the class a new name (same rules as creating one); returns the clean name."""
    classroom.name = clean_class_name(name)
    session.flush()
    return classroom.name


def remove_student(session: DbSession, classroom: Classroom, user_id: int) -> None:
    """Take the student out of the class, with their attempts and class answers at its
    assignments. Their own study progress (``review_log``, ``card_state``) stays; they may
    join again with the code. Child rows go first: class_answer → class_attempt → member.
    """
    lock_learner(session, user_id)  # waits for the student's answer in progress, if any
    in_class = Attempt.assignment_id.in_(
        select(Assignment.id).where(Assignment.class_id == classroom.id)
    )
    their_attempts = select(Attempt.id).where(Attempt.user_id == user_id, in_class)
    statements = (
        delete(AttemptAnswer).where(AttemptAnswer.attempt_id.in_(their_attempts)),
        delete(Attempt).where(Attempt.user_id == user_id, in_class),
        delete(ClassMember).where(
            ClassMember.class_id == classroom.id, ClassMember.user_id == user_id
        ),
    )
    for statement in statements:
        session.execute(statement.execution_options(synchronize_session="fetch"))
    session.flush()


def unused_code(session: DbSession, choice: Chooser | None = None) -> str:
    for _ in range(MAX_CODE_TRIES):
        code = codes.new_code(choice) if choice else codes.new_code()
        if session.scalar(select(Classroom.id).where(Classroom.join_code == code)) is None:
            return code
    raise ClassroomError("Could not find a free join code; please try again.")


def rotate_code(session: DbSession, classroom: Classroom, choice: Chooser | None = None) -> str:
    """Give the class a new code; the old one stops working at once."""
    classroom.join_code = unused_code(session, choice)
    session.flush()
    return classroom.join_code


def set_joining(session: DbSession, classroom: Classroom, is_open: bool) -> None:
    classroom.joining_open = is_open
    session.flush()


def by_code(session: DbSession, typed: str) -> Classroom:
    code = codes.normalise(typed)
    found = session.scalar(select(Classroom).where(Classroom.join_code == code)) if code else None
    if found is None:
        raise ClassroomError("No class has that code. Check it with your teacher.")
    return found


def name_key(display_name: str) -> str:
    return " ".join(display_name.split()).casefold()


def name_problem(display_name: str) -> str | None:
    clean = " ".join(display_name.split())
    if not 1 <= len(clean) <= DISPLAY_NAME_MAX:
        return f"Use a name of 1 to {DISPLAY_NAME_MAX} characters."
    if has_control_characters(clean):
        return "Use letters, digits, spaces and punctuation only."
    return None


def has_control_characters(text: str) -> bool:
    return any(unicodedata.category(ch) == "Cc" for ch in text)


def member(session: DbSession, class_id: int, user_id: int | None) -> ClassMember | None:
    if user_id is None:
        return None
    return session.get(ClassMember, (class_id, user_id))


def member_named(session: DbSession, class_id: int, display_name: str) -> ClassMember | None:
    return session.scalar(
        select(ClassMember).where(
            ClassMember.class_id == class_id, ClassMember.name_key == name_key(display_name)
        )
    )


def join_class(
    session: DbSession,
    *,
    user: User | None,
    classroom: Classroom,
    display_name: str,
    now: datetime,
) -> ClassMember:
    """Put the learner (a new guest when ``user`` is None) in the class under a display name.

    Joining again from the same device returns the existing membership unchanged.
    """
    existing = member(session, classroom.id, user.id if user else None)
    if existing is not None:
        return existing
    _check_can_join(session, user, classroom, display_name)
    clean = " ".join(display_name.split())
    if user is None:
        user = User(created_at=now, display_name=clean)  # one INSERT, no UPDATE after it
        session.add(user)
        session.flush()
    joined = ClassMember(
        class_id=classroom.id,
        user_id=user.id,
        user=user,  # so ``joined.user`` needs no query after the commit
        display_name=clean,
        name_key=name_key(clean),
        joined_at=now,
    )
    session.add(joined)
    if not user.display_name:
        user.display_name = clean
    session.flush()
    return joined


def _check_can_join(
    session: DbSession, user: User | None, classroom: Classroom, display_name: str
) -> None:
    """Raise ``ClassroomError`` saying why this learner cannot join under this name."""
    if user is not None and classroom.teacher_id == user.id:
        raise ClassroomError("You teach this class; students join it with the code.")
    if not classroom.joining_open:
        raise ClassroomError("This class is not taking new students. Ask your teacher.")
    problem = name_problem(display_name)
    if problem:
        raise ClassroomError(problem)
    if member_named(session, classroom.id, display_name) is not None:
        raise ClassroomError(
            "Someone in this class already uses that name. Add an initial, or, if it is "
            "you on another device, enter the password you set."
        )


def set_student_password(user: User, password_hash: str) -> None:
    """Let a student come back from another device (join code + name + this password).
    The hash is computed by the caller before the write transaction (it is slow)."""
    user.password_hash = password_hash


def teacher_classes(session: DbSession, teacher_id: int) -> list[ClassSummary]:
    students = (
        select(func.count())
        .where(ClassMember.class_id == Classroom.id)
        .correlate(Classroom)
        .scalar_subquery()
    )
    assignments = (
        select(func.count())
        .where(Assignment.class_id == Classroom.id)
        .correlate(Classroom)
        .scalar_subquery()
    )
    rows = session.execute(
        select(Classroom, students, assignments)
        .where(Classroom.teacher_id == teacher_id)
        .order_by(Classroom.created_at.desc(), Classroom.id.desc())
    ).all()
    return [ClassSummary(c, s, a) for c, s, a in rows]


def student_memberships(session: DbSession, user_id: int) -> list[ClassMember]:
    return list(
        session.scalars(
            select(ClassMember)
            .where(ClassMember.user_id == user_id)
            .order_by(ClassMember.joined_at.desc())
        )
    )


def members(session: DbSession, class_id: int) -> list[ClassMember]:
    return list(
        session.scalars(
            select(ClassMember)
            .where(ClassMember.class_id == class_id)
            .order_by(ClassMember.name_key)
        )
    )

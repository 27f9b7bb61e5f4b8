"""Who may see what. One rule, applied everywhere:

* **404** for a class, assignment, attempt or student you have no relation to — exactly
  what a non-existent one gives, so ids cannot be probed;
* **403** for teacher pages when you are not a teacher (``teacher_only``), and for teacher
  pages of *your own* class when you are only a student in it (you know it exists);
* students see only their own attempts; a teacher sees only their own classes.

Each lookup returns the object or raises ``NotFound``/``Forbidden``; views map those to
404/403.
"""

from __future__ import annotations

from functools import cache

from sqlalchemy import Select, and_, bindparam, select
from sqlalchemy.orm import contains_eager, joinedload

from quizapp.classroom.errors import Forbidden, NotFound
from quizapp.db.classroom import Assignment, Attempt, ClassMember, Classroom
from quizapp.db.models import Question, User
from quizapp.db.session import DbSession


def teacher_only(user: User | None) -> User:
    if user is None or not user.is_teacher:
        raise Forbidden("Teacher pages: log in with a teacher account.")
    return user


def teacher_class(session: DbSession, user: User | None, class_id: int) -> Classroom:
    """The class, if ``user`` teaches it."""
    classroom = session.get(Classroom, class_id)
    if classroom is not None and user is not None:
        if classroom.teacher_id == user.id:
            return classroom
        if session.get(ClassMember, (class_id, user.id)) is not None:
            raise Forbidden("Only the class's teacher sees this page.")
    teacher_only(user)  # not a teacher: 403 whether or not the class exists
    raise NotFound(class_id)


def teacher_assignment(session: DbSession, user: User | None, assignment_id: int) -> Assignment:
    assignment = session.get(Assignment, assignment_id)
    if assignment is None:
        teacher_only(user)
        raise NotFound(assignment_id)
    teacher_class(session, user, assignment.class_id)
    return assignment


def member_class(session: DbSession, user_id: int | None, class_id: int) -> ClassMember:
    """The learner's membership of the class, with the class and the learner (one round
    trip; the learner lands in the identity map for ``current_user()``); not a member (or
    no such class): 404."""
    found = (
        session.scalar(_MEMBERSHIP, {"class_id": class_id, "user_id": user_id})
        if user_id is not None
        else None
    )
    if found is None:
        raise NotFound(class_id)
    return found


def member_assignment(session: DbSession, user_id: int | None, assignment_id: int) -> Assignment:
    """The assignment, if the learner is a member of its class (one round trip); else 404."""
    found = (
        session.scalar(_MEMBER_ASSIGNMENT, {"assignment_id": assignment_id, "user_id": user_id})
        if user_id is not None
        else None
    )
    if found is None:
        raise NotFound(assignment_id)
    return found


# Built once: constructing a statement with loader options costs more CPU than running it.
_MEMBERSHIP = (
    select(ClassMember)
    .join(ClassMember.user)
    .where(
        ClassMember.class_id == bindparam("class_id"), ClassMember.user_id == bindparam("user_id")
    )
    .options(
        contains_eager(ClassMember.user),  # held by the member, so the identity map keeps it
        joinedload(ClassMember.classroom, innerjoin=True),
    )
)
_MEMBER_ASSIGNMENT = (
    select(Assignment)
    .join(
        ClassMember,
        and_(
            ClassMember.class_id == Assignment.class_id,
            ClassMember.user_id == bindparam("user_id"),
        ),
    )
    .where(Assignment.id == bindparam("assignment_id"))
)


def own_attempt(
    session: DbSession, user_id: int | None, attempt_id: int, *, lock_learner: bool = False
) -> Attempt:
    """The learner's attempt, with its assignment, class and learner, in one round trip.

    Every attempt page needs all four; the learner row lands in the identity map, so
    ``current_user()`` afterwards costs no query. ``lock_learner`` also takes the learner's
    row lock (``FOR UPDATE OF``, PostgreSQL; SQLite drops it, its ``BEGIN IMMEDIATE``
    already serialises writers), so two answers of one student never interleave.
    """
    if user_id is None:
        raise NotFound(attempt_id)
    attempt = session.scalar(
        _own_attempt_query(lock_learner), {"attempt_id": attempt_id, "user_id": user_id}
    )
    if attempt is None:
        raise NotFound(attempt_id)
    return attempt


def own_attempt_and_question(
    session: DbSession, user_id: int | None, attempt_id: int, question_id: str
) -> tuple[Attempt, Question | None]:
    """``own_attempt`` with the learner's row locked, and the question ``question_id`` (None
    if there is none) fetched in the same round trip: answering needs both. Whether the
    question belongs to the attempt is the caller's check."""
    if user_id is None:
        raise NotFound(attempt_id)
    params = {"attempt_id": attempt_id, "user_id": user_id, "question_id": question_id}
    found = session.execute(_ATTEMPT_AND_QUESTION, params).first()
    if found is None:
        raise NotFound(attempt_id)
    return found[0], found[1]


@cache
def _own_attempt_query(lock_learner: bool) -> Select[Attempt]:
    # Built once: constructing the statement and its loader options costs more CPU than
    # running it, and every attempt page runs it.
    query = (
        select(Attempt)
        .join(Attempt.user)
        .where(Attempt.id == bindparam("attempt_id"), Attempt.user_id == bindparam("user_id"))
        .options(
            # contains_eager: attempt.user holds the learner, so the identity map keeps it.
            contains_eager(Attempt.user),
            joinedload(Attempt.assignment, innerjoin=True).joinedload(
                Assignment.classroom, innerjoin=True
            ),
        )
    )
    return query.with_for_update(of=User) if lock_learner else query


def class_student(session: DbSession, classroom: Classroom, user_id: int) -> ClassMember:
    """A student of the teacher's class (for the per-student report page)."""
    found = session.get(ClassMember, (classroom.id, user_id))
    if found is None:
        raise NotFound(user_id)
    return found


# Answering needs the attempt, its assignment, the learner (their study settings) and the
# question, and the learner's row lock; not the class (one entity fewer to load).
_ATTEMPT_AND_QUESTION = (
    select(Attempt, Question)
    .join(Attempt.user)
    .join(Attempt.assignment)
    .outerjoin(Question, Question.id == bindparam("question_id"))
    .where(Attempt.id == bindparam("attempt_id"), Attempt.user_id == bindparam("user_id"))
    .options(contains_eager(Attempt.user), contains_eager(Attempt.assignment))
    .with_for_update(of=User)
)

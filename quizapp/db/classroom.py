"""Classroom tables. Answers themselves are ``ReviewLog`` rows written by the study service
(so they feed the learner's schedule); ``AttemptAnswer`` ties one to its attempt.

* ``Classroom`` — a teacher's class with its join code (unique; rotating replaces it) and
  whether joining is open.
* ``ClassMember`` — a student in a class under a display name; ``name_key`` (case-folded)
  is unique per class so two students never share a name in one report.
* ``Assignment`` — deck, sections and kinds to draw from, number of questions, opening and
  closing time (shown in ``timezone``), attempts allowed, when answers are shown, and how
  attempts draw (the same questions for everyone, from ``seed``, or one draw each; fixed
  or shuffled order).
* ``Attempt`` — one student's go at an assignment: its question set is fixed at the start
  from ``seed`` (see ``picking``), numbered 1, 2, … per student and assignment.
* ``AttemptAnswer`` — (attempt, question) → the review that answered it; the primary key
  makes "each question answered once per attempt" a database fact.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
    false,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.db.base import db
from quizapp.db.models import Deck, Question, ReviewLog, User
from quizapp.db.timecol import UTCDateTime
from quizapp.domain.timezones import utcnow

CLASS_NAME_MAX = 120
DISPLAY_NAME_MAX = 40
TITLE_MAX = 200
ANSWERS_NOW = "now"
ANSWERS_AFTER_CLOSE = "after_close"


class Classroom(db.Model):  # type: ignore[name-defined]
    __tablename__ = "classroom"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    teacher_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    name: Mapped[str] = mapped_column(String(CLASS_NAME_MAX))
    join_code: Mapped[str] = mapped_column(String(12), unique=True)
    joining_open: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    teacher: Mapped[User] = relationship()
    assignments: Mapped[list[Assignment]] = relationship(
        back_populates="classroom", order_by="Assignment.id"
    )


class ClassMember(db.Model):  # type: ignore[name-defined]
    __tablename__ = "class_member"
    __table_args__ = (UniqueConstraint("class_id", "name_key"),)

    class_id: Mapped[int] = mapped_column(ForeignKey("classroom.id"), primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id"), primary_key=True, index=True
    )
    display_name: Mapped[str] = mapped_column(String(DISPLAY_NAME_MAX))
    name_key: Mapped[str] = mapped_column(String(DISPLAY_NAME_MAX))
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    classroom: Mapped[Classroom] = relationship()
    user: Mapped[User] = relationship()


class Assignment(db.Model):  # type: ignore[name-defined]
    __tablename__ = "class_assignment"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("classroom.id"), index=True)
    deck_id: Mapped[int] = mapped_column(ForeignKey("deck.id"))
    title: Mapped[str] = mapped_column(String(TITLE_MAX))
    sections: Mapped[list[str]] = mapped_column(JSON, default=list)  # empty: the whole deck
    kinds: Mapped[list[str]] = mapped_column(JSON, default=list)
    question_count: Mapped[int] = mapped_column(Integer)
    opens_at: Mapped[datetime] = mapped_column(UTCDateTime)
    closes_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    attempts_allowed: Mapped[int] = mapped_column(Integer, default=1)
    answers_shown: Mapped[str] = mapped_column(String(20), default=ANSWERS_NOW)
    # True: every student gets the questions drawn with ``seed`` (comparable results);
    # False: each attempt draws with its own seed. ``shuffled``: each attempt in its own order.
    same_questions: Mapped[bool] = mapped_column(Boolean, default=True, server_default=false())
    shuffled: Mapped[bool] = mapped_column(Boolean, default=False, server_default=true())
    seed: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    classroom: Mapped[Classroom] = relationship(back_populates="assignments")
    deck: Mapped[Deck] = relationship()

    def is_open(self, now: datetime) -> bool:
        return self.opens_at <= now and not self.is_closed(now)

    def is_closed(self, now: datetime) -> bool:
        return self.closes_at is not None and now >= self.closes_at

    def answers_visible(self, now: datetime) -> bool:
        """May students see right/wrong and the correct answers now?"""
        return self.answers_shown == ANSWERS_NOW or self.is_closed(now)


class Attempt(db.Model):  # type: ignore[name-defined]
    __tablename__ = "class_attempt"
    __table_args__ = (UniqueConstraint("assignment_id", "user_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("class_assignment.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    seed: Mapped[int] = mapped_column(Integer)
    question_ids: Mapped[list[str]] = mapped_column(JSON)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    assignment: Mapped[Assignment] = relationship()
    user: Mapped[User] = relationship()


class AttemptAnswer(db.Model):  # type: ignore[name-defined]
    __tablename__ = "class_answer"

    attempt_id: Mapped[int] = mapped_column(ForeignKey("class_attempt.id"), primary_key=True)
    question_id: Mapped[str] = mapped_column(ForeignKey("question.id"), primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("review_log.id"), unique=True)

    question: Mapped[Question] = relationship()
    review: Mapped[ReviewLog] = relationship()

"""Database tables: learners, decks and their questions, scheduling state and review history.

* ``User`` — a guest (no username) or a registered learner; ``is_teacher`` marks teachers
  for the classroom. Per-user settings (new cards per day, desired retention, time zone)
  live here; ``None`` means "the app default".
* ``Deck`` — one imported bank: identity (``slug``), ``content_version`` and the article
  (text + blocks) so the article view works from the database alone.
* ``Deck.owner_id`` / ``visibility`` — who created the deck on the web (None: imported by
  the CLI, which alone edits it) and whether it is ``public`` (listed for everyone) or
  ``private`` (its owner, and class members through assignments).
* ``Question`` — keyed by the bank's stable question id, so re-importing keeps history.
  A question dropped from the bank gets ``retired_at`` and is never deleted.
* ``CardState`` — one learner's FSRS card for one question (state, step, stability,
  difficulty, due, last review) plus review/lapse counters. No row = a new card.
* ``ReviewLog`` — every answer ever given: rating, correctness, the response, where it was
  given (``source``: study, quiz, classroom), the card as it was before (``prev_card``, so
  an answer can be undone or re-rated) and the client's idempotency key (``answer_key``,
  unique per user: a retried answer finds its original review instead of counting twice).
  Undone reviews keep their row with ``undone_at`` set; statistics must skip them.
* ``Quiz`` — a self-test: a fixed list of question ids drawn from a deck or sections.

All timestamps are ``UTCDateTime`` (aware UTC). Defaults are callables, never values.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.db.base import db
from quizapp.db.timecol import UTCDateTime
from quizapp.domain.timezones import utcnow

USERNAME_MAX = 40
QUESTION_ID_MAX = 200
ANSWER_KEY_MAX = 64


class User(db.Model):  # type: ignore[name-defined]
    __tablename__ = "user_account"  # "user" is reserved in PostgreSQL

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str | None] = mapped_column(String(USERNAME_MAX), unique=True)
    password_hash: Mapped[str | None] = mapped_column(String(255))
    display_name: Mapped[str] = mapped_column(String(80), default="")
    is_teacher: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    new_cards_per_day: Mapped[int | None] = mapped_column(Integer)
    desired_retention: Mapped[float | None] = mapped_column(Float)
    time_zone: Mapped[str | None] = mapped_column(String(64))  # IANA name, e.g. "Europe/Paris"
    # Bumped by logout and password changes: cookies carrying an older one are signed out.
    session_generation: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    @property
    def is_guest(self) -> bool:
        return self.username is None

    @property
    def label(self) -> str:
        return self.display_name or self.username or "Guest"


class Deck(db.Model):  # type: ignore[name-defined]
    __tablename__ = "deck"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    content_version: Mapped[str] = mapped_column(String(64), default="")
    schema_version: Mapped[int] = mapped_column(Integer, default=1)
    generator: Mapped[str] = mapped_column(String(200), default="")
    article_title: Mapped[str] = mapped_column(Text, default="")
    article_filename: Mapped[str] = mapped_column(String(255), default="")
    article_sha256: Mapped[str] = mapped_column(String(64), default="")
    article_text: Mapped[str] = mapped_column(Text, default="")
    # [{"kind": ..., "start": ..., "end": ...}, ...] as in questions.model.Block.to_dict
    article_blocks: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"), index=True)
    visibility: Mapped[str] = mapped_column(String(10), default="public")

    questions: Mapped[list[Question]] = relationship(
        back_populates="deck", order_by="Question.position"
    )


class Question(db.Model):  # type: ignore[name-defined]
    __tablename__ = "question"

    id: Mapped[str] = mapped_column(String(QUESTION_ID_MAX), primary_key=True)
    deck_id: Mapped[int] = mapped_column(ForeignKey("deck.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(20))
    prompt: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)
    explanation: Mapped[str] = mapped_column(Text, default="")
    accepted: Mapped[list[str]] = mapped_column(JSON, default=list)
    options: Mapped[list[str]] = mapped_column(JSON, default=list)
    correct: Mapped[int | None] = mapped_column(Integer)
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    fact_id: Mapped[str] = mapped_column(Text, default="")
    fact_kind: Mapped[str] = mapped_column(String(50), default="")
    entity: Mapped[str] = mapped_column(Text, default="")
    section: Mapped[str] = mapped_column(Text, default="")
    sentence: Mapped[str] = mapped_column(Text, default="")
    source_start: Mapped[int] = mapped_column(Integer, default=0)
    source_end: Mapped[int] = mapped_column(Integer, default=0)
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # "generated" by the pipeline, or "authored" by the deck's owner (kept on regeneration).
    origin: Mapped[str] = mapped_column(String(10), default="generated")

    deck: Mapped[Deck] = relationship(back_populates="questions")

    @property
    def retired(self) -> bool:
        return self.retired_at is not None


class CardState(db.Model):  # type: ignore[name-defined]
    __tablename__ = "card_state"
    __table_args__ = (Index("ix_card_state_user_due", "user_id", "due"),)

    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), primary_key=True)
    question_id: Mapped[str] = mapped_column(ForeignKey("question.id"), primary_key=True)
    state: Mapped[int] = mapped_column(
        Integer
    )  # fsrs.State value: 1 learning, 2 review, 3 relearning
    step: Mapped[int | None] = mapped_column(Integer)
    stability: Mapped[float | None] = mapped_column(Float)
    difficulty: Mapped[float | None] = mapped_column(Float)
    due: Mapped[datetime] = mapped_column(UTCDateTime)
    last_review: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reps: Mapped[int] = mapped_column(Integer, default=0)
    lapses: Mapped[int] = mapped_column(Integer, default=0)

    question: Mapped[Question] = relationship()


class Quiz(db.Model):  # type: ignore[name-defined]
    __tablename__ = "quiz"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    deck_id: Mapped[int] = mapped_column(ForeignKey("deck.id"))
    question_ids: Mapped[list[str]] = mapped_column(JSON)
    sections: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    deck: Mapped[Deck] = relationship()


class ReviewLog(db.Model):  # type: ignore[name-defined]
    __tablename__ = "review_log"
    __table_args__ = (
        UniqueConstraint("user_id", "answer_key"),
        Index("ix_review_log_user_reviewed", "user_id", "reviewed_at"),
        Index("ix_review_log_question", "question_id"),
        Index("ix_review_log_answer_key", "answer_key"),  # cookieless retries (web.auth)
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    question_id: Mapped[str] = mapped_column(ForeignKey("question.id"))
    answer_key: Mapped[str] = mapped_column(String(ANSWER_KEY_MAX))
    source: Mapped[str] = mapped_column(String(20), default="study")
    quiz_id: Mapped[int | None] = mapped_column(ForeignKey("quiz.id"), index=True)
    rating: Mapped[int] = mapped_column(Integer)  # fsrs.Rating value 1..4
    correct: Mapped[bool] = mapped_column(Boolean)
    near_miss: Mapped[bool] = mapped_column(Boolean, default=False)
    # What the learner answered: the typed text, or the chosen option index as a string.
    response: Mapped[str | None] = mapped_column(Text)
    reviewed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    duration_ms: Mapped[int | None] = mapped_column(Integer)
    state_before: Mapped[int] = mapped_column(Integer, default=0)  # 0 = new card
    # The card as it was before this review (scheduler.card_to_dict); None: it was new.
    prev_card: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    due_after: Mapped[datetime] = mapped_column(UTCDateTime)
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    question: Mapped[Question] = relationship()

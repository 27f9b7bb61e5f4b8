"""Tables of decks authored on the web: the owner's hand fixes and the learners' reports.

* ``QuestionOverride`` — one hand fix per (deck, question id), in the shape of one entry of
  a bank's ``.overrides.json`` (``{"drop": bool, "set": {...}, "note": str}``, see
  ``questions.overrides``). No foreign key to ``question``: a fix outlives its question
  when a new version of the article no longer makes it (a "stale" edit, reported).
* ``QuestionReport`` — a learner flags a question ("wrong answer", "confusing", …), once per
  learner per question (a database fact).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from quizapp.db.base import db
from quizapp.db.models import QUESTION_ID_MAX
from quizapp.db.timecol import UTCDateTime
from quizapp.domain.timezones import utcnow

REPORT_REASONS = {
    "wrong_answer": "Wrong answer",
    "confusing": "Confusing",
    "gives_away": "Gives the answer away",
    "other": "Other",
}
REPORT_TEXT_MAX = 1000


class QuestionOverride(db.Model):  # type: ignore[name-defined]
    __tablename__ = "question_override"

    deck_id: Mapped[int] = mapped_column(ForeignKey("deck.id"), primary_key=True)
    question_id: Mapped[str] = mapped_column(String(QUESTION_ID_MAX), primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class QuestionReport(db.Model):  # type: ignore[name-defined]
    __tablename__ = "question_report"
    __table_args__ = (UniqueConstraint("question_id", "user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    question_id: Mapped[str] = mapped_column(ForeignKey("question.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    reason: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

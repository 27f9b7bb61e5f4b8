"""Learners flag questions; owners read the flags.

A learner reports a question once (the table's unique constraint is the final word; a
second report is a ``ReportError``). Owners see every report of their decks on the review
page and how many there are on their deck list.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select

from quizapp.db.authoring import REPORT_REASONS, REPORT_TEXT_MAX, QuestionReport
from quizapp.db.models import Deck, Question, ReviewLog
from quizapp.db.session import DbSession


class ReportError(ValueError):
    """The report cannot be taken (bad reason, too long, already reported)."""


def report_question(
    session: DbSession, user_id: int, question: Question, reason: str, text: str, now: datetime
) -> QuestionReport:
    if reason not in REPORT_REASONS:
        raise ReportError("Choose a reason: " + ", ".join(REPORT_REASONS.values()) + ".")
    text = text.strip()
    if len(text) > REPORT_TEXT_MAX or "\x00" in text:
        raise ReportError(f"Keep the note under {REPORT_TEXT_MAX} characters.")
    if has_reported(session, user_id, question.id):
        raise ReportError("You have already reported this question. Thank you!")
    report = QuestionReport(
        question_id=question.id, user_id=user_id, reason=reason, text=text, created_at=now
    )
    session.add(report)
    session.flush()
    return report


def has_reported(session: DbSession, user_id: int | None, question_id: str) -> bool:
    if user_id is None:
        return False
    found = session.scalar(
        select(QuestionReport.id).where(
            QuestionReport.user_id == user_id, QuestionReport.question_id == question_id
        )
    )
    return found is not None


def has_answered(session: DbSession, user_id: int, question_id: str) -> bool:
    """Only a learner who answered a question (on any page) may report it."""
    found = session.scalar(
        select(ReviewLog.id)
        .where(ReviewLog.user_id == user_id, ReviewLog.question_id == question_id)
        .limit(1)
    )
    return found is not None


def reports_by_question(session: DbSession, deck_id: int) -> dict[str, list[QuestionReport]]:
    rows = session.scalars(
        select(QuestionReport)
        .join(Question, Question.id == QuestionReport.question_id)
        .where(Question.deck_id == deck_id)
        .order_by(QuestionReport.created_at, QuestionReport.id)
    )
    out: dict[str, list[QuestionReport]] = {}
    for row in rows:
        out.setdefault(row.question_id, []).append(row)
    return out


def report_counts(session: DbSession, owner_id: int) -> dict[int, int]:
    """Deck id → number of reports on that deck, for the owner's decks."""
    rows = session.execute(
        select(Question.deck_id, func.count(QuestionReport.id))
        .join(Question, Question.id == QuestionReport.question_id)
        .join(Deck, Deck.id == Question.deck_id)
        .where(Deck.owner_id == owner_id)
        .group_by(Question.deck_id)
    ).all()
    return {deck_id: count for deck_id, count in rows}

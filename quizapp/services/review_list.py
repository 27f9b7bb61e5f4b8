"""What the owner's review page lists: questions filtered by kind, section, status and
"reported", each with its reports; and the sentences a new question can be tied to."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from quizapp.db.authoring import QuestionReport
from quizapp.db.models import Deck, Question
from quizapp.db.session import DbSession
from quizapp.services.reports import reports_by_question


@dataclass(frozen=True)
class Filters:
    kind: str = ""
    section: str = ""
    status: str = ""  # "", "active" or "retired"
    reported: bool = False


@dataclass(frozen=True)
class Row:
    question: Question
    reports: list[QuestionReport]


def review_rows(session: DbSession, deck: Deck, filters: Filters) -> tuple[list[Row], list[str]]:
    """The matching questions in deck order, and every section name (for the filter)."""
    questions = list(
        session.scalars(
            select(Question).where(Question.deck_id == deck.id).order_by(Question.position)
        )
    )
    sections = list(dict.fromkeys(q.section for q in questions))
    flagged = reports_by_question(session, deck.id)
    rows = [Row(q, flagged.get(q.id, [])) for q in questions if _matches(q, filters, flagged)]
    return rows, sections


def _matches(q: Question, f: Filters, flagged: dict[str, list[QuestionReport]]) -> bool:
    status = "retired" if q.retired_at is not None else "active"
    return (
        (not f.kind or q.kind == f.kind)
        and (not f.section or q.section == f.section)
        and (not f.status or status == f.status)
        and (not f.reported or q.id in flagged)
    )


def sentence_choices(session: DbSession, deck: Deck) -> list[tuple[str, str]]:
    """("start-end", sentence) for each distinct source sentence of the deck, in order."""
    rows = session.execute(
        select(Question.source_start, Question.source_end, Question.sentence)
        .where(Question.deck_id == deck.id)
        .distinct()
        .order_by(Question.source_start)
    ).all()
    return [(f"{start}-{end}", sentence) for start, end, sentence in rows if end > start]

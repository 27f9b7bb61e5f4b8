"""Drawing questions without siblings, for quizzes and classroom assignments.

``origins`` reads the deck's active questions (optionally only some sections and kinds) as
``siblings.Origin`` values, for ``siblings.draw`` (never two questions of one fact or
sentence). ``answered_since`` lists what a learner answered since the start of their study
day, and ``without_buried`` leaves those questions' siblings out of a new draw.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Select, select

from quizapp.db.models import Question, ReviewLog
from quizapp.db.session import DbSession
from quizapp.domain.siblings import Origin, sibling_groups


def origins(
    session: DbSession,
    deck_id: int,
    sections: Sequence[str] = (),
    kinds: Sequence[str] = (),
) -> list[Origin]:
    """The deck's active questions as sibling origins, in deck order."""
    query = (
        select(Question.id, Question.fact_id, Question.sentence)
        .where(Question.deck_id == deck_id, Question.retired_at.is_(None))
        .order_by(Question.position, Question.id)
    )
    if sections:
        query = query.where(Question.section.in_(list(sections)))
    if kinds:
        query = query.where(Question.kind.in_(list(kinds)))
    return [
        Origin(qid, fact or "", sentence or "") for qid, fact, sentence in session.execute(query)
    ]


def answers_since(user_id: int, deck_id: int, since: datetime, *columns: Any) -> Select[Any]:
    """``columns`` of the learner's live answers in the deck since ``since``, oldest first."""
    return (
        select(*columns)
        .select_from(ReviewLog)
        .join(Question, Question.id == ReviewLog.question_id)
        .where(
            ReviewLog.user_id == user_id,
            Question.deck_id == deck_id,
            ReviewLog.undone_at.is_(None),
            ReviewLog.reviewed_at >= since,
        )
        .order_by(ReviewLog.id)
    )


def answered_since(session: DbSession, user_id: int, deck_id: int, since: datetime) -> set[str]:
    """Questions of the deck the learner answered (anywhere) since ``since``."""
    return set(session.scalars(answers_since(user_id, deck_id, since, ReviewLog.question_id)))


def without_buried(pool: list[Origin], answered: set[str], minimum: int) -> list[Origin]:
    """``pool`` without the sibling groups of questions answered today — unless that would
    leave fewer than ``minimum`` groups (a small deck still gives a full quiz)."""
    groups = sibling_groups(pool)
    buried = {groups[qid] for qid in answered if qid in groups}
    fresh = [o for o in pool if groups[o.id] not in buried]
    return fresh if len({groups[o.id] for o in fresh}) >= minimum else pool

"""The owner fixes their deck: edit, retire, restore, add their own question.

Every change is checked like hand-written text (``questions.handwritten``) before anything is
written, applied to the question row (so study, quizzes and assignments see it at once) and
recorded as a hand fix keyed by question id (``QuestionOverride``, an ``.overrides.json``
entry), which ``authoring.new_version`` re-applies after regenerating. Each function locks
the deck row first, so two concurrent edits of one deck are applied one after the other and
neither is lost.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from questions.handwritten import problems
from questions.model import TRUE_FALSE_OPTIONS, Kind, Source
from questions.model import Question as BankQuestion
from questions.overrides import EDITABLE
from quizapp.db.authoring import QuestionOverride
from quizapp.db.banks import question_fields, to_bank_question
from quizapp.db.models import Deck, Question
from quizapp.db.session import DbSession
from quizapp.services.authoring import lock_deck
from quizapp.services.study import NotFound

TEXT_FIELDS = ("prompt", "answer", "explanation")
STATUSES = ("active", "retired")


class EditError(ValueError):
    """The change fails a check; ``problems`` lists every reason, nothing was saved."""

    def __init__(self, found: list[str]) -> None:
        self.problems = found
        super().__init__("; ".join(found))


def deck_question(session: DbSession, deck: Deck, question_id: str) -> Question:
    row = session.get(Question, question_id)
    if row is None or row.deck_id != deck.id:
        raise NotFound(question_id)
    return row


def edit_question(
    session: DbSession, deck: Deck, question_id: str, changes: dict[str, Any], now: datetime
) -> Question:
    """Apply ``changes`` (any of prompt, answer, accepted, options, correct, explanation,
    status) to one question of ``deck``; ``EditError`` and nothing saved if a check fails."""
    lock_deck(session, deck.id)
    row = deck_question(session, deck, question_id)
    status = changes.pop("status", None)
    if status is not None and status not in STATUSES:
        raise EditError([f"status: must be {' or '.join(STATUSES)}"])
    edited = _changed(to_bank_question(row), changes)
    found = problems(edited, deck.article_text)
    if found:
        raise EditError(found)
    fields = _fields(edited)
    changed = {k: v for k, v in fields.items() if getattr(row, k) != v}
    for name, value in changed.items():
        setattr(row, name, value)
    fix = _fix(session, deck.id, question_id, now)
    kept = {k: v for k, v in changed.items() if k in EDITABLE}
    fix.data = {**fix.data, "set": {**fix.data.get("set", {}), **kept}}
    if status is not None:
        set_status(session, deck, question_id, retired=status == "retired", now=now)
    return row


def set_status(
    session: DbSession, deck: Deck, question_id: str, *, retired: bool, now: datetime
) -> Question:
    """Retire (out of every queue, quiz and future draw at once; history kept) or restore."""
    lock_deck(session, deck.id)
    row = deck_question(session, deck, question_id)
    row.retired_at = (row.retired_at or now) if retired else None
    fix = _fix(session, deck.id, question_id, now)
    data = {k: v for k, v in fix.data.items() if k != "drop"}
    fix.data = {**data, "drop": True} if retired else data
    return row


def add_question(
    session: DbSession, deck: Deck, fields: dict[str, Any], start: int, end: int, now: datetime
) -> Question:
    """The owner's own question on the article text ``[start, end)`` (a sentence)."""
    lock_deck(session, deck.id)
    text = deck.article_text
    if not 0 <= start < end <= len(text):
        raise EditError(["source: choose a sentence of the article"])
    qid = f"u-{uuid.uuid4().hex[:12]}.{deck.slug}"
    kind = fields.get("kind", "")
    if kind not in {k.value for k in Kind}:
        raise EditError(["kind: choose one of " + ", ".join(k.value for k in Kind)])
    blank = BankQuestion(
        id=qid, kind=Kind(kind), prompt="", answer="", explanation="", fact_id=qid,
        fact_kind="authored", entity="",
        source=Source(_section(session, deck, start), text[start:end], start, end),
        options=TRUE_FALSE_OPTIONS if kind == Kind.TRUE_FALSE else (),
    )  # fmt: skip
    question = _changed(blank, {k: v for k, v in fields.items() if k != "kind"})
    found = problems(question, text)
    if found:
        raise EditError(found)
    position = session.scalar(
        select(func.coalesce(func.max(Question.position), 0)).where(Question.deck_id == deck.id)
    )
    row = Question(id=qid, deck_id=deck.id, position=int(position or 0) + 1, origin="authored")
    for name, value in _fields(question).items():
        setattr(row, name, value)
    session.add(row)
    session.flush()
    return row


def _changed(q: BankQuestion, changes: dict[str, Any]) -> BankQuestion:
    """``q`` with the changes; for a choice question the answer follows the correct option."""
    updates: dict[str, Any] = {k: changes[k] for k in TEXT_FIELDS if k in changes}
    for name in ("accepted", "options"):
        if name in changes:
            updates[name] = tuple(v for v in changes[name] if v)
    if "correct" in changes:
        updates["correct"] = changes["correct"]
    new = replace(q, **updates)
    if new.kind == Kind.TRUE_FALSE and "correct" in changes:
        new = replace(new, options=TRUE_FALSE_OPTIONS)
    choice = new.kind in (Kind.MULTIPLE_CHOICE, Kind.TRUE_FALSE)
    if choice and new.correct is not None and 0 <= new.correct < len(new.options):
        new = replace(new, answer=new.options[new.correct])
    return new


def _fields(q: BankQuestion) -> dict[str, Any]:
    """The row's columns for ``q`` (its place in the deck is left alone)."""
    fields = question_fields(q, 0)
    del fields["position"]
    return fields


def _fix(session: DbSession, deck_id: int, question_id: str, now: datetime) -> QuestionOverride:
    fix = session.get(QuestionOverride, (deck_id, question_id))
    if fix is None:
        fix = QuestionOverride(deck_id=deck_id, question_id=question_id, data={})
        session.add(fix)
    fix.updated_at = now
    return fix


def _section(session: DbSession, deck: Deck, start: int) -> str:
    """The section of the nearest question at or before ``start`` (the article's own)."""
    section = session.scalar(
        select(Question.section)
        .where(Question.deck_id == deck.id, Question.source_start <= start)
        .order_by(Question.source_start.desc())
        .limit(1)
    )
    return section or ""

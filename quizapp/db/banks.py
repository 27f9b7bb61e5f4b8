"""Bank ⇄ database: import a bank by stable question id, and rebuild a bank from the database.

Importing is idempotent: the same bank twice changes nothing. Questions are matched by
their stable id; a question that left the bank is retired (``retired_at`` set, never
deleted, so review history survives) and is restored if it comes back. Functions add
and flush; the caller commits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from questions.model import Article, Bank, Block, Kind, Source
from questions.model import Deck as BankDeck
from questions.model import Question as BankQuestion
from quizapp.db.models import Deck, Question
from quizapp.db.session import DbSession


class ImportConflict(ValueError):
    """The bank cannot be imported as it is (e.g. a question id owned by another deck)."""


@dataclass(frozen=True)
class ImportResult:
    slug: str
    created: bool
    added: int
    updated: int
    unchanged: int
    retired: int
    restored: int

    def summary(self) -> str:
        verb = "created" if self.created else "updated"
        return (
            f"deck {self.slug} {verb}: {self.added} added, {self.updated} changed, "
            f"{self.unchanged} unchanged, {self.retired} retired, {self.restored} restored"
        )


def import_bank(session: DbSession, bank: Bank, now: datetime) -> ImportResult:
    """Create or update the deck of ``bank`` and its questions (see module docstring)."""
    deck = session.scalar(select(Deck).where(Deck.slug == bank.deck.slug))
    created = deck is None
    if deck is None:
        deck = Deck(slug=bank.deck.slug, imported_at=now)
        session.add(deck)
    _copy_deck_fields(deck, bank, now)
    session.flush()
    _check_ids_are_ours(session, bank, deck.id)

    existing = {
        q.id: q for q in session.scalars(select(Question).where(Question.deck_id == deck.id))
    }
    counts = {"added": 0, "updated": 0, "unchanged": 0, "retired": 0, "restored": 0}
    for position, bq in enumerate(bank.questions):
        row = existing.pop(bq.id, None)
        if row is None:
            session.add(Question(id=bq.id, deck_id=deck.id, **question_fields(bq, position)))
            counts["added"] += 1
            continue
        if row.retired_at is not None:
            row.retired_at = None
            counts["restored"] += 1
        if _apply(row, question_fields(bq, position)):
            counts["updated"] += 1
        else:
            counts["unchanged"] += 1
    for row in existing.values():
        if row.retired_at is None:
            row.retired_at = now
            counts["retired"] += 1
    session.flush()
    return ImportResult(slug=deck.slug, created=created, **counts)


def bank_from_db(session: DbSession, deck: Deck, include_retired: bool = False) -> Bank:
    """The deck's bank as stored (e.g. for the Anki export); retired questions left out."""
    query = select(Question).where(Question.deck_id == deck.id).order_by(Question.position)
    if not include_retired:
        query = query.where(Question.retired_at.is_(None))
    return Bank(
        deck=BankDeck(slug=deck.slug, name=deck.name, description=deck.description),
        article=Article(
            title=deck.article_title,
            filename=deck.article_filename,
            sha256=deck.article_sha256,
            text=deck.article_text,
            blocks=tuple(Block.from_dict(b) for b in deck.article_blocks or ()),
        ),
        questions=tuple(to_bank_question(q) for q in session.scalars(query)),
        content_version=deck.content_version,
        schema_version=deck.schema_version,
        generator=deck.generator,
    )


def to_bank_question(q: Question) -> BankQuestion:
    return BankQuestion(
        id=q.id,
        kind=Kind(q.kind),
        prompt=q.prompt,
        answer=q.answer,
        explanation=q.explanation,
        fact_id=q.fact_id,
        fact_kind=q.fact_kind,
        entity=q.entity,
        source=Source(
            section=q.section, sentence=q.sentence, start=q.source_start, end=q.source_end
        ),
        accepted=tuple(q.accepted or ()),
        options=tuple(q.options or ()),
        correct=q.correct,
        tags=tuple(q.tags or ()),
    )


def _copy_deck_fields(deck: Deck, bank: Bank, now: datetime) -> None:
    fields: dict[str, Any] = {
        "name": bank.deck.name,
        "description": bank.deck.description,
        "content_version": bank.content_version,
        "schema_version": bank.schema_version,
        "generator": bank.generator,
        "article_title": bank.article.title,
        "article_filename": bank.article.filename,
        "article_sha256": bank.article.sha256,
        "article_text": bank.article.text,
        "article_blocks": [b.to_dict() for b in bank.article.blocks],
    }
    if _apply(deck, fields):
        deck.updated_at = now


def _check_ids_are_ours(session: DbSession, bank: Bank, deck_id: int) -> None:
    ids = [q.id for q in bank.questions]
    clashes = list(
        session.scalars(
            select(Question.id)
            .where(Question.id.in_(ids), Question.deck_id != deck_id)
            .order_by(Question.id)
        )
    )
    if clashes:
        more = f" (and {len(clashes) - 1} more)" if len(clashes) > 1 else ""
        raise ImportConflict(f"question {clashes[0]} already belongs to another deck{more}")


def question_fields(q: BankQuestion, position: int) -> dict[str, Any]:
    return {
        "position": position,
        "kind": q.kind.value,
        "prompt": q.prompt,
        "answer": q.answer,
        "explanation": q.explanation,
        "accepted": list(q.accepted),
        "options": list(q.options),
        "correct": q.correct,
        "tags": list(q.tags),
        "fact_id": q.fact_id,
        "fact_kind": q.fact_kind,
        "entity": q.entity,
        "section": q.source.section,
        "sentence": q.source.sentence,
        "source_start": q.source.start,
        "source_end": q.source.end,
    }


def _apply(row: Any, fields: dict[str, Any]) -> bool:
    """Set only the fields that differ, so an unchanged import writes nothing."""
    changed = False
    for name, value in fields.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed = True
    return changed

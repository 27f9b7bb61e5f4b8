"""A registered learner's own decks: create one from an article, upload a new version.

``create_deck`` makes the deck row (owner, visibility, a free slug) and imports the
generated bank through ``quizapp.db.banks.import_bank``, the CLI's import. ``new_version``
regenerates: the owner's hand fixes (``deck_edits``) are applied on top of the new
questions, their own questions are carried over, and the result says what was kept,
changed, new and gone (gone questions are retired: history kept) and which fixes no longer
find their question. Both lock the deck row so concurrent edits wait rather than clash.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from questions.model import Question as BankQuestion
from questions.overrides import Override, apply, parse
from questions.reading import RawArticle
from quizapp.db.authoring import QuestionOverride
from quizapp.db.banks import import_bank, to_bank_question
from quizapp.db.models import Deck, Question
from quizapp.db.session import DbSession
from quizapp.services.deck_access import VISIBILITIES
from quizapp.services.deck_upload import (
    UploadError,
    clean_name,
    free_slug,
    generate_bank,
    namespaced,
)


@dataclass(frozen=True)
class Generated:
    deck: Deck
    by_kind: Counter[str]
    by_section: Counter[str]
    kept: int = 0
    changed: int = 0
    new: int = 0
    gone: int = 0
    stale: list[str] = field(default_factory=list)


def create_deck(
    session: DbSession, owner_id: int, name: str, visibility: str, raw: RawArticle, now: datetime
) -> Generated:
    """A new deck of ``owner_id`` from the article (``UploadError`` before any write)."""
    if visibility not in VISIBILITIES:
        raise UploadError("Choose whether the deck is private or public.")
    name = clean_name(name)
    generated, report = generate_bank(raw)
    deck = Deck(
        name=name or generated.deck.name, owner_id=owner_id, visibility=visibility, imported_at=now
    )
    _claim_slug(session, deck, name or raw.filename.rsplit(".", 1)[0])
    result = import_bank(session, namespaced(generated, deck.slug, name), now)
    return Generated(deck, report.by_kind, report.by_section, new=result.added)


def _claim_slug(session: DbSession, deck: Deck, wanted: str) -> None:
    """Insert ``deck`` under a free slug. Another request may claim the same one between
    looking and inserting (PostgreSQL): then the next free one is tried."""
    for _ in range(5):
        deck.slug = free_slug(session, wanted)
        try:
            with session.begin_nested():
                session.add(deck)
        except IntegrityError:
            continue
        return
    raise UploadError("Too many decks are being created with this name; try again.")


def new_version(session: DbSession, deck: Deck, raw: RawArticle, now: datetime) -> Generated:
    """Regenerate ``deck`` from a new version of its article (see module docstring)."""
    lock_deck(session, deck.id)
    generated, report = generate_bank(raw)
    bank = namespaced(generated, deck.slug, deck.name)
    fixes = _fixes(session, deck.id)
    fixed = [apply(q, fixes[q.id]) if q.id in fixes else q for q in bank.questions]
    kept = [q for q in fixed if q is not None]
    own, lost = _carried_over(session, deck.id, bank.article.text)
    ids = {q.id for q in bank.questions} | {q.id for q in own}
    result = import_bank(session, replace(bank, questions=(*kept, *own)), now)
    retire(session, deck.id, [qid for qid, fix in fixes.items() if fix.drop], now)
    return Generated(
        deck,
        report.by_kind,
        report.by_section,
        kept=result.unchanged,
        changed=result.updated,
        new=result.added,
        gone=result.retired,
        stale=sorted({qid for qid in fixes if qid not in ids} | set(lost)),
    )


def lock_deck(session: DbSession, deck_id: int) -> None:
    """Serialise writers of one deck (PostgreSQL row lock; SQLite writes are serial anyway)."""
    session.execute(select(Deck.id).where(Deck.id == deck_id).with_for_update())


def retire(session: DbSession, deck_id: int, ids: list[str], now: datetime) -> None:
    for row in session.scalars(
        select(Question).where(Question.deck_id == deck_id, Question.id.in_(ids))
    ):
        row.retired_at = row.retired_at or now


def _fixes(session: DbSession, deck_id: int) -> dict[str, Override]:
    rows = session.scalars(select(QuestionOverride).where(QuestionOverride.deck_id == deck_id))
    return parse({row.question_id: row.data for row in rows})


def _carried_over(
    session: DbSession, deck_id: int, text: str
) -> tuple[list[BankQuestion], list[str]]:
    """The owner's own questions, moved to their sentence in the new text; those whose
    sentence is gone are left out (so retired) and named."""
    own, lost = [], []
    rows = session.scalars(
        select(Question).where(Question.deck_id == deck_id, Question.origin == "authored")
    )
    for row in rows:
        start = text.find(row.sentence) if row.sentence else -1
        if start < 0:
            lost.append(row.id)
            continue
        q = to_bank_question(row)
        source = replace(q.source, start=start, end=start + len(row.sentence))
        own.append(replace(q, source=source))
    return own, lost

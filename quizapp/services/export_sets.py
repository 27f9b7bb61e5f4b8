"""What a download holds: the whole deck, one section, the questions with a tag, a learner's
weak cards (``services.weak_cards``), or an assignment's questions.

Each ``ExportSet`` is a bank (its deck name says what it holds, its slug stays the deck's,
so the notes' GUIDs are the same in every subset and a later full import updates them),
the retired questions among them with why, and a file-name stem naming the contents.

Cards made from one sentence are different notes in Anki (one note per question keeps every
note's GUID), so Anki's sibling burying, which only buries cards of the *same* note, cannot
keep them apart. ``spread_siblings`` orders the questions instead: one question of every
sentence in article order, then the second of each, and so on, so Anki's new-card queue
(which follows the package's order) introduces a sentence's questions days apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from sqlalchemy import select

from questions.model import Bank, Question
from quizapp.classroom.assignments import pool
from quizapp.db.banks import bank_from_db, to_bank_question
from quizapp.db.classroom import Assignment
from quizapp.db.models import Deck
from quizapp.db.models import Question as QuestionRow
from quizapp.db.session import DbSession
from quizapp.services.study import NotFound

STEM_MAX = 60


@dataclass(frozen=True)
class ExportSet:
    bank: Bank
    stem: str  # the file name without its extension
    retired: dict[str, str] = field(default_factory=dict)  # question id → why


def deck_set(session: DbSession, deck: Deck) -> ExportSet:
    """The whole deck, retired questions included (exported suspended, or left out)."""
    bank = bank_from_db(session, deck, include_retired=True)
    return ExportSet(bank, file_stem(deck.slug), retired_reasons(session, deck.id))


def section_set(session: DbSession, deck: Deck, section: str) -> ExportSet:
    """One section of the deck (``NotFound`` if it has no question, retired or not)."""
    whole = deck_set(session, deck)
    chosen = [q for q in whole.bank.questions if q.source.section == section]
    if not chosen:
        raise NotFound(section)
    label = section or "(untitled)"
    return _subset(whole, chosen, f"section {label}", f"{deck.slug}-{file_stem(label)}")


def tag_set(whole: ExportSet, tag: str) -> ExportSet:
    """The questions of ``whole`` tagged ``tag`` or a tag under it (``kind`` takes in
    ``kind::cloze``), as Anki's tag search matches: case-insensitively. ``NotFound`` if none."""
    wanted = tag.strip().casefold()
    chosen = [q for q in whole.bank.questions if any(_under(t, wanted) for t in q.tags)]
    if not wanted or not chosen:
        raise NotFound(tag)
    stem = f"{whole.bank.deck.slug}-tag-{file_stem(tag)}"
    return _subset(whole, chosen, f"tag {tag.strip()}", stem)


def _under(tag: str, wanted: str) -> bool:
    folded = tag.casefold()
    return folded == wanted or folded.startswith(wanted + "::")


def weak_set(whole: ExportSet, weak: set[str], learner: str) -> ExportSet:
    """The ``learner``'s weak cards (ids from ``weak_cards.weak_question_ids``) among the
    active questions of ``whole``; ``NotFound`` if they have none."""
    chosen = [q for q in whole.bank.questions if q.id in weak and q.id not in whole.retired]
    if not chosen:
        raise NotFound(learner)
    stem = f"{whole.bank.deck.slug}-weak-cards-{file_stem(learner)}"
    return _subset(whole, chosen, f"weak cards of {learner}", stem)


def assignment_set(session: DbSession, assignment: Assignment) -> ExportSet:
    """The questions an assignment draws from (its sections and kinds; active only)."""
    whole = deck_set(session, assignment.deck)
    ids = set(pool(session, assignment.deck_id, assignment.sections, assignment.kinds))
    chosen = [q for q in whole.bank.questions if q.id in ids]
    stem = f"{assignment.deck.slug}-assignment-{assignment.id}-{file_stem(assignment.title)}"
    return _subset(whole, chosen, f"assignment {assignment.title}", stem)


def _subset(whole: ExportSet, chosen: list[Question], what: str, stem: str) -> ExportSet:
    deck = replace(whole.bank.deck, name=f"{whole.bank.deck.name} — {what}")
    ids = {q.id for q in chosen}
    retired = {qid: why for qid, why in whole.retired.items() if qid in ids}
    return ExportSet(replace(whole.bank, deck=deck, questions=tuple(chosen)), stem, retired)


def retired_reasons(session: DbSession, deck_id: int) -> dict[str, str]:
    """Why each retired question of the deck is retired: all the database knows is when."""
    rows = session.execute(
        select(QuestionRow.id, QuestionRow.retired_at).where(
            QuestionRow.deck_id == deck_id, QuestionRow.retired_at.is_not(None)
        )
    )
    return {
        qid: f"taken out of the deck on {when:%d %B %Y} (no longer asked on the web)"
        for qid, when in rows
    }


def spread_siblings(questions: Iterable[Question]) -> tuple[Question, ...]:
    """Round-robin over source sentences (see module docstring); stable and deterministic."""
    rounds: dict[tuple[int, int, str], list[Question]] = {}
    for question in questions:
        key = (question.source.start, question.source.end, question.source.sentence)
        rounds.setdefault(key, []).append(question)
    groups = list(rounds.values())
    depth = max((len(group) for group in groups), default=0)
    return tuple(group[i] for i in range(depth) for group in groups if i < len(group))


def file_stem(text: str) -> str:
    """``text`` as a safe ASCII file-name part: lower case words joined by hyphens."""
    stem = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:STEM_MAX].strip("-")
    return stem or "deck"


def file_set(session: DbSession, bank: Bank) -> ExportSet:
    """A bank file as ``quizapp export`` sends it: if its deck was imported, the questions
    the database has retired (and the file no longer has) come along, retired."""
    deck = session.scalar(select(Deck).where(Deck.slug == bank.deck.slug))
    if deck is None:
        return ExportSet(bank, file_stem(bank.deck.slug))
    present = {q.id for q in bank.questions}
    reasons = {
        qid: why for qid, why in retired_reasons(session, deck.id).items() if qid not in present
    }
    rows = session.scalars(
        select(QuestionRow).where(QuestionRow.id.in_(reasons)).order_by(QuestionRow.position)
    )
    gone = tuple(to_bank_question(row) for row in rows)
    return ExportSet(
        replace(bank, questions=bank.questions + gone), file_stem(bank.deck.slug), reasons
    )

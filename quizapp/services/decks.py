"""Decks as the learner sees them: the list with today's counts, and the article view.

``article_view`` is pure: it cuts the stored article blocks into text segments and marks
the source sentences that have questions, each with an anchor ``s-<start offset>`` that the
study page links to.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from quizapp.db.models import Deck, Question
from quizapp.db.session import DbSession
from quizapp.services.deck_access import visible_to
from quizapp.services.settings import StudySettings
from quizapp.services.study import NotFound, QueueCounts, queue_counts

BLOCK_KINDS = ("title", "heading", "lead_in", "list_item", "paragraph")


@dataclass(frozen=True)
class DeckSummary:
    deck: Deck
    questions: int
    counts: QueueCounts


@dataclass(frozen=True)
class Mark:
    anchor: str
    question_ids: tuple[str, ...]
    # Anchors of overlapping spans merged into this mark, so every question's link lands.
    extra_anchors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Segment:
    text: str
    mark: Mark | None = None


@dataclass(frozen=True)
class ArticleBlock:
    kind: str
    segments: tuple[Segment, ...] = field(default_factory=tuple)


def anchor_for(start: int) -> str:
    return f"s-{start}"


@dataclass(frozen=True)
class SourceContext:
    """A question's source sentence inside its paragraph, for the feedback panel."""

    before: str
    sentence: str
    after: str
    anchor: str


def source_context(deck: Deck, question: Question, limit: int = 240) -> SourceContext | None:
    text, start, end = deck.article_text, question.source_start, question.source_end
    if not 0 <= start < end <= len(text):
        return None
    block = next(
        (b for b in deck.article_blocks or () if b["start"] <= start < b["end"]),
        {"start": start, "end": end},
    )
    before = text[block["start"] : start]
    after = text[end : max(end, block["end"])]
    if len(before) > limit:
        before = "…" + before[-limit:].split(" ", 1)[-1]
    if len(after) > limit:
        after = after[:limit].rsplit(" ", 1)[0] + "…"
    return SourceContext(before, text[start:end], after, anchor_for(start))


def deck_by_slug(session: DbSession, slug: str) -> Deck:
    deck = session.scalar(select(Deck).where(Deck.slug == slug))
    if deck is None:
        raise NotFound(slug)
    return deck


def deck_summaries(
    session: DbSession, user_id: int | None, now: datetime, settings: StudySettings
) -> list[DeckSummary]:
    active = dict(
        session.execute(
            select(Question.deck_id, func.count(Question.id))
            .where(Question.retired_at.is_(None))
            .group_by(Question.deck_id)
        ).all()
    )
    decks = session.scalars(select(Deck).where(visible_to(user_id)).order_by(Deck.name, Deck.slug))
    return [
        DeckSummary(
            deck=deck,
            questions=active.get(deck.id, 0),
            counts=queue_counts(session, user_id, deck.id, now, settings),
        )
        for deck in decks
    ]


def active_questions(session: DbSession, deck_id: int) -> list[Question]:
    return list(
        session.scalars(
            select(Question)
            .where(Question.deck_id == deck_id, Question.retired_at.is_(None))
            .order_by(Question.position)
        )
    )


def sections(session: DbSession, deck_id: int) -> list[tuple[str, int]]:
    """Sections of the deck in article order, with their number of active questions."""
    rows = session.execute(
        select(Question.section, func.count(Question.id), func.min(Question.source_start))
        .where(Question.deck_id == deck_id, Question.retired_at.is_(None))
        .group_by(Question.section)
        .order_by(func.min(Question.source_start))
    ).all()
    return [(name, count) for name, count, _ in rows]


def tags(session: DbSession, deck_id: int) -> list[tuple[str, int]]:
    """The tags of the deck's active questions, by name, with how many questions carry each."""
    counts: dict[str, int] = {}
    rows = session.scalars(
        select(Question.tags).where(Question.deck_id == deck_id, Question.retired_at.is_(None))
    )
    for question_tags in rows:
        for tag in set(question_tags or ()):
            counts[tag] = counts.get(tag, 0) + 1
    return sorted(counts.items(), key=lambda item: item[0].casefold())


def article_view(
    text: str, blocks: list[dict[str, Any]], spans: list[tuple[int, int, str]]
) -> list[ArticleBlock]:
    """The article as blocks of segments; ``spans`` are (start, end, question id)."""
    marks = _merge_spans(spans)
    return [
        ArticleBlock(kind=b["kind"], segments=_segments(text, b["start"], b["end"], marks))
        for b in (blocks or _paragraphs(text))
        if b["kind"] in BLOCK_KINDS
    ]


def _merge_spans(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, Mark]]:
    """One mark per distinct span; a span overlapping an earlier one joins that mark."""
    grouped: dict[tuple[int, int], list[str]] = defaultdict(list)
    # Stable sort: questions on one sentence keep the caller's (deck) order.
    for start, end, qid in sorted(spans, key=lambda span: (span[0], span[1])):
        grouped[(start, end)].append(qid)
    merged: list[tuple[int, int, list[str], set[int]]] = []
    for (start, end), ids in sorted(grouped.items()):
        if merged and start < merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], end), last[2] + ids, last[3] | {start})
        else:
            merged.append((start, end, list(ids), set()))
    return [
        (s, e, Mark(anchor_for(s), tuple(ids), tuple(anchor_for(x) for x in sorted(extra - {s}))))
        for s, e, ids, extra in merged
    ]


def _segments(
    text: str, start: int, end: int, marks: list[tuple[int, int, Mark]]
) -> tuple[Segment, ...]:
    out: list[Segment] = []
    pos = start
    for m_start, m_end, mark in marks:
        if m_end <= start or m_start >= end:
            continue
        m_start, m_end = max(m_start, start), min(m_end, end)
        if m_start > pos:
            out.append(Segment(text[pos:m_start]))
        if m_start >= pos:
            out.append(Segment(text[m_start:m_end], mark))
            pos = m_end
    if pos < end:
        out.append(Segment(text[pos:end]))
    return tuple(out)


def _paragraphs(text: str) -> list[dict[str, Any]]:
    """Fallback when a deck has no stored blocks: one paragraph per non-empty line."""
    blocks, offset = [], 0
    for line in text.split("\n"):
        if line.strip():
            blocks.append({"kind": "paragraph", "start": offset, "end": offset + len(line)})
        offset += len(line) + 1
    return blocks

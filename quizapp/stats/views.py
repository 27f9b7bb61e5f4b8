"""The stats page: ``/stats`` (every deck) and ``/stats/<slug>`` (one deck).

Reads the learner's report (``services.stats.deck_report``), turns it into charts
(``charts``) and renders; it never writes, so a visitor without progress just sees zeros.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from flask import Blueprint, render_template
from markupsafe import Markup
from sqlalchemy import select

from quizapp.db.base import db
from quizapp.db.models import Deck
from quizapp.services.deck_access import visible_to
from quizapp.stats.charts import Column, Segment, column_chart, share_bar
from quizapp.stats.metrics import DEFAULT_DAYS, DayCount, SectionMastery
from quizapp.stats.queries import DeckReport, deck_report
from quizapp.web import clock
from quizapp.web.auth import current_user, current_user_id
from quizapp.web.helpers import deck_or_404, study_settings

bp = Blueprint("stats", __name__, url_prefix="/stats")

LABEL_EVERY = 7  # one x-axis date label per week keeps a phone-width chart legible


@dataclass(frozen=True)
class Charts:
    reviews: Markup
    reviews_summary: str
    forecast: Markup
    forecast_summary: str
    mastery: list[tuple[SectionMastery, Markup]]


@bp.get("")
def overview() -> str:
    decks = _decks()
    if len(decks) == 1:
        return _page(decks[0], decks)
    user = current_user()
    reports = [
        (deck, deck_report(db.session, user.id, deck.id, clock.now(), study_settings()))
        if user
        else (deck, None)
        for deck in decks
    ]
    return render_template("stats/overview.html", reports=reports)


@bp.get("/<slug>")
def deck(slug: str) -> str:
    found = deck_or_404(slug)
    return _page(found, _decks())


def _decks() -> list[Deck]:
    visible = visible_to(current_user_id())
    return list(db.session.scalars(select(Deck).where(visible).order_by(Deck.name, Deck.slug)))


def _page(found: Deck, decks: Sequence[Deck]) -> str:
    user = current_user()
    report = deck_report(
        db.session,
        user.id if user else None,
        found.id,
        clock.now(),
        study_settings(),
    )
    return render_template(
        "stats/deck.html", deck=found, decks=decks, report=report, charts=charts_for(report)
    )


def charts_for(report: DeckReport) -> Charts:
    reviews_summary = _reviews_desc(report.reviews_per_day)
    forecast_summary = _forecast_desc(report.forecast)
    return Charts(
        reviews=column_chart(
            "chart-reviews",
            "Reviews per day, last 30 days",
            reviews_summary,
            [_review_column(i, d) for i, d in enumerate(report.reviews_per_day)],
        ),
        reviews_summary=reviews_summary,
        forecast=column_chart(
            "chart-forecast",
            "Cards due per day, next 30 days",
            forecast_summary,
            [_forecast_column(i, d) for i, d in enumerate(report.forecast)],
        ),
        forecast_summary=forecast_summary,
        mastery=[
            (m, share_bar(f"chart-mastery-{i}", _mastery_row(m)))
            for i, m in enumerate(report.mastery)
        ],
    )


def _label(i: int, day: date, anchor: int) -> str:
    """Weekly labels counted from ``anchor`` (today's column), so today is always labelled."""
    return f"{day.day} {day:%b}" if (anchor - i) % LABEL_EVERY == 0 else ""


def _review_column(i: int, d: DayCount) -> Column:
    return Column(
        label=_label(i, d.day, DEFAULT_DAYS - 1),
        segments=(Segment(d.right, "bar-right"), Segment(d.wrong, "bar-wrong")),
        tooltip=f"{d.day:%a %d %b}: {d.total} answers, {d.right} right, {d.wrong} wrong",
    )


def _forecast_column(i: int, d: DayCount) -> Column:
    return Column(
        label=_label(i, d.day, 0),
        segments=(Segment(d.total, "bar-due"),),
        tooltip=f"{d.day:%a %d %b}: {d.total} due",
    )


def _mastery_row(m: SectionMastery) -> Column:
    return Column(
        label=f"{m.section or '(untitled)'}: {round(m.learned * 100)}% learned",
        segments=(
            Segment(m.mature, "m-mature"),
            Segment(m.young, "m-young"),
            Segment(m.learning, "m-learning"),
            Segment(m.new, "m-new"),
        ),
        tooltip=f"{m.mature} mature, {m.young} young, {m.learning} learning, {m.new} new",
    )


def _reviews_desc(days: Sequence[DayCount]) -> str:
    total = sum(d.total for d in days)
    active = sum(1 for d in days if d.total)
    busiest = max(days, key=lambda d: d.total, default=None)
    if not total or busiest is None:
        return "No answers in the last 30 days."
    return (
        f"{total} answers on {active} of the last 30 days; the busiest day was "
        f"{busiest.day:%d %B} with {busiest.total}."
    )


def _forecast_desc(days: Sequence[DayCount]) -> str:
    total = sum(d.total for d in days)
    if not total:
        return "No cards fall due in the next 30 days."
    today = days[0].total if days else 0
    return f"{total} cards fall due in the next 30 days, {today} of them today."

""" "Study more" after a session ends, without touching the schedule (Anki's custom study).

* Extra new cards today: the grant lives in the Flask session, keyed by deck and study
  day, and is added to the learner's daily new-card limit for that deck only; it lapses
  by itself when the next study day starts. Nothing is written to the learner's settings.
* When the next card is due, in the learner's time zone, for the session-end page.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from flask import session

from quizapp.services.settings import StudySettings
from quizapp.services.study import day_start

EXTRA_NEW_STEP = 10
EXTRA_NEW_MAX = 200
_KEY = "extra_new"


def _today(settings: StudySettings, now: datetime) -> str:
    return day_start(now, settings.day_starts_at_hour, settings.time_zone).isoformat()


def extra_new(deck_id: int, settings: StudySettings, now: datetime) -> int:
    """New cards granted on top of the daily limit for this deck today."""
    grant = session.get(_KEY) or {}
    day, count = grant.get(str(deck_id), ("", 0))
    return int(count) if day == _today(settings, now) else 0


def grant_extra_new(deck_id: int, settings: StudySettings, now: datetime) -> int:
    """Add ``EXTRA_NEW_STEP`` new cards for today (up to ``EXTRA_NEW_MAX``); the new total."""
    count = min(EXTRA_NEW_MAX, extra_new(deck_id, settings, now) + EXTRA_NEW_STEP)
    # Only today's grant for this deck is kept: older days and other decks' stale days drop.
    today = _today(settings, now)
    kept = {k: v for k, v in (session.get(_KEY) or {}).items() if v[0] == today}
    kept[str(deck_id)] = (today, count)
    session[_KEY] = kept
    return count


def with_extra_new(deck_id: int, settings: StudySettings, now: datetime) -> StudySettings:
    """The learner's settings with today's extra new cards for this deck added."""
    extra = extra_new(deck_id, settings, now)
    return replace(settings, new_per_day=settings.new_per_day + extra) if extra else settings


def local_moment(moment: datetime, now: datetime, zone: str) -> str:
    """``moment`` as the learner reads it: "14:05" today, else "Wed 2 Dec, 14:05"."""
    local = moment.astimezone(ZoneInfo(zone))
    if local.date() == now.astimezone(ZoneInfo(zone)).date():
        return local.strftime("%H:%M")
    return f"{local.strftime('%a')} {local.day} {local.strftime('%b, %H:%M')}"

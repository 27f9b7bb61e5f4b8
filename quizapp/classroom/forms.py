"""Parsing the assignment form into an ``AssignmentSpec`` (or field errors to show), and the
closing-time form (``parse_closing``).

Opening and closing times come from ``datetime-local`` inputs: wall-clock times in the
teacher's time zone, which the page's script puts in the ``timezone`` field (an IANA name);
without script, the app's ``CLASSROOM_TIMEZONE`` (default UTC) is used. Stored as UTC.
Pure: the form is a mapping, ``now`` and the default zone are parameters.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from quizapp.classroom.assignments import (
    AUTO_GRADED,
    CLOSING_BEFORE_OPENING,
    FLASHCARD,
    FLASHCARDS_SHOW_ANSWERS,
    KINDS,
    MAX_ATTEMPTS,
    MAX_QUESTIONS,
    AssignmentSpec,
)
from quizapp.classroom.classes import has_control_characters
from quizapp.db.classroom import ANSWERS_AFTER_CLOSE, ANSWERS_NOW, TITLE_MAX
from quizapp.domain.timezones import as_utc

LOCAL_FORMAT = "%Y-%m-%dT%H:%M"
# Years a form may name: later ones overflow when converted to UTC (9999-12-31 in
# America/Los_Angeles is year 10000 in UTC) or when the scheduler adds days to them.
YEARS = range(1900, 9000)
DEFAULT_COUNT = 10


def defaults(now: datetime, zone: str) -> dict[str, object]:
    """Initial values of the form: open now, no closing time, auto-graded kinds."""
    return {
        "title": "",
        "count": DEFAULT_COUNT,
        "kinds": list(AUTO_GRADED),
        "sections": [],
        "opens_at": "",  # empty: open at once
        "closes_at": "",
        "attempts": 1,
        "answers_shown": ANSWERS_NOW,
        "draw": "same",
        "order": "fixed",
        "timezone": zone,
    }


def local_value(moment: datetime, zone: str) -> str:
    """A UTC datetime as a ``datetime-local`` value in ``zone``."""
    return moment.astimezone(_zone(zone) or ZoneInfo("UTC")).strftime(LOCAL_FORMAT)


def parse(
    get: Mapping[str, str],
    lists: Mapping[str, Sequence[str]],
    *,
    deck_id: int,
    deck_sections: Sequence[str],
    now: datetime,
    default_zone: str,
) -> tuple[AssignmentSpec | None, dict[str, str]]:
    """Validate the form; returns (spec, {}) or (None, {field: message})."""
    errors: dict[str, str] = {}
    title = _title(get, errors)
    count = _bounded(get, "count", MAX_QUESTIONS, f"Choose 1 to {MAX_QUESTIONS} questions.", errors)
    attempts = _bounded(
        get, "attempts", MAX_ATTEMPTS, f"Allow 1 to {MAX_ATTEMPTS} attempts.", errors
    )
    kinds = _kinds(lists, errors)
    sections = sorted(set(lists.get("sections", ())) & set(deck_sections))
    zone = get.get("timezone", "") if _zone(get.get("timezone", "")) else default_zone
    opens_at, closes_at = _window(get, zone, now, errors)
    shown = _answers_shown(get, kinds, errors)
    if errors or count is None or attempts is None or opens_at is None:
        return None, errors
    spec = AssignmentSpec(
        title=title,
        deck_id=deck_id,
        sections=tuple(sections),
        kinds=tuple(kinds),
        question_count=count,
        opens_at=opens_at,
        closes_at=closes_at,
        timezone=zone,
        attempts_allowed=attempts,
        answers_shown=shown,
        same_questions=get.get("draw", "same") != "each",
        shuffled=get.get("order", "fixed") == "shuffled",
    )
    return spec, {}


def _title(get: Mapping[str, str], errors: dict[str, str]) -> str:
    """The title with runs of whitespace made one space; a message in ``errors`` if it is
    empty, too long or holds control characters."""
    title = " ".join(get.get("title", "").split())
    if not 1 <= len(title) <= TITLE_MAX or has_control_characters(title):
        errors["title"] = f"Give the assignment a title (up to {TITLE_MAX} characters)."
    return title


def _kinds(lists: Mapping[str, Sequence[str]], errors: dict[str, str]) -> list[str]:
    """The ticked kinds in ``KINDS`` order; a message in ``errors`` if none is ticked."""
    kinds = [k for k in KINDS if k in lists.get("kinds", ())]
    if not kinds:
        errors["kinds"] = "Tick at least one kind of question."
    return kinds


def _bounded(
    get: Mapping[str, str], field: str, high: int, message: str, errors: dict[str, str]
) -> int | None:
    """The whole number 1..``high`` in ``field``, or None with ``message`` in ``errors``."""
    value = _int(get.get(field, ""), 1, high)
    if value is None:
        errors[field] = message
    return value


def _window(
    get: Mapping[str, str], zone: str, now: datetime, errors: dict[str, str]
) -> tuple[datetime | None, datetime | None]:
    """(opens_at, closes_at) from the form in ``zone``; problems go into ``errors``."""
    opens_at = _local(get.get("opens_at", ""), zone) if get.get("opens_at") else now
    closes_at = _local(get.get("closes_at", ""), zone) if get.get("closes_at") else None
    if opens_at is None:
        errors["opens_at"] = "Enter the opening time as date and time."
    if get.get("closes_at") and closes_at is None:
        errors["closes_at"] = "Enter the closing time as date and time."
    elif closes_at is not None and opens_at is not None and closes_at <= opens_at:
        errors["closes_at"] = CLOSING_BEFORE_OPENING
    return opens_at, closes_at


def _answers_shown(get: Mapping[str, str], kinds: Sequence[str], errors: dict[str, str]) -> str:
    """When students see the answers; problems (with the closing time, with flashcards)
    go into ``errors``."""
    shown = get.get("answers_shown", ANSWERS_NOW)
    if shown not in (ANSWERS_NOW, ANSWERS_AFTER_CLOSE):
        errors["answers_shown"] = "Choose when students see the answers."
    elif shown == ANSWERS_AFTER_CLOSE and not get.get("closes_at"):
        errors["closes_at"] = "Set a closing time to show the answers after it."
    if shown == ANSWERS_AFTER_CLOSE and FLASHCARD in kinds:
        # A flashcard is its answer: turning it over would show what is held back.
        errors["kinds"] = FLASHCARDS_SHOW_ANSWERS
    return shown


def parse_closing(raw: str, zone: str) -> tuple[datetime | None, str | None]:
    """The closing-time form's ``datetime-local`` value in ``zone``: (UTC time, None),
    (None, None) for an empty field (never closes), or (None, message)."""
    if not raw.strip():
        return None, None
    closes_at = _local(raw.strip(), zone)
    if closes_at is None:
        return None, "Enter the closing time as date and time."
    return closes_at, None


def _int(raw: str, low: int, high: int) -> int | None:
    try:
        value = int(raw)
    except ValueError:
        return None
    return value if low <= value <= high else None


def _zone(name: str) -> ZoneInfo | None:
    if not name or len(name) > 64:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _local(raw: str, zone: str) -> datetime | None:
    try:
        naive = datetime.strptime(raw, LOCAL_FORMAT)
    except ValueError:
        return None
    if naive.year not in YEARS:
        return None
    return as_utc(naive.replace(tzinfo=_zone(zone) or ZoneInfo("UTC")))

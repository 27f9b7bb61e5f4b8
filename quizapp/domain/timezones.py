"""The one place that handles time zones: aware UTC datetimes in, aware UTC datetimes out.

``fsrs`` refuses anything but ``tzinfo=UTC``, so every datetime is aware UTC (``as_utc``);
the database column for them is ``quizapp.db.timecol.UTCDateTime``.
The learner's own zone matters for one thing only, when their study day starts:
``local_day_start``.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones


def utcnow() -> datetime:
    """The real clock; views and CLI pass it into services, tests pass fixed times."""
    return datetime.now(UTC)


def as_utc(value: datetime) -> datetime:
    """Convert an aware datetime to ``tzinfo=UTC`` (the exact object fsrs insists on)."""
    if value.tzinfo is None:
        raise ValueError(f"naive datetime {value!r}: pass an aware UTC datetime")
    return value.astimezone(UTC)


def is_time_zone(name: str) -> bool:
    """True for an IANA zone name such as "Europe/Paris" (what browsers report)."""
    return bool(name) and name in _zone_names()


def local_day_start(now: datetime, hour: int, zone: str = "UTC") -> datetime:
    """Start (in UTC) of the study day containing ``now``, where days roll over at ``hour``
    o'clock local time in ``zone`` (an unknown zone counts as UTC)."""
    try:
        tz = ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        tz = ZoneInfo("UTC")
    local = as_utc(now).astimezone(tz)
    start = local.replace(hour=hour, minute=0, second=0, microsecond=0)
    if start > local:
        start = (start - timedelta(days=1)).replace(hour=hour)
    return start.astimezone(UTC)


@lru_cache(maxsize=1)
def _zone_names() -> frozenset[str]:
    return frozenset(available_timezones())


def time_zone_names() -> list[str]:
    return sorted(_zone_names())

"""The one place that handles time zones: aware UTC datetimes in, aware UTC datetimes out.

SQLite stores datetimes without a zone and PostgreSQL returns them in the session zone;
``fsrs`` refuses anything but ``tzinfo=UTC``. ``UTCDateTime`` stores naive UTC and hands
back aware UTC, and refuses naive datetimes so a local-time bug cannot slip in silently.
The learner's own zone matters for one thing only, when their study day starts:
``local_day_start``.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from sqlalchemy import DateTime
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


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


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp column holding aware UTC datetimes on every backend."""

    impl = DateTime(timezone=False)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return as_utc(value).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)

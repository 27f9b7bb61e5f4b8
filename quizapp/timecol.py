"""The one place that handles time zones: aware UTC datetimes in, aware UTC datetimes out.

SQLite stores datetimes without a zone and PostgreSQL returns them in the session zone;
``fsrs`` refuses anything but ``tzinfo=UTC``. ``UTCDateTime`` stores naive UTC and hands
back aware UTC, and refuses naive datetimes so a local-time bug cannot slip in silently.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

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

"""The timestamp column: ``UTCDateTime`` stores naive UTC and hands back aware UTC.

SQLite stores datetimes without a zone and PostgreSQL returns them in the session zone;
this column makes both give aware UTC, and refuses naive datetimes so a local-time bug
cannot slip in silently. The time-zone rules themselves are ``quizapp.domain.timezones``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from quizapp.domain.timezones import as_utc


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

"""The timestamp column: ``UTCDateTime`` stores naive UTC and hands back aware UTC.

SQLite stores datetimes without a zone and PostgreSQL returns them in the session zone;
this column makes both give aware UTC, and refuses naive datetimes so a local-time bug
cannot slip in silently. ``naive_utc`` reads a column without that per-value step, for the
few bulk reads (tens of thousands of rows) where it is most of the query's time. The time-zone
rules themselves are ``quizapp.domain.timezones``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, DateTime, type_coerce
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


def naive_utc(column: ColumnElement[datetime] | Any) -> ColumnElement[datetime]:
    """``column`` (a ``UTCDateTime``) as selected values that are the naive UTC datetimes
    both backends store: the caller attaches ``UTC`` (``value.replace(tzinfo=UTC)``) or only
    subtracts two of them. It spares the decorator's per-value call, half the time of reading
    a long review history (benchmarks/bench_export.py)."""
    return type_coerce(column, DateTime(timezone=False))

"""URL converters: ``<int:…>`` path parameters bounded to the database's integer range.

Every table's ids are ``INTEGER`` columns, 32-bit on PostgreSQL. A larger id in a URL
(``/attempts/9223372036854775808``) cannot name a row, and passing it to the driver
raises (a 500); so the converter refuses it and the route is a plain 404, as for any
missing row. Registered under the name ``int`` before the blueprints, so every
``<int:…>`` rule in the app uses it.
"""

from __future__ import annotations

from typing import Any

from flask import Flask
from werkzeug.routing import IntegerConverter, Map, ValidationError

DB_INT_MAX = 2**31 - 1  # PostgreSQL INTEGER; SQLite's range is wider
_MAX_DIGITS = len(str(DB_INT_MAX))


class DbIntConverter(IntegerConverter):
    """``IntegerConverter`` whose values fit an ``INTEGER`` column (0 … 2³¹−1)."""

    def __init__(self, url_map: Map, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max", DB_INT_MAX)
        super().__init__(url_map, *args, **kwargs)

    def to_python(self, value: str) -> Any:
        # Checked before int(): a 5,000-digit id would exceed Python's digit limit (ValueError).
        if len(value) > _MAX_DIGITS:
            raise ValidationError()
        return super().to_python(value)


def install(app: Flask) -> None:
    app.url_map.converters["int"] = DbIntConverter

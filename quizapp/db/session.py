"""The session type services accept: a plain SQLAlchemy ``Session`` (scripts, tests) or
Flask-SQLAlchemy's request-scoped ``db.session`` proxy (views)."""

from __future__ import annotations

from typing import Any, TypeAlias

from sqlalchemy.orm import Session, scoped_session

DbSession: TypeAlias = Session | scoped_session[Any]

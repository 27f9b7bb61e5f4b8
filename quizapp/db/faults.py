"""Storage faults: a database that cannot save (read-only, full, gone, unreachable).

* ``is_storage_fault``: whether an error from the driver is such a fault (SQLite's
  "readonly database", "disk is full", "unable to open", disk I/O errors; any
  ``OperationalError``/``InterfaceError`` on PostgreSQL, where they mean the server or
  the connection failed). The web layer answers these with a 503.
* ``install``: SQLite reports these faults on a connection that stays broken after the
  fault is gone (a file opened while read-only stays read-only), so each is treated as a
  disconnect: SQLAlchemy invalidates the pool and the next request opens fresh
  connections. Every worker recovers without a restart.
* ``write_probe``: a write that is rolled back, for ``/readyz``.
"""

from __future__ import annotations

from sqlalchemy import Engine, event, text
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.exc import InterfaceError, OperationalError

from quizapp.db.session import DbSession

_SQLITE_FAULTS = (
    "readonly database",
    "disk is full",
    "unable to open database",
    "disk i/o error",
    "database disk image is malformed",
)
# Answered with a 503 too, but no reason to reopen connections: the lock will be free.
_SQLITE_BUSY = "database is locked"


def is_storage_fault(exc: BaseException) -> bool:
    """True for errors that mean the database cannot be written now (see module doc)."""
    if isinstance(exc, OperationalError | InterfaceError):
        message = str(exc.orig if exc.orig is not None else exc).lower()
        if "sqlite" not in type(exc.orig).__module__:
            return True
        return _sqlite_fault(message) or _SQLITE_BUSY in message
    return False


def _sqlite_fault(message: str) -> bool:
    return any(fault in message for fault in _SQLITE_FAULTS)


def install(engine: Engine) -> None:
    """Treat SQLite's storage faults as disconnects (PostgreSQL's already are)."""
    if engine.dialect.name == "sqlite":
        event.listen(engine, "handle_error", _invalidate_on_fault)


def _invalidate_on_fault(context: ExceptionContext) -> None:
    if _sqlite_fault(str(context.original_exception).lower()):
        context.is_disconnect = True


def write_probe(session: DbSession) -> None:
    """Write (a no-op update of the schema version) and roll back: raises if the database
    does not accept writes."""
    try:
        session.execute(text("UPDATE alembic_version SET version_num = version_num"))
    finally:
        session.rollback()

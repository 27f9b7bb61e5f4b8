"""Pages that only read: on PostgreSQL their queries run outside a transaction.

A transaction costs two round trips of its own on PostgreSQL (psycopg sends ``BEGIN``
before the first query; the pool sends ``ROLLBACK`` when the connection comes back).
PostgreSQL's default isolation, READ COMMITTED, gives every statement its own snapshot
anyway, so a page that only reads sees exactly what it would see inside a transaction.
The hottest classroom page (a student's next question) does this, saving both round
trips (``benchmarks/bench_classroom.py``).

SQLite is left as it is: its read transaction is deferred, costs no round trip, and in
WAL mode never blocks a writer. Only for views that never write: a write in such a view
would commit statement by statement.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

from quizapp.db.base import db

P = ParamSpec("P")
R = TypeVar("R")


def reads_only(view: Callable[P, R]) -> Callable[P, R]:
    """Decorate a view that only reads (see module docstring)."""

    @wraps(view)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> R:
        session = db.session()
        if session.get_bind().dialect.name != "sqlite" and not session.in_transaction():
            session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
        return view(*args, **kwargs)

    return wrapped

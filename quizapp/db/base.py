"""The database extension singletons, created unbound and initialised by ``create_app``:
``db`` (Flask-SQLAlchemy, with the declarative ``Base`` and its naming convention) and
``migrate`` (Flask-Migrate). Never imports the rest of ``quizapp``, so there is no cycle.
"""

from __future__ import annotations

from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

# Deterministic constraint names, so Alembic migrations can drop and alter them on every backend.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


# Objects stay readable after commit: views commit, then render what they just saved,
# without a second round trip (and, on SQLite, without a second write transaction).
db = SQLAlchemy(model_class=Base, session_options={"expire_on_commit": False})
migrate = Migrate()

__all__ = ["Base", "db", "migrate"]

"""``/healthz`` and ``/readyz``.

``/healthz`` is liveness: it answers without touching the database, so a load balancer
(and the load benchmark, for its baseline ratio) can tell the web process is up.
``/readyz`` is readiness: 200 only when the database accepts a write (a rolled-back
update, ``quizapp.db.faults.write_probe``), else 503: a read-only or full disk, or an
unreachable server, takes the instance out of rotation instead of failing answers.
"""

from __future__ import annotations

from flask import Blueprint, Response, jsonify
from sqlalchemy.exc import SQLAlchemyError

from quizapp.db import faults
from quizapp.db.base import db

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz() -> Response:
    return jsonify(status="ok")


@bp.get("/readyz")
def readyz() -> Response | tuple[Response, int]:
    try:
        faults.write_probe(db.session)
    except SQLAlchemyError:
        db.session.rollback()
        return jsonify(status="unavailable", detail="the database does not accept writes"), 503
    return jsonify(status="ok")

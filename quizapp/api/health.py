"""``/healthz``: answers without touching the database, so a load balancer (and the load
benchmark, for its baseline ratio) can tell the web process is up."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz() -> Response:
    return jsonify(status="ok")

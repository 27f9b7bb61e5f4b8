"""The settings page: view parses the form, calls ``update_settings``, commits once."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from quizapp.auth import ensure_user
from quizapp.extensions import db
from quizapp.services.settings import NEW_PER_DAY_RANGE, RETENTION_RANGE, update_settings
from quizapp.web import study_settings

bp = Blueprint("settings", __name__, url_prefix="/settings")


@bp.get("/")
def edit() -> str:
    return _render(errors={})


@bp.post("/")
def save() -> Response | tuple[str, int]:
    errors: dict[str, str] = {}
    new_per_day = _parse(request.form.get("new_per_day", ""), int, errors, "new_per_day")
    retention_pct = _parse(request.form.get("retention", ""), float, errors, "retention")
    if errors or new_per_day is None or retention_pct is None:
        return _render(errors), 400
    try:
        update_settings(ensure_user(), int(new_per_day), round(retention_pct / 100, 3))
    except ValueError as exc:
        db.session.rollback()
        return _render({"form": str(exc)}), 400
    db.session.commit()
    flash("Settings saved.", "success")
    return redirect(url_for("settings.edit"))


def _parse(raw: str, kind: type, errors: dict[str, str], name: str) -> float | None:
    try:
        return float(kind(raw.strip()))
    except ValueError:
        errors[name] = "Enter a number."
        return None


def _render(errors: dict[str, str]) -> str:
    current = study_settings()
    return render_template(
        "settings/edit.html",
        errors=errors,
        new_per_day=current.new_per_day,
        retention=round(current.scheduler.desired_retention * 100),
        new_range=NEW_PER_DAY_RANGE,
        retention_range=tuple(round(r * 100) for r in RETENTION_RANGE),
    )

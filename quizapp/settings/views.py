"""The settings page (new cards per day, desired retention, time zone): the view parses the
form, calls ``update_settings``, commits once."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from quizapp.db.base import db
from quizapp.domain.timezones import time_zone_names
from quizapp.services.settings import NEW_PER_DAY_RANGE, RETENTION_RANGE, update_settings
from quizapp.web.auth import current_user, ensure_user
from quizapp.web.helpers import study_settings

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
    time_zone = request.form.get("time_zone") or None
    try:
        update_settings(ensure_user(), int(new_per_day), round(retention_pct / 100, 3), time_zone)
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
    user = current_user()
    return render_template(
        "settings/edit.html",
        errors=errors,
        time_zone=current.time_zone,
        time_zone_chosen=bool(user and user.time_zone),
        time_zones=time_zone_names(),
        day_starts_at_hour=current.day_starts_at_hour,
        new_per_day=current.new_per_day,
        retention=round(current.scheduler.desired_retention * 100),
        new_range=NEW_PER_DAY_RANGE,
        retention_range=tuple(round(r * 100) for r in RETENTION_RANGE),
    )

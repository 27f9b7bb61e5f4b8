"""A learner's effective study settings: app defaults overridden by their own choices."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from quizapp.db.models import User
from quizapp.domain.scheduler import SchedulerSettings
from quizapp.domain.timezones import is_time_zone

NEW_PER_DAY_RANGE = (0, 9999)
RETENTION_RANGE = (0.70, 0.99)


@dataclass(frozen=True)
class StudySettings:
    scheduler: SchedulerSettings
    new_per_day: int
    day_starts_at_hour: int
    learn_ahead: timedelta
    time_zone: str = "UTC"  # IANA name; the study day starts at day_starts_at_hour there
    bury_siblings: bool = True  # see quizapp.domain.siblings


def settings_for(config: Mapping[str, Any], user: User | None) -> StudySettings:
    """App config (``FSRS_*``, ``NEW_CARDS_PER_DAY``, …) with the user's overrides."""
    retention = config["FSRS_DESIRED_RETENTION"]
    new_per_day = config["NEW_CARDS_PER_DAY"]
    zone = config["DEFAULT_TIME_ZONE"]
    if user is not None:
        zone = user.time_zone or zone
        if user.desired_retention is not None:
            retention = user.desired_retention
        if user.new_cards_per_day is not None:
            new_per_day = user.new_cards_per_day
    return StudySettings(
        scheduler=SchedulerSettings(
            desired_retention=float(retention),
            enable_fuzzing=bool(config["FSRS_ENABLE_FUZZING"]),
        ),
        new_per_day=int(new_per_day),
        day_starts_at_hour=int(config["DAY_STARTS_AT_HOUR"]),
        learn_ahead=timedelta(minutes=float(config["LEARN_AHEAD_MINUTES"])),
        time_zone=str(zone),
        bury_siblings=bool(config.get("BURY_SIBLINGS", True)),
    )


def update_settings(
    user: User, new_per_day: int, desired_retention: float, time_zone: str | None = None
) -> None:
    """Store the learner's settings; ValueError (with a message for them) if out of range."""
    low, high = NEW_PER_DAY_RANGE
    if not low <= new_per_day <= high:
        raise ValueError(f"new cards per day must be between {low} and {high}")
    low_r, high_r = RETENTION_RANGE
    if not low_r <= desired_retention <= high_r:
        raise ValueError(f"desired retention must be between {low_r} and {high_r}")
    if time_zone is not None and not is_time_zone(time_zone):
        raise ValueError(f"unknown time zone {time_zone!r}")
    user.new_cards_per_day = new_per_day
    user.desired_retention = desired_retention
    if time_zone is not None:
        user.time_zone = time_zone


def remember_time_zone(user: User, reported: str | None) -> None:
    """Adopt the zone a learner's browser reports, unless they chose one already."""
    if user.time_zone is None and reported and is_time_zone(reported):
        user.time_zone = reported

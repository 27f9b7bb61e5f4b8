"""The study day starts at 4 a.m. in the learner's own time zone."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from quizapp.db.base import db
from quizapp.db.models import User
from quizapp.domain.scheduler import Rating
from quizapp.domain.timezones import is_time_zone, local_day_start
from quizapp.services import study
from quizapp.services.settings import settings_for

from .pages import current_question, hidden_fields


@pytest.mark.parametrize(
    ("now", "zone", "start"),
    [
        (datetime(2026, 3, 2, 12, 0, tzinfo=UTC), "UTC", datetime(2026, 3, 2, 4, 0, tzinfo=UTC)),
        (datetime(2026, 3, 2, 2, 0, tzinfo=UTC), "UTC", datetime(2026, 3, 1, 4, 0, tzinfo=UTC)),
        # 21:00 in Tokyo (UTC+9): the day began at 04:00 Tokyo = 19:00 UTC the day before.
        (datetime(2026, 3, 2, 12, 0, tzinfo=UTC), "Asia/Tokyo",
         datetime(2026, 3, 1, 19, 0, tzinfo=UTC)),
        # 23:30 in New York (UTC-5 in winter) is still the day that began at 04:00 there.
        (datetime(2026, 3, 3, 4, 30, tzinfo=UTC), "America/New_York",
         datetime(2026, 3, 2, 9, 0, tzinfo=UTC)),
        (datetime(2026, 3, 2, 12, 0, tzinfo=UTC), "Not/AZone",
         datetime(2026, 3, 2, 4, 0, tzinfo=UTC)),
    ],
)  # fmt: skip
def test_local_day_start(now: datetime, zone: str, start: datetime) -> None:
    assert local_day_start(now, 4, zone) == start


def test_time_zone_names() -> None:
    assert is_time_zone("Europe/Paris") and is_time_zone("UTC")
    assert not is_time_zone("Mars/Olympus") and not is_time_zone("")


def test_new_cards_come_back_at_4am_local_time(app: Flask, session: Session, deck_id: int) -> None:
    user = User(new_cards_per_day=1, time_zone="Asia/Tokyo")
    session.add(user)
    session.commit()
    settings = settings_for(app.config, user)
    evening = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)  # 21:00 in Tokyo
    study.submit_answer(
        session, user_id=user.id,
        answer=study.Answer("q-flash", "k1", study.Response(rating=Rating.Good)),
        now=evening, settings=settings,
    )  # fmt: skip
    session.commit()
    before_4am = datetime(2026, 3, 2, 18, 59, tzinfo=UTC)  # 03:59 in Tokyo: same study day
    after_4am = datetime(2026, 3, 2, 19, 1, tzinfo=UTC)  # 04:01 in Tokyo: a new day
    assert study.next_card(session, user.id, deck_id, before_4am, settings) is None
    assert study.next_card(session, user.id, deck_id, after_4am, settings) is not None
    in_utc = settings_for(app.config, User(new_cards_per_day=1))
    assert study.next_card(session, user.id, deck_id, after_4am, in_utc) is None  # UTC: same day


def test_the_browser_zone_is_remembered_once(app: Flask, client: FlaskClient, deck_id: int) -> None:
    fields = current_question(client)
    assert fields["tz"] == ""  # filled in by quizapp.js
    client.post("/study/cramps/answer", data={**fields, "rating": "3", "tz": "Europe/Paris"})
    fields = hidden_fields(client.get("/study/cramps").get_data(as_text=True))
    client.post("/study/cramps/answer", data={**fields, "typed": "x", "tz": "Asia/Tokyo"})
    with app.app_context():
        assert db.session.scalars(select(User.time_zone)).all() == ["Europe/Paris"]
    page = client.get("/settings/").get_data(as_text=True)
    assert "<option selected>Europe/Paris</option>" in page
    assert "data-detect-zone" not in page  # chosen: the browser no longer overrides it


def test_settings_choose_a_time_zone(app: Flask, client: FlaskClient, deck_id: int) -> None:
    form = {"new_per_day": "20", "retention": "90"}
    assert client.post("/settings/", data={**form, "time_zone": "Asia/Tokyo"}).status_code == 302
    assert client.post("/settings/", data={**form, "time_zone": "Mars/Base"}).status_code == 400
    with app.app_context():
        assert db.session.scalars(select(User.time_zone)).all() == ["Asia/Tokyo"]

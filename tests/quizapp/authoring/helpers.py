"""Shared steps of the own-deck tests: a registered owner, an uploaded article."""

from __future__ import annotations

import io
import re
from pathlib import Path

from flask import Flask
from flask.testing import FlaskClient

from tests.quizapp.classroom.helpers import log_in, make_teacher

ARTICLE = Path(__file__).resolve().parents[2] / "data" / "01-motor-neuron-disease.md"


def owner_client(app: Flask, username: str = "owner") -> FlaskClient:
    make_teacher(app, username)
    client = app.test_client()
    log_in(client, username)
    return client


def upload(client: FlaskClient, name: str = "Motor neurons", visibility: str = "private") -> str:
    """Upload the test article; returns the new deck's slug."""
    data = {
        "name": name,
        "visibility": visibility,
        "article": (io.BytesIO(ARTICLE.read_bytes()), ARTICLE.name),
    }
    page = client.post("/decks/new", data=data, content_type="multipart/form-data")
    html = page.get_data(as_text=True)
    assert page.status_code == 200, html
    match = re.search(r'href="/decks/([^"/]+)/review"', html)
    assert match, html
    return match.group(1)

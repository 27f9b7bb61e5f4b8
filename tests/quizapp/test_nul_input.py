"""A NUL character in a form field or query parameter is a friendly 400 on every backend,
never a database error (PostgreSQL refuses NUL in text)."""

from __future__ import annotations

from flask.testing import FlaskClient

from .pages import hidden_fields


def test_typed_answer_with_nul_is_a_400_and_changes_nothing(
    client: FlaskClient, deck_id: int
) -> None:
    page = client.get("/study/cramps/q/q-cloze").get_data(as_text=True)
    response = client.post(
        "/study/cramps/answer", data={**hidden_fields(page), "typed": "excit\x00ation"}
    )
    assert response.status_code == 400
    assert "cannot be stored" in response.get_data(as_text=True)
    clean = client.post("/study/cramps/answer", data={**hidden_fields(page), "typed": "excitation"})
    assert clean.status_code == 302


def test_query_parameter_with_nul_is_a_400(client: FlaskClient, deck_id: int) -> None:
    response = client.get("/study/cramps/q/q-cloze?reveal=%00")
    assert response.status_code == 400


def test_register_with_nul_is_a_400(client: FlaskClient) -> None:
    response = client.post(
        "/account/register", data={"username": "ann\x00", "password": "correct horse battery"}
    )
    assert response.status_code == 400

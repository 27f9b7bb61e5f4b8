"""Errors of the JSON API as RFC 9457 problem documents (``application/problem+json``).

``ApiError`` is raised anywhere in an API view; ``problem_response`` renders it (and any
HTTP error under ``/api/``, via ``quizapp.web.errors``) as
``{"type", "title", "status", "detail"}`` — never HTML, never a traceback.
"""

from __future__ import annotations

from http import HTTPStatus

from flask import Response, json

MEDIA_TYPE = "application/problem+json"


class ApiError(Exception):
    """An error the client can act on: a 4xx status and a sentence saying why."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail


def problem_response(status: int, detail: str | None = None) -> Response:
    title = _title(status)
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail or title}
    return Response(json.dumps(body), status=status, mimetype=MEDIA_TYPE)


def _title(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"

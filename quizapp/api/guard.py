"""Cross-site request forgery protection for the JSON API.

The pages use Flask-WTF's form token; the API is exempt from it and instead requires, on
every state-changing request (POST, PUT, PATCH, DELETE):

* the header ``X-Requested-With`` (any non-empty value), and
* ``Content-Type: application/json`` whenever a body is sent.

A cross-site HTML form can set neither; a cross-site ``fetch`` that sets them triggers a
CORS preflight, which this app never approves (it sends no ``Access-Control-Allow-*``
header), so the browser never sends the request. As a second line, a request whose
``Origin`` names another host, or that a browser marks ``Sec-Fetch-Site: cross-site``, is
refused. The session cookie is also ``SameSite=Lax``.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import request

from quizapp.api.problems import ApiError

CSRF_HEADER = "X-Requested-With"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
UPLOAD_ENDPOINTS = frozenset({"api.create_deck"})


def check_request() -> None:
    """Refuse a state-changing request that a cross-site page could have forged."""
    if request.method not in UNSAFE_METHODS:
        return
    if not request.headers.get(CSRF_HEADER, "").strip():
        raise ApiError(403, f"state-changing API requests need the {CSRF_HEADER} header")
    if _cross_site():
        raise ApiError(403, "cross-site API requests are not allowed")
    if request.content_length and not request.is_json and not _upload_allowed():
        raise ApiError(415, "send the body as application/json")


def _upload_allowed() -> bool:
    """Creating a deck also takes a multipart upload (a file field ``article``); the
    ``X-Requested-With`` header above still keeps cross-site forms out."""
    return request.endpoint in UPLOAD_ENDPOINTS and request.mimetype == "multipart/form-data"


def _cross_site() -> bool:
    if request.headers.get("Sec-Fetch-Site") == "cross-site":
        return True
    origin = request.headers.get("Origin")
    if not origin or origin == "null":
        return origin == "null"
    return urlsplit(origin).netloc != request.host

"""Security headers on every response: a strict Content-Security-Policy (no inline script
or style, no external origin), no sniffing, no framing, no referrer leaks. Also trusts
``TRUSTED_PROXIES`` reverse proxies' X-Forwarded-* headers when configured, and refuses
form fields or query parameters holding NUL characters."""

from __future__ import annotations

from flask import Flask, abort, request
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.wrappers import Response

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


def register(app: Flask) -> None:
    app.before_request(_refuse_nul)
    app.after_request(_add_headers)
    proxies = int(app.config.get("TRUSTED_PROXIES") or 0)
    if proxies > 0:
        # Behind nginx & co. the socket address is the proxy's: trust exactly that many hops.
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies
        )


def _add_headers(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if response.mimetype == "text/html":
        # Pages show a learner's own progress: never cache them in shared caches.
        response.headers.setdefault("Cache-Control", "no-store")
    return response


def _refuse_nul() -> None:
    """PostgreSQL cannot store or compare text with NUL characters and no input needs one:
    such a request is a 400 here instead of a database error (a 500) later."""
    fields = [request.args]
    if request.method == "POST" and request.mimetype != "application/json":
        fields.append(request.form)
    if any("\x00" in value for multi in fields for _, values in multi.lists() for value in values):
        abort(400, "The request contains a character that cannot be stored.")

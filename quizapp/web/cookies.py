"""The session cookie: signed as Flask signs it, but sent back only when its content
changed or once a day, instead of on every response.

Flask re-signs and re-sends a permanent session's cookie on every response
(``SESSION_REFRESH_EACH_REQUEST``) so that it keeps expiring a full lifetime after the
last visit. Signing costs CPU on every request, a whole class answering at once makes many
of them, and a day's precision is plenty for a lifetime of 400 days: the first request of
each (UTC) day renews the cookie and its expiry.

Without a configured ``SECRET_KEY`` the key is read from (or generated once into) the
instance folder when the first request opens its session, not when the app is built, so
that building the app (``quizapp --help``) writes nothing.
"""

from __future__ import annotations

from flask import Flask
from flask.sessions import SecureCookieSessionInterface, SessionMixin
from itsdangerous import URLSafeTimedSerializer

from quizapp.config import persistent_secret_key
from quizapp.web import clock

DAY_KEY = "_day"  # the UTC day (days since the epoch) the cookie was last sent on
SECONDS_PER_DAY = 86_400


class DailyRenewedSessions(SecureCookieSessionInterface):
    """Flask's signed-cookie sessions, renewed at most daily when unchanged."""

    def get_signing_serializer(self, app: Flask) -> URLSafeTimedSerializer | None:
        """Every request opens its session here first, so the secret key (also CSRF's) is
        in place before anything signs with it."""
        if not app.secret_key:
            app.secret_key = persistent_secret_key(app.instance_path)
        return super().get_signing_serializer(app)

    def should_set_cookie(self, app: Flask, session: SessionMixin) -> bool:
        """Called by ``save_session`` just before signing: a permanent session not yet
        sent today is stamped with the day (so the cookie says when it was last renewed)
        and sent."""
        if session.permanent:
            today = int(clock.now().timestamp() // SECONDS_PER_DAY)
            if session.get(DAY_KEY) != today:
                session[DAY_KEY] = today
                return True
        return session.modified


def install(app: Flask) -> None:
    app.session_interface = DailyRenewedSessions()

"""The session cookie: signed as Flask signs it, but sent back only when its content
changed or once a day, instead of on every response.

Flask re-signs and re-sends a permanent session's cookie on every response
(``SESSION_REFRESH_EACH_REQUEST``) so that it keeps expiring a full lifetime after the
last visit. Signing costs CPU on every request, a whole class answering at once makes many
of them, and a day's precision is plenty for a lifetime of 400 days: the first request of
each (UTC) day renews the cookie and its expiry.
"""

from __future__ import annotations

from flask import Flask
from flask.sessions import SecureCookieSessionInterface, SessionMixin

from quizapp.web import clock

DAY_KEY = "_day"  # the UTC day (days since the epoch) the cookie was last sent on
SECONDS_PER_DAY = 86_400


class DailyRenewedSessions(SecureCookieSessionInterface):
    """Flask's signed-cookie sessions, renewed at most daily when unchanged."""

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

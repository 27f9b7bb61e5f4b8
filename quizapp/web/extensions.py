"""The request-level extension singletons, created unbound and initialised by ``create_app``:
``csrf`` (Flask-WTF's CSRF protection) and ``limiter`` (Flask-Limiter, keyed by client address).
"""

from __future__ import annotations

from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import CSRFProtect

csrf = CSRFProtect()
limiter = Limiter(key_func=get_remote_address)

__all__ = ["csrf", "limiter"]

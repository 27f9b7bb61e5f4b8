"""Throttling of password checks per account and per client address, with backoff.

Every place that checks a password (login, the profile forms, a student coming back
through ``/join``, setting a class password) calls ``check`` first and ``failed`` or
``succeeded`` after. Failures are counted in the rate limiter's storage (memory, or Redis
shared by all workers) under two keys:

* this account from this address: after 5 failures, waits double from 1 s to 15 minutes;
  a success from that address clears it. This is what stops a guesser.
* this account from anywhere: after 20 failures, 1 s doubling to 1 minute only, so a
  stranger who knows a username can slow its owner to one try a minute, never lock them out.

Per address, whatever the account, the limit is Flask-Limiter's ``LOGIN_RATE_LIMIT``
(``password_checks``): a fixed budget rather than a backoff, because a whole class often
shares one school address.

A throttled request is refused before the (slow) password check with a message saying how
long to wait (``Throttled``, a 429). ``password_checks`` is the per-address limit
(``LOGIN_RATE_LIMIT``) every password form shares with the login; only wrong passwords
count against it.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from flask import current_app, g
from flask_limiter.util import get_remote_address

from quizapp.domain.backoff import Backoff, describe_wait
from quizapp.web.extensions import limiter

MEMORY_SECONDS = 24 * 3600  # failures are forgotten a day after the first of them
PAIR = Backoff(free=5, first=1.0, cap=15 * 60)
ACCOUNT = Backoff(free=20, first=1.0, cap=60)


PASSWORD_SCOPE = "password-checks"


def login_limit() -> str:
    return str(current_app.config["LOGIN_RATE_LIMIT"])


def _wrong_password(response: object) -> bool:
    return bool(g.get("wrong_password"))


password_checks = limiter.shared_limit(
    login_limit, scope=PASSWORD_SCOPE, methods=["POST"], deduct_when=_wrong_password
)


class Throttled(Exception):
    """Too many failed password checks: wait ``seconds`` (a 429 saying how long)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        super().__init__(f"Too many wrong passwords. Try again in {describe_wait(seconds)}.")


@dataclass(frozen=True)
class _Bucket:
    key: str
    backoff: Backoff


def _buckets(account: str) -> list[_Bucket]:
    address = get_remote_address()
    return [
        _Bucket(f"pw:pair:{account}:{address}", PAIR),
        _Bucket(f"pw:acct:{account}", ACCOUNT),
    ]


def _enabled() -> bool:
    return bool(current_app.config.get("RATELIMIT_ENABLED", True))


def check(account: str) -> None:
    """Raise ``Throttled`` while any bucket of ``account`` (e.g. "id:7") waits."""
    if not _enabled():
        return
    storage = limiter.storage
    waits = [
        storage.get_expiry("wait:" + b.key) - time.time()
        for b in _buckets(account)
        if storage.get("wait:" + b.key) > 0
    ]
    if waits and max(waits) > 0:
        raise Throttled(max(waits))


def record(account: str, *, wrong: bool, checked: bool) -> None:
    """After a password check (``checked``: one was made at all): count it either way."""
    g.wrong_password = wrong
    if wrong:
        failed(account)
    elif checked:
        succeeded(account)


def failed(account: str) -> None:
    """Count a wrong password against each bucket and start its wait, if any."""
    if not _enabled():
        return
    storage = limiter.storage
    for bucket in _buckets(account):
        failures = storage.incr("n:" + bucket.key, MEMORY_SECONDS)
        delay = bucket.backoff.delay(failures)
        if delay > 0:
            storage.clear("wait:" + bucket.key)
            # Whole seconds: Redis stores expiries as integers.
            storage.incr("wait:" + bucket.key, max(1, math.ceil(delay)))


def succeeded(account: str) -> None:
    """The right password: this address's failures for the account are forgotten."""
    if not _enabled():
        return
    pair = _buckets(account)[0]
    limiter.storage.clear("n:" + pair.key)
    limiter.storage.clear("wait:" + pair.key)


def account_key(user_id: int | None, typed_name: str = "") -> str:
    """The bucket name of an account: its id, or (no such account) the name typed, so a
    missing account is throttled like an existing one."""
    return f"id:{user_id}" if user_id is not None else f"name:{typed_name[:40]}"

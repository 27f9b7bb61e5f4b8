"""Where the tests find PostgreSQL and Redis, so that a newcomer's ``pytest`` uses the servers
already running on this machine.

* The variable (``QUIZAPP_TEST_POSTGRES_URL``, ``QUIZAPP_TEST_REDIS_URL``) wins when it is set;
  set to an empty value, it turns those tests off (they skip, saying why).
* Unset: the default local server (PostgreSQL on 127.0.0.1:5432, database ``test``, user
  ``postgres`` without a password; Redis on 127.0.0.1:6379) is used when it answers a real
  connection, checked once per test session.

``QUIZAPP_REQUIRE_ALL=1`` (``tests/conftest.py``) still turns the resulting skips into failures.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Mapping

POSTGRES_ENV = "QUIZAPP_TEST_POSTGRES_URL"
REDIS_ENV = "QUIZAPP_TEST_REDIS_URL"
POSTGRES_DEFAULT = "postgresql://postgres@127.0.0.1:5432/test"
REDIS_DEFAULT = "redis://127.0.0.1:6379/0"


def service_url(
    environ: Mapping[str, str], env: str, default: str, answers: Callable[[str], bool]
) -> str | None:
    """The variable's value if set (empty: None), else ``default`` if it answers, else None."""
    if env in environ:
        return environ[env] or None
    return default if answers(default) else None


def postgres_answers(url: str) -> bool:
    try:
        import psycopg
    except ImportError:
        return False
    try:
        with psycopg.connect(url, connect_timeout=2):
            return True
    except psycopg.Error:
        return False


def redis_answers(url: str) -> bool:
    try:
        import redis
    except ImportError:
        return False
    client = redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1)
    try:
        return bool(client.ping())
    except redis.RedisError:
        return False
    finally:
        client.close()


@functools.cache
def postgres_url() -> str | None:
    return service_url(os.environ, POSTGRES_ENV, POSTGRES_DEFAULT, postgres_answers)


@functools.cache
def redis_url() -> str | None:
    return service_url(os.environ, REDIS_ENV, REDIS_DEFAULT, redis_answers)


def missing(env: str, default: str) -> str:
    """Why a test skips: for the skip message."""
    if env in os.environ:
        return f"{env} is set empty"
    return f"nothing answers at {default} and {env} is not set"

"""With a Redis URL configured, login limits and the password backoff are shared by every
worker: two app instances (two gunicorn workers, say) count failed logins together, and the
counts are kept in Redis.
Needs Redis: QUIZAPP_TEST_REDIS_URL, or the local server on 127.0.0.1:6379 when it answers."""

from __future__ import annotations

import secrets
from collections.abc import Callable

import pytest
from flask import Flask

from tests import local_services


@pytest.fixture
def redis_url() -> str:
    pytest.importorskip("redis", reason="the redis package is not installed")
    url = local_services.redis_url()
    if not url:
        pytest.skip(local_services.missing(local_services.REDIS_ENV, local_services.REDIS_DEFAULT))
    return url


def failed_login(app: Flask, username: str) -> int:
    response = app.test_client().post(
        "/account/login", data={"username": username, "password": "wrong pass"}
    )
    return response.status_code


def test_two_workers_share_the_password_backoff(
    make_app: Callable[..., Flask], deck_id: int, redis_url: str
) -> None:
    shared = {
        "RATELIMIT_ENABLED": True,
        "RATELIMIT_STORAGE_URI": redis_url,
        "LOGIN_RATE_LIMIT": "1000 per minute",
    }
    # A name of its own, so that other runs sharing this Redis (and the limiter's
    # process-wide key prefix) never count against this test.
    name = "ada" + secrets.token_hex(6)
    worker_a, worker_b = make_app(**shared), make_app(**shared)
    codes = [failed_login(worker, name) for worker in (worker_a, worker_b) * 2]
    codes.append(failed_login(worker_a, name))  # the fifth failure starts a 1 s wait
    assert codes == [401] * 5
    assert failed_login(worker_b, name) == 429
    # The counts live in Redis, where every worker process reads them, not in a process.
    redis = pytest.importorskip("redis")
    stored = list(redis.Redis.from_url(redis_url).scan_iter(match=f"*{name}*"))
    assert stored, "no throttle key in Redis"

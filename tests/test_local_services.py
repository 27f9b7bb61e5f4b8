"""The tests find PostgreSQL and Redis by themselves: the variable wins (empty: off), else the
default local server when it answers, else nothing (those tests skip, saying why)."""

from __future__ import annotations

from tests.local_services import postgres_answers, redis_answers, service_url

DEFAULT = "scheme://127.0.0.1:1/x"


def test_the_variable_wins_and_empty_turns_the_tests_off() -> None:
    def never_asked(url: str) -> bool:
        raise AssertionError(f"asked {url}")

    assert service_url({"V": "scheme://elsewhere/"}, "V", DEFAULT, never_asked) == (
        "scheme://elsewhere/"
    )
    assert service_url({"V": ""}, "V", DEFAULT, never_asked) is None


def test_unset_uses_the_local_server_only_when_it_answers() -> None:
    assert service_url({}, "V", DEFAULT, lambda url: url == DEFAULT) == DEFAULT
    assert service_url({}, "V", DEFAULT, lambda url: False) is None


def test_nothing_listening_does_not_answer() -> None:
    assert not postgres_answers("postgresql://postgres@127.0.0.1:1/test")
    assert not redis_answers("redis://127.0.0.1:1/0")

"""Suite-wide rules: in CI (QUIZAPP_REQUIRE_ALL=1) a skipped test is a failed test."""

from __future__ import annotations

import os

import pytest

REQUIRE_ALL = os.environ.get("QUIZAPP_REQUIRE_ALL", "") not in ("", "0")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    outcome = yield
    report = outcome.get_result()
    if REQUIRE_ALL and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"skipped, but QUIZAPP_REQUIRE_ALL=1 forbids skips: {reason}"

"""Backoff for failed password checks: how long to wait after ``n`` failures.

Pure arithmetic; ``quizapp.web.throttle`` counts the failures and enforces the wait.
A few failures are free (typos), then each further one doubles the wait up to a cap, so
guessing slows to a crawl while the owner, at worst, waits the cap once: never a lockout.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Backoff:
    """``free`` failures cost nothing; the next waits ``first`` seconds, doubling to ``cap``."""

    free: int
    first: float
    cap: float

    def delay(self, failures: int) -> float:
        """Seconds to wait after ``failures`` consecutive failures."""
        if failures < self.free:
            return 0.0
        # min() before the power: 2 ** 10_000 is a valid int but an OverflowError as float.
        return min(self.cap, self.first * 2 ** min(failures - self.free, 64))


def describe_wait(seconds: float) -> str:
    """ "3 seconds", "2 minutes": the wait in words, rounded up."""
    whole = max(1, int(-(-seconds // 1)))
    if whole < 60:
        return f"{whole} second{'s' if whole != 1 else ''}"
    minutes = -(-whole // 60)
    return f"{minutes} minute{'s' if minutes != 1 else ''}"

"""The question set of an attempt: fixed when the attempt starts, reproducible from its seed.

``pick`` is pure: the same pool, count and seed always give the same questions in the same
order, so an attempt can be re-derived (and tested) from what is stored on it.
"""

from __future__ import annotations

import random
from collections.abc import Iterable

SEED_BITS = 31  # fits a signed 32-bit INTEGER column on every backend


def new_seed(rng: random.Random | None = None) -> int:
    return (rng or random.SystemRandom()).getrandbits(SEED_BITS)


def pick(pool: Iterable[str], count: int, seed: int) -> list[str]:
    """``count`` question ids (all of them if the pool is smaller), in a seeded random order."""
    ordered = sorted(set(pool))  # independent of the order the database returned them in
    return random.Random(seed).sample(ordered, min(count, len(ordered)))

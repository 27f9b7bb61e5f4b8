"""The question set of an attempt: fixed when the attempt starts, reproducible from seeds.

``pick`` and ``questions_for`` are pure: the same pool, count and seeds always give the
same questions in the same order, so an attempt can be re-derived (and tested) from what
is stored on it and on its assignment. Neither ever draws two siblings (``siblings``).
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence

from quizapp.domain.siblings import Origin, draw

SEED_BITS = 31  # fits a signed 32-bit INTEGER column on every backend


def new_seed(rng: random.Random | None = None) -> int:
    return (rng or random.SystemRandom()).getrandbits(SEED_BITS)


def pick(pool: Iterable[str], count: int, seed: int) -> list[str]:
    """``count`` question ids (all of them if the pool is smaller), in a seeded random order."""
    return draw([Origin(qid) for qid in set(pool)], count, seed)


def questions_for(
    origins: Sequence[Origin], count: int, *, draw_seed: int, order_seed: int | None
) -> list[str]:
    """An attempt's questions: drawn with ``draw_seed`` (the assignment's seed when every
    student gets the same questions, the attempt's own otherwise), then shuffled with
    ``order_seed`` — or, when it is None, in deck order (the order of ``origins``)."""
    chosen = draw(origins, count, draw_seed)
    if order_seed is None:
        position = {o.id: i for i, o in enumerate(origins)}
        return sorted(chosen, key=position.__getitem__)
    random.Random(order_seed).shuffle(chosen)
    return chosen

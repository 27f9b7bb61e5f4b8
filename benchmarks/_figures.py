"""Figures shared by the HTTP benchmarks (``bench_load.py``, ``bench_classroom.py``): latency
percentiles. Imported as ``_figures``, like ``_server``."""

from __future__ import annotations

import statistics


def percentile(values: list[float], q: int) -> float:
    """The ``q``-th percentile (1–99) of ``values``; the one value, or 0.0, for fewer than
    two (``statistics.quantiles`` needs two)."""
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]

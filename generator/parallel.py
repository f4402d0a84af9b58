"""Using both cores for corpus-level work that splits into independent pieces.

Workers are forked, so they share the (read-only) corpus with the parent
without pickling it; only each piece's result travels back. Results come back
in input order, so output stays deterministic. Small jobs, or a platform
without ``fork``, run in this process.
"""

from __future__ import annotations

import multiprocessing
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 200
"""Below this many pieces, starting workers costs more than it saves."""

_TASK: Callable[[object], object] | None = None


def _run(item: object) -> object:
    assert _TASK is not None
    return _TASK(item)


def fork_map(task: Callable[[T], R], items: Sequence[T], jobs: int) -> list[R]:
    """``[task(x) for x in items]``, on ``jobs`` forked processes when worth it."""
    global _TASK
    if jobs <= 1 or len(items) < MIN_ITEMS or "fork" not in multiprocessing.get_all_start_methods():
        return [task(item) for item in items]
    _TASK = task  # type: ignore[assignment]
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            return pool.map(_run, items, chunksize=max(1, len(items) // (jobs * 4)))  # type: ignore[arg-type]
    finally:
        _TASK = None

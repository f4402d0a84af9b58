"""Corpus-wide work spread over the machine's cores.

Digests and pages read the whole corpus: sending it to worker processes
would cost more than the work. Forked workers inherit it instead (the
parent's memory is shared copy-on-write), so only the small items go out
and the results come back. Where ``fork`` is not available (Windows,
macOS' default) the work runs in this process; the output is the same
either way, in the order of the items.
"""

from __future__ import annotations

import multiprocessing
import sys
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_WORK: tuple[Callable[[object], object], Sequence[object]] | None = None
"""The function and the items of the map in progress: set just before the fork, inherited by it."""


def _apply(span: tuple[int, int]) -> list[object]:
    assert _WORK is not None
    task, items = _WORK
    return [task(items[n]) for n in range(*span)]


def can_fork() -> bool:
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def fork_map(task: Callable[[T], R], items: Sequence[T], jobs: int, min_items: int = 64) -> list[R]:
    """``[task(item) for item in items]``, on ``jobs`` processes when there are enough items.

    This process is one of the ``jobs``: it forks ``jobs - 1`` workers, and
    each takes runs of items (about eight runs per process, so that a slow run
    does not leave a core idle) while this one works through the runs from
    the end, taking each one no worker has started. Every forked worker
    copies the pages of the corpus it touches (reference counts are written),
    so one fewer worker is that much less memory.

    ``task`` and ``items`` may be anything (closures over the corpus): the
    workers inherit them, and only index ranges go out. The results must pickle.
    """
    if jobs <= 1 or len(items) < min_items or not can_fork():
        return [task(item) for item in items]
    global _WORK
    size = max(1, len(items) // (jobs * 8))
    spans = [(start, min(start + size, len(items))) for start in range(0, len(items), size)]
    _WORK = (task, items)  # type: ignore[assignment]
    try:
        with ProcessPoolExecutor(max_workers=jobs - 1, mp_context=multiprocessing.get_context("fork")) as pool:
            futures = [pool.submit(_apply, span) for span in spans]
            own: dict[int, list[object]] = {}
            for n in range(len(spans) - 1, -1, -1):
                if not futures[n].cancel():  # a worker has it: the rest are theirs too
                    break
                own[n] = _apply(spans[n])
            runs = [own[n] if n in own else futures[n].result() for n in range(len(spans))]
    finally:
        _WORK = None
    return [result for run in runs for result in run]  # type: ignore[misc]

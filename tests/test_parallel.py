"""fork_map: same results, same order, as a plain loop."""

from __future__ import annotations

import os

from generator.parallel import MIN_ITEMS, fork_map


def test_fork_map_keeps_order_and_results():
    offset = 7  # a closure over local state, as the pipeline uses
    items = list(range(MIN_ITEMS * 3))
    assert fork_map(lambda x: (x * x + offset, os.getpid() > 0), items, 2) == [(x * x + offset, True) for x in items]


def test_fork_map_really_uses_workers_for_large_inputs():
    parent = os.getpid()
    pids = set(fork_map(lambda _: os.getpid(), list(range(MIN_ITEMS * 4)), 2))
    assert parent not in pids


def test_small_inputs_stay_in_this_process():
    parent = os.getpid()
    assert set(fork_map(lambda _: os.getpid(), list(range(MIN_ITEMS - 1)), 2)) == {parent}

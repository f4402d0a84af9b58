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
import os
import sys
import traceback
from typing import Any, Callable, Generic, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def can_fork() -> bool:
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


class _Failed:
    """A task's exception as a forked worker saw it (re-raised in this process)."""

    def __init__(self, index: int, error: BaseException) -> None:
        self.index, self.error = index, error
        self.trace = "".join(traceback.format_exception(error))


def fork_map(task: Callable[[T], R], items: Sequence[T], jobs: int, min_items: int = 64) -> list[R]:
    """``[task(item) for item in items]``, on ``jobs`` processes when there are enough items.

    This process is one of the ``jobs``: it takes items from the first one
    forwards while ``jobs - 1`` forked workers take them from the last one
    backwards, one at a time, under one shared lock, until they meet. Each
    worker sends all its results back when it is done. Nothing else travels:
    no queue, no thread in this process that would need the interpreter lock
    while this process works (with a pool executor, the thread feeding the
    worker waited for that lock and the worker sat idle for most of a run).

    ``task`` and ``items`` may be anything (closures over the corpus): the
    workers inherit them. The results must pickle. If a worker dies, the
    items it took are done here; a task's exception is raised here.
    """
    if jobs <= 1 or len(items) < min_items or not can_fork():
        return [task(item) for item in items]
    context = multiprocessing.get_context("fork")
    lock = context.Lock()
    bounds = context.RawArray("l", [0, len(items)])  # [next item from the front, lowest item taken from the back]
    workers = []
    for _ in range(jobs - 1):
        receiver, sender = context.Pipe(duplex=False)
        worker = context.Process(target=_work, args=(task, items, lock, bounds, sender), daemon=True)
        worker.start()
        sender.close()
        workers.append((worker, receiver))
    results: dict[int, Any] = {}
    try:
        while True:
            with lock:
                n = bounds[0]
                if n >= bounds[1]:
                    break
                bounds[0] = n + 1
            results[n] = task(items[n])
    except BaseException:
        for worker, _ in workers:
            worker.terminate()
        raise
    for worker, receiver in workers:
        try:
            done = receiver.recv()
        except (EOFError, OSError):  # the worker died: what it took is done below
            done = {}
        worker.join()
        if isinstance(done, _Failed):
            raise done.error from RuntimeError(f"in a forked worker, item {done.index}:\n{done.trace}")
        results.update(done)
    return [results[n] if n in results else task(items[n]) for n in range(len(items))]


def _work(task: Callable[[Any], Any], items: Sequence[Any], lock: Any, bounds: Any, sender: Any) -> None:
    """In a forked worker: take items from the back until the front reaches them; send the results."""
    done: dict[int, Any] = {}
    try:
        while True:
            with lock:
                n = bounds[1] - 1
                if n < bounds[0]:
                    break
                bounds[1] = n
            try:
                done[n] = task(items[n])
            except BaseException as error:  # noqa: BLE001 (sent back and raised there)
                sender.send(_Failed(n, error))
                return
        sender.send(done)
    finally:
        sender.close()
        os._exit(0)  # no interpreter teardown: the parent owns every file and lock it inherited


class Forked(Generic[R]):
    """``call()`` worked out in a forked process while this one does something else;
    :meth:`result` waits for it. Without ``fork`` (or when ``enabled`` is false), or if
    the process dies, ``call()`` runs here when the result is asked for; its exception is
    raised here. The result must pickle; ``call`` may be any closure (it is inherited)."""

    def __init__(self, call: Callable[[], R], enabled: bool = True) -> None:
        self.call = call
        self.process: Any = None
        if enabled and can_fork():
            context = multiprocessing.get_context("fork")
            self.receiver, sender = context.Pipe(duplex=False)
            self.process = context.Process(target=_call, args=(call, sender), daemon=True)
            self.process.start()
            sender.close()

    def result(self) -> R:
        if self.process is None:
            return self.call()
        try:
            done = self.receiver.recv()
        except (EOFError, OSError):  # the process died: work it out here
            done = {}
        finally:
            self.receiver.close()
        self.process.join()
        self.process = None
        if isinstance(done, _Failed):
            raise done.error from RuntimeError(f"in a forked process:\n{done.trace}")
        return done[0] if 0 in done else self.call()


def _call(call: Callable[[], Any], sender: Any) -> None:
    """In a forked process: ``{0: call()}`` (or the failure) sent back."""
    try:
        try:
            result: Any = {0: call()}
        except BaseException as error:  # noqa: BLE001 (sent back and raised there)
            result = _Failed(0, error)
        sender.send(result)
    finally:
        sender.close()
        os._exit(0)  # as in _work: no interpreter teardown

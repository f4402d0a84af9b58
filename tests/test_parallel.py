"""fork_map gives what a plain loop gives, in order, whether or not it forks."""

from __future__ import annotations

import os
import time

import pytest

from generator.parallel import can_fork, fork_map


def test_results_come_back_in_order_from_several_processes() -> None:
    offset = {"n": 1000}  # the task is a closure: workers inherit it, nothing is pickled

    def task(x: int) -> tuple[int, int]:
        time.sleep(0.002)  # slow enough that the forked worker takes some of the runs
        return x + offset["n"], os.getpid()

    items = list(range(300))
    got = fork_map(task, items, jobs=2, min_items=10)
    assert [value for value, _ in got] == [x + 1000 for x in items]
    if can_fork():
        assert len({pid for _, pid in got}) == 2  # this process and one worker


def test_few_items_or_one_job_run_in_this_process() -> None:
    for items, jobs in ((list(range(5)), 2), (list(range(300)), 1)):
        got = fork_map(lambda x: (x * 2, os.getpid()), items, jobs=jobs, min_items=10)
        assert got == [(x * 2, os.getpid()) for x in items]


def test_a_failure_in_a_worker_is_raised_here() -> None:
    def task(x: int) -> int:
        if x == 123:
            raise ValueError("item 123 is bad")
        return x

    with pytest.raises(ValueError, match="item 123"):
        fork_map(task, list(range(300)), jobs=2, min_items=10)


def test_the_items_of_a_worker_that_dies_are_done_here() -> None:
    parent = os.getpid()

    def task(x: int) -> int:
        if x == 250 and os.getpid() != parent:
            os._exit(3)  # a worker killed mid-run (out of memory, a signal)
        time.sleep(0.001)
        return x * 3

    assert fork_map(task, list(range(300)), jobs=2, min_items=10) == [x * 3 for x in range(300)]


def test_a_folder_read_on_two_processes_is_read_as_on_one(tmp_path) -> None:
    """Many files are read by forked readers; the articles, the errors (one per bad file,
    in name order) and the stamps are those one process finds."""
    import pickle

    from generator.errors import ArticleError
    from generator.readers import PARALLEL_READ, read_folder_stamped

    for n in range(PARALLEL_READ + 20):
        text = f"date 2024-03-{n % 28 + 1:02d}\n\nArticle number {n} says something about Delhi.\n"
        if n % 97 == 5:
            text = "no date line here\n"
        (tmp_path / f"{n:04d}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "0003.txt").write_bytes(b"\xff\xfe not text")
    one = read_folder_stamped(tmp_path, jobs=1)
    two = read_folder_stamped(tmp_path, jobs=2)
    assert [a.content_hash for a in two[0]] == [a.content_hash for a in one[0]]
    assert two[0] == one[0] and two[2] == one[2]
    assert [str(e) for e in two[1]] == [str(e) for e in one[1]] and len(one[1]) == 7
    error = pickle.loads(pickle.dumps(ArticleError("x.txt", "bad")))
    assert (error.path, error.reason, str(error)) == ("x.txt", "bad", "x.txt: bad")


def test_work_done_on_each_article_where_it_is_read_comes_back_for_each_article_read(tmp_path) -> None:
    """``then`` runs on every article read now (in whichever process read it), on none a
    previous run read or that failed to read; its results are the same on one process or two."""
    from generator.readers import PARALLEL_THEN, read_folder_stamped

    for n in range(PARALLEL_THEN * 3):
        (tmp_path / f"{n:04d}.txt").write_text(f"date 2024-03-{n % 28 + 1:02d}\n\nArticle {n} on Delhi.\n",
                                               encoding="utf-8")
    (tmp_path / "0001.txt").write_text("no date line here\n", encoding="utf-8")

    def then(article):
        return (article.source, len(article.paragraphs[0]), os.getpid() != here)

    here = os.getpid()
    first = read_folder_stamped(tmp_path, jobs=1, then=then)
    known = {a.source: (first[2][a.source], a) for a in first[0][:10]}  # as a previous run left them
    for jobs in (1, 2):
        articles, errors, _, after = read_folder_stamped(tmp_path, jobs=jobs, known=known, then=then)
        assert len(articles) == PARALLEL_THEN * 3 - 1 and [e.path for e in errors] == ["0001.txt"]
        assert set(after) == {a.source for a in articles} - set(known)
        assert {source: result[:2] for source, result in after.items()} == {
            a.source: (a.source, len(a.paragraphs[0])) for a in articles if a.source not in known}
        if jobs == 2 and can_fork():
            assert any(result[2] for result in after.values())  # some were read by the worker


def test_a_forked_call_gives_its_result_or_raises_here() -> None:
    from generator.parallel import Forked

    base = {"n": 41}
    got = Forked(lambda: (base["n"] + 1, os.getpid()))
    value, pid = got.result()
    assert value == 42 and (pid != os.getpid()) == can_fork()
    assert Forked(lambda: base["n"], enabled=False).result() == 41

    def bad() -> int:
        raise KeyError("missing piece")

    with pytest.raises(KeyError, match="missing piece"):
        Forked(bad).result()


def test_a_forked_call_that_dies_is_worked_out_here() -> None:
    from generator.parallel import Forked

    parent = os.getpid()

    def call() -> int:
        if os.getpid() != parent:
            os._exit(3)  # the forked process dies without a word
        return 7

    assert Forked(call).result() == 7

"""Two versions of the generator on one corpus, run in turns: is B faster than A?

On a shared machine a single timing can be off by a third (the speed of a
plain CPU loop moved by 50% within one session here), so comparing today's
``make bench`` with last week's says little. This checks out both commits,
writes one synthetic corpus, and times them alternately (A, B, A, B ...):
``generate`` from scratch, a rerun with nothing changed, and a rerun after
adding one article. It reports every run, and the minimum and median per
version: the minimum is the best estimate of what the code costs, the noise
only adds to it.

    python -m bench.compare 989a124 HEAD --size 5000 --rounds 5

Nothing is installed: both versions run on this checkout's virtual
environment, from a neutral folder with ``PYTHONPATH`` set to each worktree.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .corpus import write_corpus, write_extra_article
from .run import compile_bytecode

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def _worktree(rev: str, where: Path) -> Path:
    subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", "-q", str(where), rev], check=True)
    compile_bytecode(where)
    return where


def _generate(code: Path, seeds: Path, docs: Path) -> float:
    """Wall time of one ``python -m generator generate``, after a disk sync."""
    os.sync()
    env = {**os.environ, "PYTHONPATH": str(code)}
    start = time.perf_counter()
    subprocess.run([PYTHON, "-m", "generator", "generate", "--seeds", str(seeds), "--docs", str(docs)],
                   cwd=docs.parent, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def compare(revs: list[str], size: int, rounds: int, seed: int, work: Path) -> dict[str, dict[str, list[float]]]:
    seeds = work / "seeds"
    write_corpus(seeds, size, seed=seed)
    codes = {rev: _worktree(rev, work / f"code-{n}") for n, rev in enumerate(revs)}
    times: dict[str, dict[str, list[float]]] = {rev: {"scratch": [], "noop": [], "add_one": []} for rev in revs}
    for round_ in range(1, rounds + 1):
        for n, rev in enumerate(revs):
            # A new folder each round, all deleted at the end: right after deleting thousands of files,
            # creating files here is several times slower for minutes (see bench.run.main).
            docs = work / f"docs-{n}-{round_}"
            docs.mkdir()
            times[rev]["scratch"].append(_generate(codes[rev], seeds, docs))
            times[rev]["noop"].append(_generate(codes[rev], seeds, docs))
            extra = write_extra_article(seeds, size, seed=seed, extra_seed=seed + 1)
            try:
                times[rev]["add_one"].append(_generate(codes[rev], seeds, docs))
            finally:
                extra.unlink()
            print(f"round {round_} {rev:>12}: " + "  ".join(
                f"{kind} {times[rev][kind][-1]:5.2f} s" for kind in ("scratch", "noop", "add_one")), flush=True)
    return times


def report(times: dict[str, dict[str, list[float]]], size: int) -> str:
    lines = [f"| version ({size:,} articles), min / median | from scratch | rerun, nothing new | rerun, one article added |",
             "|---|---:|---:|---:|"]
    for rev, kinds in times.items():
        cells = [f"{min(v):.2f} / {statistics.median(v):.2f} s" for v in kinds.values()]
        lines.append(f"| {rev} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.compare", description=__doc__.split("\n\n")[0])
    p.add_argument("revs", nargs=2, metavar="REV", help="two commits (A, then B), e.g. main~5 HEAD")
    p.add_argument("--size", type=int, default=5000, help="articles in the corpus (default 5000)")
    p.add_argument("--rounds", type=int, default=3, help="runs of each version, in turns (default 3)")
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bench-compare-"))
    try:
        times = compare(args.revs, args.size, args.rounds, args.seed, work)
        print()
        print(report(times, args.size))
    finally:
        for code in work.glob("code-*"):
            subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(code)], check=False)
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

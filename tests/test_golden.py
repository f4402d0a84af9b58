"""Golden files: the Markdown generated from seeds/ is exactly tests/golden/.

The analysis is still changing; when a change to the output is intended,
regenerate the golden tree and review the diff in git:

    .venv/bin/pytest tests/test_golden.py --update-golden
    git diff tests/golden
"""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from conftest import GOLDEN
from generator.cache import CACHE_NAME
from generator.pipeline import generate

IGNORED = {CACHE_NAME}


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (hidden ones included, the analysis cache excluded)."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name not in IGNORED
    }


def run(seeds: Path, docs: Path):
    report = generate(seeds, docs)
    assert report.ok, [str(e) for e in report.rejected]
    return report


@pytest.fixture(scope="module")
def generated(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    docs = tmp_path_factory.mktemp("golden") / "docs"
    run(seeds_dir, docs)
    return tree(docs)


def _diff(path: str, expected: bytes, actual: bytes) -> str:
    return "".join(difflib.unified_diff(
        expected.decode("utf-8").splitlines(keepends=True),
        actual.decode("utf-8").splitlines(keepends=True),
        fromfile=f"tests/golden/{path}", tofile=f"generated/{path}",
    ))


def test_golden_tree(generated: dict[str, bytes], update_golden: bool) -> None:
    if update_golden:
        if GOLDEN.exists():
            shutil.rmtree(GOLDEN)
        for path, data in generated.items():
            (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / path).write_bytes(data)
        pytest.skip(f"rewrote {len(generated)} golden files under tests/golden/")
    assert GOLDEN.is_dir() and tree(GOLDEN), (
        "no golden files: run 'pytest tests/test_golden.py --update-golden'")
    expected = tree(GOLDEN)
    problems = []
    missing = sorted(set(expected) - set(generated))
    extra = sorted(set(generated) - set(expected))
    if missing:
        problems.append("not generated any more: " + ", ".join(missing))
    if extra:
        problems.append("new, not in tests/golden/: " + ", ".join(extra))
    for path in sorted(set(expected) & set(generated)):
        if expected[path] != generated[path]:
            problems.append(_diff(path, expected[path], generated[path]))
    assert not problems, (
        "generated Markdown differs from tests/golden/ (if intended: "
        "pytest tests/test_golden.py --update-golden)\n\n" + "\n".join(problems)
    )


def test_golden_tree_covers_every_page_kind() -> None:
    files = tree(GOLDEN)
    assert "index.md" in files and "topics/index.md" in files and "tags.md" in files
    for folder in ("articles/", "topics/", "entities/", "timeline/"):
        assert any(p.startswith(folder) and p != f"{folder}index.md" for p in files), folder


def test_two_runs_in_two_folders_are_byte_identical(seeds_dir: Path, tmp_path: Path) -> None:
    run(seeds_dir, tmp_path / "one")
    run(seeds_dir, tmp_path / "two")
    one, two = tree(tmp_path / "one"), tree(tmp_path / "two")
    assert sorted(one) == sorted(two)
    different = [p for p in one if one[p] != two[p]]
    assert not different, _diff(different[0], one[different[0]], two[different[0]])


def test_rerun_into_same_folder_writes_nothing(seeds_dir: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    first = run(seeds_dir, docs)
    assert first.write is not None and first.write.written
    stamps = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in docs.rglob("*.md")}
    again = run(seeds_dir, docs)
    assert again.write is not None
    assert again.write.written == []
    assert again.write.deleted == []
    assert again.cached == first.articles and again.analysed == 0
    assert {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in docs.rglob("*.md")} == stamps


def test_uncached_run_matches_cached_run(seeds_dir: Path, tmp_path: Path) -> None:
    """The analysis cache must not change the output: a warm rerun after deleting a page restores it exactly."""
    docs = tmp_path / "docs"
    run(seeds_dir, docs)
    before = tree(docs)
    victim = sorted(p for p in before if p.startswith("articles/") and p.count("-") > 3)[0]
    (docs / victim).unlink()
    (docs / CACHE_NAME).unlink()
    run(seeds_dir, docs)
    assert tree(docs) == before

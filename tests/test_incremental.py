"""Incremental runs give exactly what a run from scratch gives.

``generate`` keeps analyses, digests and rendered pages between runs (in
``docs/.briefing-cache.sqlite``) and re-renders only what changed. These
tests grow, edit and damage a project step by step and compare its
``docs/`` byte for byte with a fresh project generated from the same input.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.cache import CACHE_NAME
from generator.pipeline import generate

from conftest import SEEDS, copy_scaffold



def _tree(docs: Path) -> dict[str, bytes]:
    return {
        p.relative_to(docs).as_posix(): p.read_bytes()
        for p in sorted(docs.rglob("*"))
        if p.is_file() and p.name != CACHE_NAME
    }


def _fresh(tmp_path: Path, name: str, seeds: Path) -> dict[str, bytes]:
    project = copy_scaffold(tmp_path / name)
    shutil.copytree(seeds, project / "seeds")
    generate(project / "seeds", project / "docs")
    return _tree(project / "docs")


def _assert_same(got: dict[str, bytes], want: dict[str, bytes]) -> None:
    assert sorted(got) == sorted(want)
    differing = [path for path in want if got[path] != want[path]]
    assert not differing, f"incremental output differs from a fresh run in {differing[:5]}"


def test_adding_editing_and_removing_articles_matches_a_fresh_run(tmp_path: Path) -> None:
    seeds = sorted(SEEDS.glob("*.txt"))
    project = copy_scaffold(tmp_path / "grown")
    (project / "seeds").mkdir()
    for seed in seeds[:3]:
        shutil.copy2(seed, project / "seeds" / seed.name)
    first = generate(project / "seeds", project / "docs")
    assert first.write and first.write.written

    # Add the remaining articles one at a time: only pages whose content changes are written.
    for seed in seeds[3:]:
        shutil.copy2(seed, project / "seeds" / seed.name)
        report = generate(project / "seeds", project / "docs")
        assert report.analysed == 1
        assert report.write and report.write.unchanged, "every page was rewritten after adding one article"
    _assert_same(_tree(project / "docs"), _fresh(tmp_path, "fresh-all", project / "seeds"))

    # A rerun with nothing new writes nothing.
    again = generate(project / "seeds", project / "docs")
    assert again.write and not again.write.written and not again.write.deleted

    # Edit one article: same result as a fresh run on the edited input.
    edited = project / "seeds" / seeds[1].name
    edited.write_text(edited.read_text(encoding="utf-8") + "\nThe ministry confirmed the visit on Friday.\n",
                      encoding="utf-8")
    generate(project / "seeds", project / "docs")
    _assert_same(_tree(project / "docs"), _fresh(tmp_path, "fresh-edited", project / "seeds"))

    # Remove one article.
    (project / "seeds" / seeds[0].name).unlink()
    generate(project / "seeds", project / "docs")
    _assert_same(_tree(project / "docs"), _fresh(tmp_path, "fresh-removed", project / "seeds"))


def test_a_deleted_or_damaged_page_is_rendered_again(tmp_path: Path) -> None:
    project = copy_scaffold(tmp_path / "project")
    shutil.copytree(SEEDS, project / "seeds")
    generate(project / "seeds", project / "docs")
    want = _tree(project / "docs")
    article = sorted((project / "docs" / "articles").glob("*.md"))[0]
    article.unlink()
    generate(project / "seeds", project / "docs")
    _assert_same(_tree(project / "docs"), want)

    # A cache file that is not a database is replaced, and the output is the same.
    (project / "docs" / CACHE_NAME).write_bytes(b"not a database")
    generate(project / "seeds", project / "docs")
    _assert_same(_tree(project / "docs"), want)

    # Damaged or foreign entries (another format, a value that names code) are rebuilt, not trusted.
    import pickle
    import sqlite3

    class Boom:
        def __reduce__(self) -> tuple:
            return (print, ("this must never run",))

    with sqlite3.connect(project / "docs" / CACHE_NAME) as db:
        for table, column in (("analysis", "value"), ("digest", "value"), ("input", "article")):
            assert db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] > 0
            db.execute(f"UPDATE {table} SET {column} = ? WHERE rowid % 2 = 0", (pickle.dumps(Boom()),))
            db.execute(f"UPDATE {table} SET {column} = ? WHERE rowid % 2 = 1", (b"\x93\x01\x02",))
    for page in (project / "docs" / "articles").glob("*.md"):
        page.unlink()
    report = generate(project / "seeds", project / "docs")
    assert report.analysed == report.articles
    _assert_same(_tree(project / "docs"), want)


def test_a_page_edited_with_the_same_size_is_noticed(tmp_path: Path) -> None:
    """The page memo trusts a file's size and time only when both are as recorded:
    an edit that keeps the size (right after a run, or later) is still read and refused."""
    import os

    import pytest

    from generator.errors import EditedPageError

    project = copy_scaffold(tmp_path / "project")
    shutil.copytree(SEEDS, project / "seeds")
    generate(project / "seeds", project / "docs")
    page = sorted((project / "docs" / "articles").glob("*.md"))[0]
    for when in ("now", "restored-time"):
        original = page.read_bytes()
        stat = page.stat()
        text = original.decode("utf-8")
        at = text.index("## Article text") + 20
        edited = text[:at] + ("X" if text[at] != "X" else "Y") + text[at + 1:]
        page.write_text(edited, encoding="utf-8")
        if when == "restored-time":  # a time that differs from the recorded one by 1 ns is enough
            os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
        with pytest.raises(EditedPageError):
            generate(project / "seeds", project / "docs")
        page.write_bytes(original)
        generate(project / "seeds", project / "docs")


def test_an_input_edited_with_the_same_size_is_read_again(tmp_path: Path) -> None:
    """The input memo skips a file only when its size and time are as recorded: an edit
    that keeps the size is read, right after a run and when only the time moved by 1 ns."""
    import os

    project = copy_scaffold(tmp_path / "project")
    shutil.copytree(SEEDS, project / "seeds")
    generate(project / "seeds", project / "docs")
    seed = sorted((project / "seeds").glob("*.txt"))[0]
    for when, word in (("now", "Zanzibar"), ("time moved by 1 ns", "Zanzibar")):
        text = seed.read_text(encoding="utf-8")
        stat = seed.stat()
        body = text.split("\n", 1)[1]
        victim = next(w for w in body.split() if w.isalpha() and len(w) == len(word) and w != word)
        seed.write_text(text.replace(victim, word), encoding="utf-8")
        assert seed.stat().st_size == stat.st_size
        if when != "now":
            os.utime(seed, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
        report = generate(project / "seeds", project / "docs")
        assert report.analysed == 1, when
        _assert_same(_tree(project / "docs"), _fresh(tmp_path, f"fresh-{when.split()[0]}", project / "seeds"))


def test_a_cache_file_damaged_inside_is_rebuilt(tmp_path: Path) -> None:
    """The cache is written without waiting for the disk (it is disposable): a file damaged
    past its header (a power cut mid-write) is thrown away and rebuilt, with the same output."""
    project = copy_scaffold(tmp_path / "project")
    shutil.copytree(SEEDS, project / "seeds")
    generate(project / "seeds", project / "docs")
    want = _tree(project / "docs")
    cache = project / "docs" / CACHE_NAME
    data = bytearray(cache.read_bytes())
    page = 4096
    for start in range(page, len(data), page * 2):  # every other page after the header, overwritten
        data[start : start + page] = b"\xa5" * min(page, len(data) - start)
    cache.write_bytes(bytes(data))
    report = generate(project / "seeds", project / "docs")
    assert report.cache_rebuilt
    _assert_same(_tree(project / "docs"), want)
    assert generate(project / "seeds", project / "docs").cache_rebuilt is None


def test_a_cache_file_in_use_by_another_run_is_left_alone(tmp_path: Path) -> None:
    """A locked cache (another generate holds it) is an error that says so, never a damaged
    file to delete: the other run's cache survives."""
    import sqlite3

    import pytest

    from generator.errors import GeneratorError

    project = copy_scaffold(tmp_path / "project")
    shutil.copytree(SEEDS, project / "seeds")
    generate(project / "seeds", project / "docs")
    cache = project / "docs" / CACHE_NAME
    other = sqlite3.connect(cache)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(GeneratorError, match="cannot be used.*another generate"):
            generate(project / "seeds", project / "docs")
    finally:
        other.rollback()
        other.close()
    assert cache.is_file()
    assert generate(project / "seeds", project / "docs").analysed == 0  # the cache is still there and whole


def test_the_cache_key_follows_every_package_import() -> None:
    """The analysis cache's key covers each module the analysis imports; the import scan
    is a line scan, so check it finds what Python's own parser finds, in every module."""
    import ast

    from generator.cache import _relative_imports

    package = Path(__file__).parent.parent / "generator"
    for path in package.rglob("*.py"):
        parsed = set()
        for node in ast.walk(ast.parse(path.read_bytes())):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                parsed.update([node.module.split(".")[0]] if node.module else (a.name for a in node.names))
        assert set(_relative_imports(path.read_bytes())) == parsed, path
    assert _relative_imports(b"from .pages.article import x\nfrom . import (a,\n    b as c)\n"
                             b"def f():\n    from .q import z  # late\n") == ("pages", "a", "b", "q")


def test_a_cached_digest_reads_as_the_digest_it_was_and_decodes_the_rest_when_read(tmp_path: Path) -> None:
    """Digests come back from the cache with their summary, entities and date decoded; the rest
    (facts, timeline, quotes...) is decoded when first read, and equals what was stored."""
    import dataclasses
    import sqlite3

    import pytest

    from generator.cache import CachedDigest, encode
    from generator.models import Digest

    project = copy_scaffold(tmp_path / "project")
    shutil.copytree(SEEDS, project / "seeds")
    report = generate(project / "seeds", project / "docs")
    stored = {digest.key: digest for digest in report.corpus.digests}
    with sqlite3.connect(project / "docs" / CACHE_NAME) as db:
        rows = dict(db.execute("SELECT key, value FROM digest"))
    assert set(rows) == set(stored)
    for key, digest in stored.items():
        cached = CachedDigest.of(rows[key])
        assert "facts" not in cached.__dict__ and (cached.summary, cached.entities) == (digest.summary, digest.entities)
        again = cached.for_topic(digest.topic, key)
        assert isinstance(again, CachedDigest) and "facts" not in again.__dict__
        assert all(getattr(again, f.name) == getattr(digest, f.name) for f in dataclasses.fields(Digest))
        assert encode(again) == encode(digest)
    head_only = encode(dataclasses.replace(next(iter(stored.values())), facts="not facts"))  # type: ignore[arg-type]
    with pytest.raises(sqlite3.DatabaseError):
        CachedDigest.of(head_only).facts  # noqa: B018 (damaged: generate() rebuilds the cache file)

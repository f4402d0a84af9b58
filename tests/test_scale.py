"""A few hundred synthetic articles (``bench.corpus``): the things the five seeds
are too few to show. Digest pages stay bounded however large a topic grows,
and an incremental run on a corpus with real stories, topics and entity pages
gives the same bytes as a run from scratch."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import copy_scaffold

from bench import corpus as synthetic
from generator.cache import CACHE_NAME
from generator.digests import MAX_DIGEST_ARTICLES, MAX_QUOTES, MAX_TIMELINE
from generator.pages.digest import MAX_ARTICLES_LISTED
from generator.pipeline import generate

N = 700


def _tree(docs: Path) -> dict[str, bytes]:
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*"))
            if p.is_file() and p.name != CACHE_NAME}


@pytest.fixture(scope="module")
def grown(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project generated from N articles, then given one more article and generated again."""
    project = copy_scaffold(tmp_path_factory.mktemp("grown"))
    synthetic.write_corpus(project / "seeds", N, seed=0)
    generate(project / "seeds", project / "docs")
    synthetic.write_extra_article(project / "seeds", N, seed=0, extra_seed=1)
    report = generate(project / "seeds", project / "docs")
    assert report.analysed == 1 and report.write is not None
    assert len(report.write.written) < len(report.write.unchanged) / 4, "most pages should be kept"
    return project


def test_incremental_run_equals_a_fresh_run(grown: Path, tmp_path: Path) -> None:
    fresh = copy_scaffold(tmp_path / "fresh")
    shutil.copytree(grown / "seeds", fresh / "seeds")
    generate(fresh / "seeds", fresh / "docs")
    want, got = _tree(fresh / "docs"), _tree(grown / "docs")
    assert sorted(got) == sorted(want)
    assert [p for p in want if got[p] != want[p]] == []


def test_digest_pages_stay_bounded(grown: Path) -> None:
    pages = [p for p in sorted((grown / "docs" / "topics").glob("*.md")) if p.name != "index.md"]
    assert pages
    largest = 0
    for page in pages:
        text = page.read_text(encoding="utf-8")
        total = int(re.search(r"\*Digest of (\d+) articles?", text).group(1))
        largest = max(largest, total)
        timeline = text.split("## Timeline", 1)[1].split("\n## ", 1)[0] if "## Timeline" in text else ""
        assert timeline.count("\n| ") - 1 <= MAX_TIMELINE, page.name  # rows, minus the header
        quotes = text.split("## Who said what", 1)[1].split("\n## ", 1)[0] if "## Who said what" in text else ""
        assert quotes.count("\n> “") <= MAX_QUOTES, page.name
        listed = text.split("\n## Articles", 1)[1]
        assert len(re.findall(r"^\d+\. \[", listed, flags=re.M)) == min(total, MAX_ARTICLES_LISTED), page.name
        if total > MAX_DIGEST_ARTICLES and timeline:
            assert "every date of every article is on the [timeline]" in timeline, page.name
    assert largest > MAX_DIGEST_ARTICLES, "the synthetic corpus should have one topic larger than the bound"

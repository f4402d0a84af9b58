"""The benchmark's synthetic corpus: deterministic, readable, and news-like.

Fast tests only (a few hundred articles); the benchmark itself is ``make bench``.
"""

from __future__ import annotations

import difflib
import random
import re
from collections import Counter
from pathlib import Path

import pytest

from bench import corpus
from generator.readers import read_file

N = 300


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return corpus.write_corpus(tmp_path_factory.mktemp("seeds"), N, seed=0)


@pytest.fixture(scope="module")
def texts(written: list[Path]) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in written]


def test_writes_n_files_named_like_the_seeds(written: list[Path]) -> None:
    assert len(written) == N
    assert all(re.fullmatch(r"\d{5}_[0-9a-f]{16}\.txt", p.name) for p in written)
    assert len({p.name for p in written}) == N


def test_same_seed_gives_identical_files(tmp_path: Path, written: list[Path]) -> None:
    again = corpus.write_corpus(tmp_path / "a", N, seed=0)
    assert [p.name for p in again] == [p.name for p in written]
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(again, written))


def test_another_seed_gives_another_corpus(tmp_path: Path, texts: list[str]) -> None:
    other = [p.read_text(encoding="utf-8") for p in corpus.write_corpus(tmp_path / "b", 50, seed=1)]
    assert not set(other) & set(texts)


def test_every_file_reads_without_error(written: list[Path]) -> None:
    articles = [read_file(p) for p in written]
    assert all(len(a.paragraphs) >= 4 for a in articles)
    years = {a.date.year for a in articles}
    assert len(years) >= 3, "dates should spread over about three years"


def test_exact_input_format(texts: list[str]) -> None:
    for text in texts:
        assert re.match(r" date \d{4}-\d{2}-\d{2} \S", text), text[:40]
        assert "\n\n" in text and text.endswith("\n")


def test_article_lengths_are_in_range(texts: list[str]) -> None:
    words = [len(t.split()) - 2 for t in texts]  # minus "date" and the date
    assert min(words) >= 380 and max(words) <= 720, (min(words), max(words))
    assert 450 <= sum(words) / len(words) <= 650


def test_people_recur_across_articles(texts: list[str]) -> None:
    world = corpus.build_world(random.Random("world-0"))
    assert 250 <= len(world.people) <= 600
    counts = Counter()
    for text in texts:
        for person in world.people:
            if person.last in text and (person.name in text or (person.variant_first and
                                                                f"{person.variant_first} {person.last}" in text)):
                counts[person.name] += 1
    recurring = [name for name, c in counts.items() if c >= 5]
    assert len(recurring) >= 20, counts.most_common(10)
    assert counts.most_common(1)[0][1] >= 20


def test_stories_span_several_articles_and_days() -> None:
    articles = corpus.generate(N, seed=0)
    by_story: dict[int, list[corpus.RawArticle]] = {}
    for art in articles:
        by_story.setdefault(art.story, []).append(art)
    multi = [arts for arts in by_story.values() if len(arts) >= 3]
    assert len(multi) >= 20
    assert any(len({a.date for a in arts}) >= 3 for arts in multi)
    assert sum(len(arts) for arts in by_story.values() if len(arts) > 1) > N / 2


def test_near_duplicates_exist_and_are_near() -> None:
    articles = corpus.generate(1000, seed=0)
    copies = [a for a in articles if a.copy_of is not None]
    assert 10 <= len(copies) <= 60, len(copies)
    for copy in copies[:10]:
        a, b = "\n".join(copy.paragraphs), "\n".join(copy.copy_of.paragraphs)
        assert a != b
        assert difflib.SequenceMatcher(None, a, b, autojunk=False).quick_ratio() > 0.85


def test_news_features_are_present(texts: list[str]) -> None:
    joined = "\n".join(texts)
    assert re.search(r"\([A-Z][A-Za-z&\-]+\)", joined), "acronyms on first mention, like (NATO)"
    assert re.search(r"^ date \S+ [A-Z][A-Z ]+, [A-Z][a-z]+ \d{1,2} - ", joined, re.M), "WASHINGTON, March 3 -"
    assert re.search(r"^ date \S+ [A-Z][a-z]+( [A-Z][a-z]+)?: ", joined, re.M), "New Delhi:"
    assert len(re.findall(r'"[^"]+," (said|[A-Z][a-z]+ said)', joined)) >= 50, "quotes with said X"
    assert re.search(r"\bon (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", joined)
    assert re.search(r"\bnext year\b", joined) and re.search(r"\bin (January|July|March)\b", joined)
    assert re.search(r"\b(INS|USS|HMS) [A-Z]", joined) and re.search(r"\b[A-Z][a-z]?-\d{2,3}", joined)
    assert re.search(r"\b(President|Foreign Minister|Defence Minister|General) [A-Z][a-z]+ [A-Z]", joined)


def test_sentences_vary(texts: list[str]) -> None:
    sentences = Counter(s for t in texts for s in re.split(r"(?<=[.!?])\s+", t) if len(s) > 30)
    total = sum(sentences.values())
    assert len(sentences) / total > 0.5, "most sentences should be distinct across the corpus"


def test_extra_article_joins_the_same_world(tmp_path: Path, written: list[Path]) -> None:
    path = corpus.write_extra_article(tmp_path, N, seed=0, extra_seed=1)
    assert path.name.startswith(f"{N:05d}_")
    assert path.name not in {p.name for p in written}
    article = read_file(path)
    world = corpus.build_world(random.Random("world-0"))
    assert any(p.last in article.text for p in world.people)


def test_cli_writes_files(tmp_path: Path) -> None:
    assert corpus.main(["--n", "7", "--out", str(tmp_path / "c"), "--seed", "2"]) == 0
    assert len(list((tmp_path / "c").glob("*.txt"))) == 7


def test_compare_runs_two_commits_in_turns(capsys) -> None:
    """bench.compare checks out both versions and times each kind of run once per round."""
    from bench.compare import main

    assert main(["HEAD", "HEAD~0", "--size", "20", "--rounds", "2"]) == 0
    out = capsys.readouterr().out
    assert out.count("round ") == 4 and "| HEAD |" in out and "| HEAD~0 |" in out

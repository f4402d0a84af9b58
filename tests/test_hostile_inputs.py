"""Hostile and broken input files: the reader, the `generate` command, interrupted runs, cost.

Every fixture under ``tests/fixtures/hostile/`` is one case, named for it.
Files that cannot be an article are reported in one line naming the file and
the reason; everything else is read and generated.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from generator import readers
from generator.errors import ArticleError
from generator.readers import MAX_BYTES, read_bytes, read_file, read_folder

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
SEEDS = ROOT / "seeds"
PYTHON = sys.executable
TODAY = dt.date(2025, 6, 1)

# fixture name -> a phrase the one-line reason must contain
REJECTED = {
    "no_date_line.txt": "no date line",
    "impossible_date.txt": "impossible date '2024-02-30'",
    "future_date.txt": "in the future",
    "ambiguous_date.txt": "ambiguous date '10/12/2024'",
    "empty.txt": "empty file",
    "whitespace_only.txt": "empty file",
    "binary_nul_bytes.txt": "binary content",
    "front_matter_unknown_key.txt": "unknown front-matter key",
}
ACCEPTED = sorted(p.name for p in HOSTILE.iterdir() if p.is_file() and p.name not in REJECTED)


def fixture(name: str) -> bytes:
    return (HOSTILE / name).read_bytes()


def run_cli(*args: str, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        [PYTHON, "-m", "generator", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )


def md_snapshot(docs: Path) -> dict[str, str]:
    """The site's pages (Markdown files, the staging/journal/cache dot files excluded)."""
    return {
        p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(docs.rglob("*.md"))
        if not p.name.startswith(".")
    }


# ---------------------------------------------------------------- the reader


def test_fixture_set_is_complete():
    names = {p.name for p in HOSTILE.iterdir()}
    assert set(REJECTED) <= names
    assert len(ACCEPTED) >= 15


@pytest.mark.parametrize("name", sorted(REJECTED))
def test_rejected_fixture_gives_one_line_reason(name):
    with pytest.raises(ArticleError) as info:
        read_bytes(name, fixture(name), today=TODAY)
    message = str(info.value)
    assert message.startswith(f"{name}: ")
    assert REJECTED[name] in info.value.reason
    assert "\n" not in message and "\r" not in message
    assert info.value.path == name


@pytest.mark.parametrize("name", ACCEPTED)
def test_accepted_fixture_reads(name):
    article = read_bytes(name, fixture(name), today=TODAY)
    assert article.source == name
    assert article.paragraphs
    for paragraph in article.paragraphs:
        assert paragraph == " ".join(paragraph.split())
        assert "\ufeff" not in paragraph and "\r" not in paragraph and "\x00" not in paragraph


def test_future_date_is_relative_to_today():
    data = b"date 2099-01-01\n\nKochi: The port opened."
    with pytest.raises(ArticleError, match="in the future"):
        read_bytes("f.txt", data)  # the real today
    # two days of slack for time zones and embargoes, not more
    assert read_bytes("f.txt", b"date 2025-06-03\n\nText.", today=TODAY).date == dt.date(2025, 6, 3)
    with pytest.raises(ArticleError, match="in the future"):
        read_bytes("f.txt", b"date 2025-06-04\n\nText.", today=TODAY)


@pytest.mark.parametrize(
    "name, date",
    [("date_spelled_out.txt", dt.date(2024, 12, 10)), ("date_slashes_ymd.txt", dt.date(2024, 12, 10))],
)
def test_other_date_spellings(name, date):
    assert read_bytes(name, fixture(name), today=TODAY).date == date


def test_ambiguous_numeric_date_message_says_how_to_fix():
    with pytest.raises(ArticleError) as info:
        read_bytes("ambiguous_date.txt", fixture("ambiguous_date.txt"), today=TODAY)
    assert "YYYY-MM-DD" in info.value.reason


def test_unambiguous_numeric_dates():
    # day > 12 cannot be a month; the same number twice is the same date either way
    assert read_bytes("x", b"date 13/12/2024\n\nText.", today=TODAY).date == dt.date(2024, 12, 13)
    assert read_bytes("x", b"date 10/10/2024\n\nText.", today=TODAY).date == dt.date(2024, 10, 10)


def test_utf8_bom():
    article = read_bytes("utf8_bom.txt", fixture("utf8_bom.txt"), today=TODAY)
    assert article.date == dt.date(2024, 12, 10)
    assert article.paragraphs[0].startswith("Chennai:")


def test_crlf_line_ends():
    article = read_bytes("crlf_line_ends.txt", fixture("crlf_line_ends.txt"), today=TODAY)
    assert article.paragraphs == (
        "Hyderabad: The state government on Tuesday launched a solar subsidy scheme for farmers. "
        "The scheme covers pumps and panels.",
        "Officials said applications open next week.",
    )
    lf = fixture("crlf_line_ends.txt").replace(b"\r\n", b"\n")
    assert read_bytes("lf.txt", lf, today=TODAY).content_hash == article.content_hash


def test_windows_1252_curly_quotes_and_accents():
    data = fixture("windows_1252.txt")
    assert b"\x93" in data and b"\x94" in data and b"\xe9" in data
    text = read_bytes("windows_1252.txt", data, today=TODAY).paragraphs[0]
    assert "caf\u00e9" in text
    assert "\u201cWe see strong demand,\u201d" in text


def test_latin_1():
    text = read_bytes("latin_1.txt", fixture("latin_1.txt"), today=TODAY).paragraphs[0]
    assert "Z\u00fcrich" in text and "r\u00e9seau" in text and "stra\u00dfe" in text and "\u00abon track\u00bb" in text


def test_cyrillic():
    text = read_bytes("cyrillic.txt", fixture("cyrillic.txt"), today=TODAY).paragraphs[0]
    assert text.startswith("\u041c\u043e\u0441\u043a\u0432\u0430:")


def test_utf16_with_bom():
    data = "date 2024-12-10\n\nDelhi: Text in UTF-16.".encode("utf-16")
    assert read_bytes("u16.txt", data, today=TODAY).paragraphs == ("Delhi: Text in UTF-16.",)


def test_many_control_characters_are_binary():
    data = b"date 2024-12-10\n\n" + bytes(range(1, 9)) * 50 + b" text"
    with pytest.raises(ArticleError, match="binary content"):
        read_bytes("ctl.txt", data, today=TODAY)


def test_oversized_file_rejected_before_it_is_loaded(tmp_path):
    big = tmp_path / "several megabytes.txt"
    with big.open("wb") as handle:
        handle.write(b"date 2024-12-10\n\n")
        line = b"The council met again on Tuesday and talked at length about the budget. " * 20 + b"\n\n"
        while handle.tell() < 3_000_000:
            handle.write(line)
    with pytest.raises(ArticleError) as info:
        read_file(big, today=TODAY)
    assert str(info.value).startswith("several megabytes.txt: file is 3,")
    assert f"limited to {MAX_BYTES:,} bytes" in info.value.reason
    with pytest.raises(ArticleError, match="limited to"):
        read_bytes(big.name, big.read_bytes(), today=TODAY)


def test_file_at_the_limit_is_accepted():
    head = b"date 2024-12-10\n\n"
    data = head + b"a" * (MAX_BYTES - len(head))
    assert len(read_bytes("limit.txt", data, today=TODAY).paragraphs) == 1
    with pytest.raises(ArticleError, match="limited to"):
        read_bytes("limit.txt", data + b"a", today=TODAY)


def test_front_matter_unknown_key_names_the_key():
    with pytest.raises(ArticleError) as info:
        read_bytes("fm.txt", fixture("front_matter_unknown_key.txt"), today=TODAY)
    assert "'hooks'" in info.value.reason and "allowed:" in info.value.reason


@pytest.mark.parametrize(
    "front, reason",
    [
        ("---\ntitle: [a, b]\n---\n", "'title' must be a single line"),
        ("---\n- a\n- b\n---\n", "must be a mapping"),
        ("---\ntitle: 'unclosed\n---\n", "not valid YAML"),
        ("---\ntitle: x\n", "no closing '---'"),
        ("---\ntags: {a: 1}\n---\n", "'tags' must be a list"),
        ("---\ndate: 12\n---\n", "'date' must be a date"),
        ("---\n? [a, b]\n: 1\n---\n", "not valid YAML"),
        ("---\n!!python/object/apply:os.system [echo pwned]\n---\n", "not valid YAML"),
    ],
)
def test_bad_front_matter(front, reason):
    with pytest.raises(ArticleError) as info:
        read_bytes("fm.txt", (front + "date 2024-12-10\n\nText.").encode(), today=TODAY)
    assert reason in info.value.reason
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("value", ["2024-02-30", "2024-13-01", "2023-02-29 10:00:00"])
def test_impossible_front_matter_date_is_an_article_error(value):
    data = f"---\ndate: {value}\n---\ndate 2024-12-10\n\nText.".encode()
    with pytest.raises(ArticleError) as info:
        read_bytes("fmdate.txt", data, today=TODAY)
    assert "\n" not in str(info.value)


def test_front_matter_title_is_kept_as_plain_text():
    article = read_bytes("t.txt", fixture("front_matter_script_title.txt"), today=TODAY)
    assert article.overrides["title"] == "<script>alert('title')</script> Breaking {{ config }}"


def test_yaml_in_body_is_body_text():
    article = read_bytes("yaml_in_body.txt", fixture("yaml_in_body.txt"), today=TODAY)
    assert article.overrides == {}
    assert "title: pwned" in " ".join(article.paragraphs)


def test_deeply_nested_front_matter_is_an_article_error():
    data = ("---\ntitle: " + "[" * 20000 + "\n---\ndate 2024-12-10\n\nText.").encode()
    with pytest.raises(ArticleError):
        read_bytes("deep.txt", data, today=TODAY)


def test_front_matter_unknown_key_with_newline_is_one_line():
    data = b'---\n"bad\\nkey": 1\n---\ndate 2024-12-10\n\nText.'
    with pytest.raises(ArticleError) as info:
        read_bytes("nl.txt", data, today=TODAY)
    assert "\n" not in str(info.value), str(info.value)


def test_enormous_line_without_punctuation_is_accepted_quickly():
    words = ("alpha beta gamma delta epsilon zeta eta theta iota kappa " * 4000)[:200_000]
    data = f"date 2024-12-10\n\n{words}\n".encode()
    started = time.perf_counter()
    article = read_bytes("enormous_line.txt", data, today=TODAY)
    assert time.perf_counter() - started < 20
    assert len(article.paragraphs) == 1 and len(article.paragraphs[0]) > 190_000


def test_read_folder_reports_each_bad_file_and_reads_the_rest():
    articles, errors = read_folder(HOSTILE, today=TODAY)
    assert sorted(e.path for e in errors) == sorted(REJECTED)
    assert sorted(a.source for a in articles) == ACCEPTED


# ---------------------------------------------------------------- `generate` on the command line


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """`python -m generator generate` on a copy of the hostile fixtures."""
    project = tmp_path_factory.mktemp("generate")
    shutil.copytree(HOSTILE, project / "seeds")
    result = run_cli("generate", "--seeds", "seeds", "--docs", str(project / "docs"), cwd=project)
    return project, result


def test_generate_reports_each_rejected_file_in_one_line(generated):
    project, result = generated
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("error: ")]
    assert len(errors) == len(REJECTED), result.stderr
    for name, reason in REJECTED.items():
        matching = [line for line in errors if line.startswith(f"error: {name}: ")]
        assert len(matching) == 1, (name, result.stderr)
        assert reason in matching[0]
    assert f"{len(ACCEPTED)} articles read" in result.stdout
    assert f"{len(REJECTED)} rejected" in result.stdout


def _article_sources(docs: Path) -> dict[str, str]:
    """Source file name -> article page path (from each page's front matter)."""
    import yaml

    out = {}
    for page in sorted((docs / "articles").glob("*.md")):
        text = page.read_text(encoding="utf-8")
        if not text.startswith("---\n"):
            continue
        meta = yaml.safe_load(text[4 : text.index("\n---\n", 4)])
        if isinstance(meta, dict) and "source" in meta and "date" in meta:
            out[meta["source"]] = page.relative_to(docs).as_posix()
    return out


DUPLICATES = ("duplicate copy.txt", "duplicate_original.txt")


def test_generate_writes_every_accepted_article(generated):
    project, result = generated
    pages = _article_sources(project / "docs")
    singles = set(ACCEPTED) - set(DUPLICATES)
    assert singles <= set(pages), result.stderr
    assert len(set(pages) & set(DUPLICATES)) == 1
    assert len(pages) == len(ACCEPTED) - 1


def test_same_article_twice_gives_one_page_noting_the_copy(generated):
    project, result = generated
    pages = _article_sources(project / "docs")
    kept = [name for name in DUPLICATES if name in pages]
    assert len(kept) == 1
    (other,) = set(DUPLICATES) - set(kept)
    text = (project / "docs" / pages[kept[0]]).read_text(encoding="utf-8")
    assert f"`{other}`" in text and "counted once" in text
    assert "1 copies folded" in result.stdout


def test_same_headline_gives_two_pages(generated):
    project, _ = generated
    pages = _article_sources(project / "docs")
    one, two = pages["same_headline_one.txt"], pages["same_headline_two.txt"]
    assert one != two
    assert one.startswith("articles/2024-12-10-flood-warning") and two.startswith("articles/2024-12-10-flood-warning")


def test_no_input_name_chooses_a_path(generated):
    project, _ = generated
    docs = project / "docs"
    for path in docs.rglob("*"):
        rel = path.relative_to(docs).as_posix()
        assert re.fullmatch(r"[a-z0-9._/-]+", rel), rel
    page = _article_sources(docs)["a b & c \u00fc.txt"]
    assert page.startswith("articles/2024-12-10-")
    assert "a b & c \u00fc.txt" in (docs / page).read_text(encoding="utf-8")
    # nothing escaped the project: the dateline "../../etc/passwd" is text
    assert set(os.listdir(project)) == {"seeds", "docs"}


def test_newline_in_file_name_is_still_one_line(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "bad\nname.txt").write_text("no date here\n")
    (seeds / "good.txt").write_bytes(fixture("date_slashes_ymd.txt"))
    result = run_cli("check", "--seeds", "seeds", cwd=tmp_path)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(errors) == 1, result.stderr
    assert errors[0].startswith("error: bad") and "no date line" in errors[0]


def test_check_writes_nothing(tmp_path):
    shutil.copytree(HOSTILE, tmp_path / "seeds")
    result = run_cli("check", "--seeds", "seeds", "--docs", "docs", cwd=tmp_path)
    assert result.returncode == 1
    assert sorted(os.listdir(tmp_path)) == ["seeds"]
    assert len([line for line in result.stderr.splitlines() if line.startswith("error: ")]) == len(REJECTED)


def test_all_good_input_exits_zero(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("utf8_bom.txt", "cyrillic.txt"):
        shutil.copy(HOSTILE / name, seeds / name)
    result = run_cli("generate", "--seeds", "seeds", "--docs", str(tmp_path / "docs"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "error" not in result.stderr


def test_generate_with_relative_docs_folder(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(HOSTILE / "utf8_bom.txt", seeds / "utf8_bom.txt")
    result = run_cli("generate", "--seeds", "seeds", "--docs", "docs", cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr


# ---------------------------------------------------------------- interrupted runs

# Kill the generate process (SIGKILL, no clean-up) at a chosen point of the write.
_KILLER = textwrap.dedent(
    """
    import os, signal, sys
    from generator import writer, cli
    point = sys.argv[1]
    calls = {"stage": 0, "replace": 0}
    real_stage, real_replace, real_atomic = writer._stage, writer.os.replace, writer.atomic_write

    def die():
        os.kill(os.getpid(), signal.SIGKILL)

    def stage(*args):
        calls["stage"] += 1
        if point == "staging" and calls["stage"] == 3:
            die()
        return real_stage(*args)

    def atomic(target, content):
        if point == "journal" and target.name == writer.JOURNAL:
            die()
        real_atomic(target, content)

    def replace(src, dst):
        calls["replace"] += 1
        if point == "renaming" and calls["replace"] == 3:
            die()
        real_replace(src, dst)

    writer._stage, writer.atomic_write = stage, atomic
    writer.os.replace = replace
    sys.exit(cli.main(["generate", "--seeds", "seeds", "--docs", sys.argv[2]]))
    """
)


def _seed_dir(path: Path, names: list[str]) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    for old in path.iterdir():
        old.unlink()
    for name in names:
        shutil.copy(SEEDS / name, path / name)
    return path


@pytest.fixture(scope="module")
def old_and_new(tmp_path_factory):
    """Two seed sets and the docs/ each gives on a clean run."""
    seeds = sorted(p.name for p in SEEDS.iterdir() if p.is_file())
    old_names, new_names = seeds[:3], seeds[1:]
    out = {}
    for label, names in (("old", old_names), ("new", new_names)):
        project = tmp_path_factory.mktemp(label)
        _seed_dir(project / "seeds", names)
        result = run_cli("generate", "--seeds", "seeds", "--docs", str(project / "docs"), cwd=project)
        assert result.returncode == 0, result.stderr
        out[label] = (names, md_snapshot(project / "docs"))
    assert out["old"][1] != out["new"][1]
    return out


@pytest.mark.parametrize("point", ["staging", "journal", "renaming"])
def test_killed_generate_leaves_docs_old_or_fully_new(tmp_path, old_and_new, point):
    (old_names, old_docs), (new_names, new_docs) = old_and_new["old"], old_and_new["new"]
    _seed_dir(tmp_path / "seeds", old_names)
    assert run_cli("generate", "--seeds", "seeds", "--docs", str(tmp_path / "docs"), cwd=tmp_path).returncode == 0
    assert md_snapshot(tmp_path / "docs") == old_docs

    _seed_dir(tmp_path / "seeds", new_names)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
    killed = subprocess.run([PYTHON, "-c", _KILLER, point, str(tmp_path / "docs")], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=300)
    assert killed.returncode == -signal.SIGKILL, killed.stderr

    # what the next run sees first: recovery alone gives old or fully new pages
    from generator.writer import recover

    recover(tmp_path / "docs")
    after = md_snapshot(tmp_path / "docs")
    assert after in (old_docs, new_docs), point
    assert not [p for p in (tmp_path / "docs").rglob("*.tmp")]
    if point == "renaming":
        assert after == new_docs  # the journal was written: recovery completes the run

    # and the next full run is exactly the new site
    result = run_cli("generate", "--seeds", "seeds", "--docs", str(tmp_path / "docs"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert md_snapshot(tmp_path / "docs") == new_docs


def test_exception_after_staging_leaves_docs_old(tmp_path, old_and_new, monkeypatch):
    from generator import pipeline, writer

    (old_names, old_docs), (new_names, new_docs) = old_and_new["old"], old_and_new["new"]
    seeds, docs = tmp_path / "seeds", tmp_path / "docs"
    _seed_dir(seeds, old_names)
    pipeline.generate(seeds, docs, jobs=1)
    assert md_snapshot(docs) == old_docs

    _seed_dir(seeds, new_names)

    def boom(target, content):
        raise KeyboardInterrupt("interrupted after staging")

    monkeypatch.setattr(writer, "atomic_write", boom)
    with pytest.raises(KeyboardInterrupt):
        pipeline.generate(seeds, docs, jobs=1)
    monkeypatch.undo()
    writer.recover(docs)
    assert md_snapshot(docs) in (old_docs, new_docs)
    pipeline.generate(seeds, docs, jobs=1)
    assert md_snapshot(docs) == new_docs


# ---------------------------------------------------------------- bounded cost

_MEASURE = textwrap.dedent(
    """
    import json, resource, sys, time
    from pathlib import Path
    from generator import pipeline
    started = time.perf_counter()
    report = pipeline.generate(Path("seeds"), Path("docs"), jobs=1)
    elapsed = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"elapsed": elapsed, "peak_mb": peak_kb / 1024, "articles": report.articles,
                      "rejected": [str(e) for e in report.rejected], "pages": report.pages}))
    """
)


def _long_article(size: int) -> bytes:
    sentences = [
        "The council met on Tuesday in Kochi to discuss the port budget, officials said.",
        "Port chairman Ravi Menon said the new terminal would open in March.",
        "\u201cWe expect traffic to double,\u201d Menon told reporters after the meeting.",
        "The Kerala government will fund a third of the cost, according to a statement.",
        "Shipping lines including Maersk have asked for more berths at the harbour.",
    ]
    out, n = ["date 2024-12-10\n\nKochi: "], 0
    total = len(out[0])
    while total < size:
        s = sentences[n % len(sentences)] + (" " if n % 7 else "\n\n")
        out.append(s)
        total += len(s.encode())
        n += 1
    return "".join(out).encode()[:size]


@pytest.mark.parametrize(
    "name, make",
    [
        ("enormous_line.txt", lambda: ("date 2024-12-10\n\n" + ("lorem ipsum dolor sit amet consectetur " * 5200)[:200_000]).encode()),
        ("valid_900k.txt", lambda: _long_article(900_000)),
    ],
)
def test_large_input_processes_in_bounded_time_and_memory(tmp_path, name, make):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / name).write_bytes(make())
    assert (seeds / name).stat().st_size <= MAX_BYTES
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
    started = time.perf_counter()
    result = subprocess.run([PYTHON, "-c", _MEASURE], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    wall = time.perf_counter() - started
    assert result.returncode == 0, result.stderr[-3000:]
    measured = json.loads(result.stdout.strip().splitlines()[-1])
    assert measured["articles"] == 1 and measured["rejected"] == []
    assert measured["elapsed"] < 20 and wall < 40, measured
    assert measured["peak_mb"] < 500, measured
    assert list((tmp_path / "docs" / "articles").glob("*.md"))

"""The command line: help texts, exit codes, one-line errors, check writes nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import run_cli

GOOD = "date 2024-12-10 MOSCOW: The defence minister met his counterpart on Tuesday.\n\nThey discussed the S-400 deliveries.\n"
BAD = "The defence minister met his counterpart on Tuesday, but this file has no date line.\n"


@pytest.mark.parametrize("command", ["generate", "build", "check", "serve"])
def test_subcommand_help(command: str, tmp_path: Path) -> None:
    result = run_cli(command, "--help", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"usage: python -m generator {command}" in result.stdout
    assert "--seeds" in result.stdout
    assert len(result.stdout.strip().splitlines()) >= 5
    assert result.stderr == ""


def test_top_level_help_lists_commands(tmp_path: Path) -> None:
    result = run_cli("--help", cwd=tmp_path)
    assert result.returncode == 0
    for command in ("generate", "build", "check", "serve"):
        assert command in result.stdout


def test_check_on_seeds_passes_and_writes_nothing(tmp_path: Path, seeds_dir: Path) -> None:
    shutil.copytree(seeds_dir, tmp_path / "seeds")
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    result = run_cli("check", "--seeds", "seeds", "--docs", "docs", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "5 articles read" in result.stdout
    assert "error" not in result.stderr
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before
    assert not (tmp_path / "docs").exists()


@pytest.fixture
def mixed_seeds(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "good.txt").write_text(GOOD, encoding="utf-8")
    (seeds / "bad.txt").write_text(BAD, encoding="utf-8")
    return seeds


def test_generate_reports_bad_file_and_writes_good_one(tmp_path: Path, mixed_seeds: Path) -> None:
    result = run_cli("generate", "--seeds", "seeds", "--docs", "docs", cwd=tmp_path)
    assert result.returncode == 1, (result.stdout, result.stderr)
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    assert errors[0].startswith("error: bad.txt: ")
    assert len(errors[0]) > len("error: bad.txt: ")
    assert "Traceback" not in result.stderr
    assert "good.txt" not in result.stderr
    articles = list((tmp_path / "docs" / "articles").glob("*.md"))
    pages = [p for p in articles if "source: good.txt" in p.read_text(encoding="utf-8")]
    assert len(pages) == 1, [p.name for p in articles]
    assert "They discussed the S&#45;400 deliveries" in pages[0].read_text(encoding="utf-8")


def test_check_reports_bad_file_and_writes_nothing(tmp_path: Path, mixed_seeds: Path) -> None:
    result = run_cli("check", "--seeds", "seeds", "--docs", "docs", cwd=tmp_path)
    assert result.returncode == 1
    assert [l for l in result.stderr.splitlines() if l.startswith("error:")][0].startswith("error: bad.txt: ")
    assert not (tmp_path / "docs").exists()


@pytest.mark.parametrize("command", ["generate", "check"])
def test_missing_seeds_folder(tmp_path: Path, command: str) -> None:
    result = run_cli(command, "--seeds", "no-such-folder", "--docs", "docs", cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    assert "no-such-folder" in lines[0]
    assert not (tmp_path / "docs").exists()


def test_edited_generated_page_stops_generate_until_forced(project: Path) -> None:
    assert run_cli("generate", "--seeds", "seeds", "--docs", "docs", cwd=project).returncode == 0
    target = project / "docs" / "index.md"
    target.write_text(target.read_text(encoding="utf-8") + "\nMy own line.\n", encoding="utf-8")
    result = run_cli("generate", "--seeds", "seeds", "--docs", "docs", cwd=project)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and result.stderr.startswith("error: ")
    assert "index.md" in result.stderr and "--force" in result.stderr
    assert "My own line." in target.read_text(encoding="utf-8")
    forced = run_cli("generate", "--seeds", "seeds", "--docs", "docs", "--force", cwd=project)
    assert forced.returncode == 0, forced.stderr
    assert "My own line." not in target.read_text(encoding="utf-8")

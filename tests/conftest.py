"""Shared fixtures: the seed articles, a throw-away project folder, a built site.

``built_site`` builds the whole site once per test session (it takes a few
seconds); browser tests and site checks share it. Golden files are rewritten
with ``pytest tests/test_golden.py --update-golden``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

pytest_plugins = ["browser_support"]  # the browser tests' shared fixtures

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/ from the current generator output instead of comparing",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The repository's seeds/ folder (read only: copy it before changing anything)."""
    assert SEEDS.is_dir(), f"missing {SEEDS}"
    return SEEDS


def copy_scaffold(dest: Path) -> Path:
    """What a site needs besides its articles: mkdocs.yml, the MkDocs hooks (same
    relative paths), the theme overrides and the editor's files under docs/
    (stylesheets, assets, hand-written pages), never the generated pages."""
    from generator.writer import scan

    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    (dest / "generator").mkdir(exist_ok=True)
    for hook in sorted((ROOT / "generator").glob("mkdocs_*.py")):
        shutil.copy2(hook, dest / "generator" / hook.name)
    if (ROOT / "overrides").is_dir():
        shutil.copytree(ROOT / "overrides", dest / "overrides", dirs_exist_ok=True)
    docs = ROOT / "docs"
    if docs.is_dir():
        states = scan(docs)
        for path in sorted(docs.rglob("*")):
            rel = path.relative_to(docs).as_posix()
            if not path.is_file() or rel.startswith(".") or "/." in rel or states.get(rel, "handwritten") != "handwritten":
                continue
            (dest / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, dest / "docs" / rel)
    return dest


def make_project(dest: Path) -> Path:
    """A project folder in ``dest``: the site scaffold plus a copy of seeds/."""
    copy_scaffold(dest)
    shutil.copytree(SEEDS, dest / "seeds", dirs_exist_ok=True)
    return dest


def cli_env() -> dict[str, str]:
    """Environment for running ``python -m generator`` from a folder outside the repo."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    return env


def run_cli(*args: str | os.PathLike[str], cwd: Path, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """``python -m generator ARGS`` in ``cwd``; output captured as text."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *map(str, args)],
        cwd=cwd, env=cli_env(), capture_output=True, text=True, timeout=timeout,
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh project folder: mkdocs.yml, generator/mkdocs_hooks.py and seeds/."""
    return make_project(tmp_path / "project")


@dataclass(frozen=True)
class BuiltSite:
    """A project folder after ``python -m generator build``."""

    root: Path
    seeds: Path
    docs: Path
    site: Path
    result: subprocess.CompletedProcess[str]

    def page(self, url_path: str) -> Path:
        """The HTML file for a site URL path such as ``articles/`` or ``topics/x/``."""
        path = self.site / url_path.lstrip("/")
        return path / "index.html" if url_path.endswith("/") or path.is_dir() else path

    def html(self, url_path: str) -> str:
        return self.page(url_path).read_text(encoding="utf-8")


def build_project(root: Path) -> BuiltSite:
    result = run_cli("build", "--seeds", "seeds", "--docs", "docs", "--site", "site", cwd=root)
    return BuiltSite(root=root, seeds=root / "seeds", docs=root / "docs", site=root / "site", result=result)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The seeds built once per session with the strict MkDocs build (the result is not asserted here)."""
    root = make_project(tmp_path_factory.mktemp("built") / "project")
    return build_project(root)

"""Running MkDocs: the strict build and the live preview."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .errors import GeneratorError


def _env() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def build_site(config: Path, site: Path) -> None:
    """``mkdocs build --strict``: any warning (a broken link, a missing page) fails the build."""
    if not config.is_file():
        raise GeneratorError(f"MkDocs configuration '{config}' not found; run from the project folder")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(config), "-d", str(site.resolve())]
    result = subprocess.run(command, env=_env())
    if result.returncode != 0:
        raise GeneratorError(f"mkdocs build failed (exit {result.returncode}); see its messages above")


def serve_site(config: Path, addr: str) -> None:
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", addr]
    subprocess.run(command, env=_env())

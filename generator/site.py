"""Running MkDocs: the strict build (then the Pagefind search index) and the live preview.

``build_site`` runs ``mkdocs build --strict`` in a child process (this module's
``main``), then ``pagefind`` over the built site: the header search box
(``overrides/partials/search.html`` + ``overrides/assets/javascripts/briefing-search.js``)
queries that index over http(s) and downloads only the parts a query needs.

The search box and its scripts live in the theme folder ``overrides/`` that
``mkdocs.yml`` names as ``theme: custom_dir``. A project folder that has a
``mkdocs.yml`` but no copy of that folder (a fresh project, the test projects)
is built with the generator's own ``overrides/`` instead; nothing is written
into the project.
"""

from __future__ import annotations

import argparse
import logging
import os
import subprocess
import sys
import time
from pathlib import Path

from .errors import GeneratorError

# The theme folder shipped with the generator (the repository's overrides/).
THEME_DIR = Path(__file__).resolve().parent.parent / "overrides"
PAGEFIND_SUBDIR = "pagefind"
# Not part of a page's text: the "¶" permalink after every heading.
PAGEFIND_EXCLUDE = ".headerlink"


def _env() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def build_site(config: Path, site: Path) -> None:
    """``mkdocs build --strict``, then the Pagefind index in ``site/pagefind/``.

    Any MkDocs warning (a broken link, a missing page) fails the build.
    """
    if not config.is_file():
        raise GeneratorError(f"MkDocs configuration '{config}' not found; run from the project folder")
    command = [sys.executable, "-m", "generator.site", "--config", str(config), "--site", str(site.resolve())]
    env = _env()
    package_root = str(Path(__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH", "")) if p)
    result = subprocess.run(command, env=env)
    if result.returncode != 0:
        raise GeneratorError(f"mkdocs build failed (exit {result.returncode}); see its messages above")
    index_site(site)


def index_site(site: Path) -> None:
    """Write Pagefind's search index to ``site/pagefind/`` (about 3 ms a page)."""
    try:
        import pagefind  # noqa: F401, PLC0415 - only to know whether it is installed
    except ImportError:
        print("pagefind is not installed: the site's search falls back to the page list "
              "(install it with: pip install 'briefing-generator[search]')", file=sys.stderr)
        return
    started = time.perf_counter()
    command = [sys.executable, "-m", "pagefind", "--site", str(site.resolve()), "--output-subdir", PAGEFIND_SUBDIR,
               "--exclude-selectors", PAGEFIND_EXCLUDE, "--quiet"]
    result = subprocess.run(command, env=_env(), capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise GeneratorError(f"pagefind failed (exit {result.returncode}); see its messages above")
    if not (site / PAGEFIND_SUBDIR / "pagefind.js").is_file():
        sys.stderr.write(result.stdout + result.stderr)
        raise GeneratorError(f"pagefind wrote no index to {site / PAGEFIND_SUBDIR}")
    print(f"Search index written to {site / PAGEFIND_SUBDIR} in {time.perf_counter() - started:.1f} s")


def serve_site(config: Path, addr: str) -> None:
    """``mkdocs serve`` (no Pagefind index: the preview's search uses the page list)."""
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", addr]
    subprocess.run(command, env=_env())


# ---------------------------------------------------------------------------
# The MkDocs build itself (child process): ``python -m generator.site``
# ---------------------------------------------------------------------------


def _theme_override(config: Path) -> dict | None:
    """The ``theme`` setting with the generator's ``overrides/`` when the project's ``custom_dir`` is missing."""
    from mkdocs.utils.yaml import yaml_load  # noqa: PLC0415 - MkDocs' own loader (!ENV, INHERIT)

    with config.open("rb") as fh:
        data = yaml_load(fh) or {}
    theme = data.get("theme")
    if not isinstance(theme, dict) or not isinstance(theme.get("custom_dir"), str):
        return None
    custom = Path(theme["custom_dir"])
    if not custom.is_absolute():
        custom = config.resolve().parent / custom
    if custom.is_dir() or custom.name != THEME_DIR.name or not THEME_DIR.is_dir():
        return None
    return {**theme, "custom_dir": str(THEME_DIR)}


def _mkdocs_build(config: Path, site: Path) -> int:
    from mkdocs import exceptions  # noqa: PLC0415 - only in the child process
    from mkdocs.commands.build import build  # noqa: PLC0415
    from mkdocs.config import load_config  # noqa: PLC0415

    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    overrides: dict = {"strict": True, "site_dir": str(site)}
    try:
        theme = _theme_override(config)
        if theme is not None:
            logger.info("No '%s' folder beside %s: using the generator's theme files", theme_dir_name(), config)
            overrides["theme"] = theme
        cfg = load_config(config_file=str(config), **overrides)
        if os.environ.get("BRIEFING_SERIAL_BUILD") != "1":
            from .site_parallel import ParallelRender  # noqa: PLC0415

            cfg.plugins["generator/parallel"] = ParallelRender()
        cfg.plugins.on_startup(command="build", dirty=False)
        try:
            build(cfg, dirty=False)
        finally:
            cfg.plugins.on_shutdown()
    except exceptions.Abort as exc:
        logger.error("%s", exc)
        return 1
    except exceptions.ConfigurationError as exc:
        logger.error("Config value error: %s", exc)
        return 1
    return 0


def theme_dir_name() -> str:
    return THEME_DIR.name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.site", description="mkdocs build --strict --clean")
    parser.add_argument("--config", type=Path, required=True)
    parser.add_argument("--site", type=Path, required=True)
    args = parser.parse_args(argv)
    return _mkdocs_build(args.config, args.site)


if __name__ == "__main__":
    sys.exit(main())

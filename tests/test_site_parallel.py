"""The site built with the second-core helpers (generator/site_parallel.py) is the site
built without them, byte for byte, and ``--strict`` fails on the same warnings."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from generator.pipeline import generate

from conftest import ROOT, make_project

EXTRA_PAGES = 80
"""Hand-written pages added to the seeds' site, so that it has more pages than
``ParallelRender.MIN_PAGES`` and the helper takes part."""


def _project(tmp_path: Path, broken: bool = False) -> Path:
    root = make_project(tmp_path / "project")
    generate(root / "seeds", root / "docs")
    notes = root / "docs" / "notes"
    notes.mkdir()
    for n in range(EXTRA_PAGES):
        body = f"# Note {n}\n\nSee [the home page](../index.md) and [note 0](note-00.md#note-0).\n\n" + \
               "| a | b |\n|---|---|\n| *one* | `two` |\n" * 3
        (notes / f"note-{n:02d}.md").write_text(body, encoding="utf-8")
    if broken:  # one at each end of the page order: one for MkDocs, one for the helper
        (root / "docs" / "aaa-broken.md").write_text("# A\n\n[gone](missing-a.md)\n", encoding="utf-8")
        (notes / "zz-broken.md").write_text("# Z\n\n[gone](missing-z.md), [no such anchor](note-00.md#nowhere)\n",
                                            encoding="utf-8")
    return root


def _build(root: Path, site: str, serial: bool) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    if serial:
        env["BRIEFING_SERIAL_BUILD"] = "1"
    return subprocess.run([sys.executable, "-m", "generator.site", "--config", "mkdocs.yml", "--site", str(root / site)],
                          cwd=root, env=env, capture_output=True, text=True, timeout=600)


def _tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_the_helper_builds_the_same_site(tmp_path: Path) -> None:
    root = _project(tmp_path)
    serial = _build(root, "site-serial", serial=True)
    parallel = _build(root, "site", serial=False)
    assert serial.returncode == 0, serial.stderr[-2000:]
    assert parallel.returncode == 0, parallel.stderr[-2000:]
    if sys.platform.startswith("linux") and (os.cpu_count() or 1) > 1:
        for work in ("converted", "rendered"):  # both passes: Markdown to HTML, HTML into the template
            line = next(x for x in parallel.stderr.splitlines() if f"{work} on a second core" in x)
            assert int(line.split("-")[1].split()[0]) > 0, line
    want, got = _tree(root / "site-serial"), _tree(root / "site")
    assert sorted(got) == sorted(want)
    assert [p for p in want if got[p] != want[p]] == []


def test_strict_fails_on_the_same_warnings(tmp_path: Path) -> None:
    root = _project(tmp_path, broken=True)
    results = [_build(root, f"site-{mode}", serial=mode == "serial") for mode in ("serial", "parallel")]
    warnings = [[x for x in r.stderr.splitlines() if x.startswith("WARNING")] for r in results]
    assert [r.returncode for r in results] == [1, 1]
    assert warnings[0] == warnings[1]
    for expected in ("missing-a.md", "missing-z.md", "#nowhere"):
        assert any(expected in w for w in warnings[0]), (expected, warnings[0])

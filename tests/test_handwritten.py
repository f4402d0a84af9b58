"""The editor's own pages: never touched by the generator, published by the build.

* ``docs/topics/air-defence.md`` has ``match: [S-400, Triumf]``: the generator
  leaves the file alone, and the MkDocs hook appends the topic's digest to the
  built page;
* ``docs/notes/analyst-notes.md`` has no ``match:``: a plain page that is
  simply published (and searchable).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from conftest import make_project, run_cli

pytestmark = pytest.mark.slow

TOPIC = "topics/air-defence.md"
TOPIC_TEXT = (
    "---\n"
    "title: Air defence\n"
    "match: [S-400, Triumf]\n"
    "---\n"
    "\n"
    "# Air defence\n"
    "\n"
    "Editor's note: deliveries of the long-range air defence regiments are the thread to watch.\n"
)
NOTES = "notes/analyst-notes.md"
NOTES_TEXT = (
    "# Analyst notes\n"
    "\n"
    "Quartermaster observations written by hand; nothing generated here.\n"
)


def html_text(path: Path) -> str:
    raw = re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8"))
    return " ".join(html.unescape(raw).split())


@pytest.fixture(scope="module")
def editor_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("handwritten") / "project")
    for rel, text in ((TOPIC, TOPIC_TEXT), (NOTES, NOTES_TEXT)):
        (root / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / rel).write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def generated_three_times(editor_project: Path) -> list:
    results = []
    for _ in range(3):
        result = run_cli("generate", "--seeds", "seeds", "--docs", "docs", cwd=editor_project)
        assert result.returncode == 0, result.stderr
        results.append(result)
    return results


@pytest.fixture(scope="module")
def editor_site(editor_project: Path, generated_three_times: list) -> Path:
    result = run_cli("build", "--seeds", "seeds", "--docs", "docs", "--site", "site", cwd=editor_project)
    assert result.returncode == 0, result.stdout + result.stderr
    return editor_project / "site"


def s400_articles(project: Path) -> dict[str, str]:
    """slug -> title of every generated article whose seed mentions S-400."""
    import frontmatter

    wanted = {p.name for p in (project / "seeds").iterdir() if "S-400" in p.read_text(encoding="utf-8")}
    out = {}
    for path in (project / "docs" / "articles").glob("*.md"):
        meta = frontmatter.load(path).metadata
        if meta.get("source") in wanted:
            out[path.stem] = meta["title"]
    assert len(out) == len(wanted) >= 2
    return out


@pytest.mark.parametrize("rel, text", [(TOPIC, TOPIC_TEXT), (NOTES, NOTES_TEXT)])
def test_pages_are_byte_identical_after_three_runs(editor_project: Path, generated_three_times: list,
                                                  rel: str, text: str) -> None:
    assert (editor_project / "docs" / rel).read_bytes() == text.encode("utf-8")


def test_digest_is_written_beside_not_into_the_page(editor_project: Path, generated_three_times: list) -> None:
    include = editor_project / "docs" / ".digests" / TOPIC
    assert include.is_file()
    assert "S&#45;400" in include.read_text(encoding="utf-8") or "S-400" in include.read_text(encoding="utf-8")
    # The third run found nothing to do.
    assert "0 pages written" in generated_three_times[-1].stdout


def test_topic_page_has_hand_text_and_digest(editor_project: Path, editor_site: Path) -> None:
    page = editor_site / "topics" / "air-defence" / "index.html"
    assert page.is_file()
    text = html_text(page)
    assert "Editor's note: deliveries of the long-range air defence regiments" in text
    assert "Digest" in text
    assert text.count("Editor's note: deliveries") == 1
    assert not (editor_site / ".digests").exists()  # the include is not published on its own
    hrefs = re.findall(r'href="([^"]+)"', page.read_text(encoding="utf-8"))
    for slug, title in s400_articles(editor_project).items():
        assert any(f"articles/{slug}/" in h for h in hrefs), f"no link to {slug}"
        assert title in text


def test_topic_is_listed_on_topics_index(editor_site: Path) -> None:
    index = editor_site / "topics" / "index.html"
    hrefs = re.findall(r'href="([^"]+)"', index.read_text(encoding="utf-8"))
    assert any(h.rstrip("/").endswith("air-defence") for h in hrefs), hrefs
    assert "Air defence" in html_text(index)


def test_plain_page_is_published_and_searchable(editor_site: Path) -> None:
    page = editor_site / "notes" / "analyst-notes" / "index.html"
    assert page.is_file()
    assert "Quartermaster observations written by hand" in html_text(page)
    listing = (editor_site / "assets" / "javascripts" / "search-index.js").read_text(encoding="utf-8")
    assert "notes/analyst-notes/" in listing
    fragments = editor_site / "pagefind" / "fragment"
    assert any("Quartermaster observations" in _fragment_text(f) for f in fragments.iterdir())

def _fragment_text(path: Path) -> str:
    """Pagefind fragments are gzipped JSON with the page's indexed text."""
    import gzip

    data = gzip.decompress(path.read_bytes())
    return data.decode("utf-8", "replace")

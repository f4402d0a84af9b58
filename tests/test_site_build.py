"""The strict MkDocs build of the seeds: every page kind, links, search index, anchors."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import frontmatter
import pytest

pytestmark = pytest.mark.slow


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hrefs: list[str] = []
        self.ids: set[str] = set()
        self.h1: list[str] = []
        self._in_h1 = False

    def handle_starttag(self, tag, attrs):  # noqa: ANN001
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])
        if tag == "h1":
            self._in_h1 = True
            self.h1.append("")

    def handle_endtag(self, tag):  # noqa: ANN001
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data):  # noqa: ANN001
        self.parts.append(data)
        if self._in_h1:
            self.h1[-1] += data

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.parts).split())


def parse(path: Path) -> _Text:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def article_docs(built_site) -> list[tuple[str, dict]]:
    """(slug, front matter) of every generated article page (month pages and the index are not articles)."""
    out = []
    for path in sorted((built_site.docs / "articles").glob("*.md")):
        meta = frontmatter.load(path).metadata
        if "source" in meta:
            out.append((path.stem, meta))
    return out


def digest_docs(built_site) -> list[tuple[str, dict]]:
    out = []
    for path in sorted((built_site.docs / "topics").glob("*.md")):
        meta = frontmatter.load(path).metadata
        if meta.get("type") == "digest":
            out.append((path.stem, meta))
    return out


def test_strict_build_succeeded(built_site) -> None:
    assert built_site.result.returncode == 0, built_site.result.stdout + built_site.result.stderr
    assert "5 articles read" in built_site.result.stdout
    assert "WARNING" not in built_site.result.stderr
    assert (built_site.site / "index.html").is_file()
    assert (built_site.site / "404.html").is_file()


def test_one_page_per_article(built_site, seeds_dir: Path) -> None:
    articles = article_docs(built_site)
    assert len(articles) == len(list(seeds_dir.glob("*.txt"))) == 5
    assert sorted(meta["source"] for _, meta in articles) == sorted(p.name for p in seeds_dir.glob("*.txt"))
    for slug, _ in articles:
        assert (built_site.site / "articles" / slug / "index.html").is_file(), slug
    pages = [p for p in (built_site.site / "articles").iterdir()
             if p.is_dir() and re.match(r"\d{4}-\d{2}-\d{2}-", p.name)]
    assert len(pages) == 5


@pytest.mark.parametrize("section", ["topics", "entities", "timeline", "tags", "articles"])
def test_sections_are_built(built_site, section: str) -> None:
    assert (built_site.site / section / "index.html").is_file()


def test_digests_and_entities_are_built(built_site) -> None:
    digests = digest_docs(built_site)
    assert digests, "no digest pages were generated for the seeds"
    for slug, _ in digests:
        assert (built_site.site / "topics" / slug / "index.html").is_file(), slug
    entity_pages = list((built_site.site / "entities").glob("*/*/index.html"))
    assert len(entity_pages) >= 5
    assert (built_site.site / "entities" / "person" / "rajnath-singh" / "index.html").is_file()
    years = [p.name for p in (built_site.site / "timeline").iterdir() if p.is_dir()]
    assert "2024" in years and "2020" in years


def test_the_404_page_points_to_search_and_the_indexes(built_site) -> None:
    page = parse(built_site.site / "404.html")
    assert "Page not found" in page.text and "named after their date and headline" in page.text
    for section in ("topics", "articles", "entities", "timeline"):
        assert any(href.endswith(f"/{section}/") for href in page.hrefs), section  # under site_url's path
        assert (built_site.site / section / "index.html").is_file()


def test_home_page_links_to_every_digest(built_site) -> None:
    home = parse(built_site.site / "index.html")
    targets = {h.split("#")[0].rstrip("/") for h in home.hrefs}
    for slug, meta in digest_docs(built_site):
        assert f"topics/{slug}" in targets, f"home page has no link to digest {slug}"
        assert meta["title"] in home.text


def _page_list(site) -> str:
    return (site / "assets" / "javascripts" / "search-index.js").read_text(encoding="utf-8")


def test_search_indexes_have_articles_and_digests(built_site) -> None:
    # Pagefind: one fragment per indexed page, the article text among them.
    pagefind = built_site.site / "pagefind"
    assert (pagefind / "pagefind-entry.json").is_file()
    entry = json.loads((pagefind / "pagefind-entry.json").read_text(encoding="utf-8"))
    indexed = sum(language["page_count"] for language in entry["languages"].values())
    assert indexed >= len(article_docs(built_site)) + len(digest_docs(built_site))
    # The page list used from disk: every article and digest with its title.
    listing = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), _page_list(built_site.site))
    for slug, meta in article_docs(built_site) + digest_docs(built_site):
        assert slug in listing, slug
        assert meta["title"] in listing, meta["title"]
    assert not (built_site.site / "search" / "search_index.json").exists()


def test_article_page_content(built_site) -> None:
    slug, meta = next((s, m) for s, m in article_docs(built_site) if m["source"] == "000_77eafcfab681bf0a.txt")
    page = parse(built_site.site / "articles" / slug / "index.html")
    assert page.h1 and meta["title"] in " ".join(page.h1[0].split())
    assert "S-400" in page.h1[0]
    assert "10 December 2024" in page.text
    assert "Summary" in page.text
    assert meta["summary"] in page.text
    assert {"p1", "p2"} <= page.ids
    entity_links = [h for h in page.hrefs if re.search(r"entities/(person|organisation|place|equipment|event)/", h)]
    assert any("entities/person/rajnath-singh/" in h for h in entity_links)
    assert any("entities/equipment/s-400" in h for h in entity_links)
    for href in entity_links:
        target = (built_site.site / "articles" / slug / href.split("#")[0]).resolve() / "index.html"
        assert target.is_file(), href


def test_internal_links_resolve(built_site) -> None:
    """Every relative link on every built page points at a file of the site."""
    broken = []
    for page in built_site.site.rglob("*.html"):
        for href in parse(page).hrefs:
            if re.match(r"^[a-z]+:|^#|^//", href):
                continue
            path = href.split("#")[0].split("?")[0]
            base = built_site.site if path.startswith("/") else page.parent  # 404.html links from the root
            target = (base / path.lstrip("/")).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(built_site.site)} -> {href}")
    assert not broken, "\n".join(broken[:20])

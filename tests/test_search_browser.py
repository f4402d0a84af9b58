"""The header search in a real browser: Pagefind over 127.0.0.1, the page list from disk.

The seeds site (``built_site``: ``python -m generator build``, which runs
Pagefind after MkDocs) is served on 127.0.0.1 and driven with Playwright in
Debian's headless Chromium (``/usr/bin/chromium``, ``make browser``). A missing
browser FAILS these tests; it is never a skip. Screenshots of the results go
to ``test-artifacts/``. Every page must load without a console error and
without a request to any host but 127.0.0.1 (or file:// from disk).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from browser_support import HOST
from conftest import ROOT, BuiltSite

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ARTIFACTS = ROOT / "test-artifacts"
INPUT = "input.md-search__input"
RESULT = ".md-search-result__item"
DATE = re.compile(r"^\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$")


# ---------------------------------------------------------------------------
# Fixtures
# ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def site(built_site: BuiltSite) -> BuiltSite:
    assert built_site.result.returncode == 0, built_site.result.stdout + built_site.result.stderr
    assert (built_site.site / "pagefind" / "pagefind.js").is_file(), "the build wrote no Pagefind index"
    assert (built_site.site / "assets" / "javascripts" / "search-index.js").is_file()
    return built_site


class Watched:
    """A page with its console errors, uncaught exceptions and requested URLs recorded."""

    def __init__(self, browser) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda msg: self.errors.append(f"console: {msg.text}") if msg.type == "error" else None)
        self.page.on("pageerror", lambda exc: self.errors.append(f"pageerror: {exc}"))
        self.page.on("request", lambda req: self.requests.append(req.url))

    def foreign_requests(self) -> list[str]:
        out = []
        for url in self.requests:
            parts = urlsplit(url)
            if parts.scheme in ("file", "data", "blob", "about"):
                continue
            if parts.hostname != HOST:
                out.append(url)
        return out

    def check_clean(self) -> None:
        assert self.errors == []
        assert self.foreign_requests() == []


@pytest.fixture
def watched(browser):
    w = Watched(browser)
    try:
        yield w
        w.check_clean()
    finally:
        w.context.close()


def search(page, query: str, wait_for: str | None = None) -> list[dict[str, str]]:
    """Type ``query`` into the header search box; the results shown (title, date line, href, type)."""
    page.click(INPUT)
    page.fill(INPUT, "")
    page.keyboard.type(query, delay=15)
    page.wait_for_selector(RESULT, state="visible", timeout=15_000)
    if wait_for:
        page.wait_for_function(
            "t => [...document.querySelectorAll('.md-search-result__item h1')].some(h => h.textContent.includes(t))",
            arg=wait_for, timeout=15_000)
    page.wait_for_timeout(300)  # the last keystroke's results replace the earlier ones
    # The first result is painted on its own; the rest of the first page follows it.
    page.wait_for_function("""() => {
        const said = (document.querySelector('.md-search-result__meta') || {}).textContent || '';
        const total = parseInt((said.match(/\\d+/) || ['0'])[0], 10);
        return document.querySelectorAll('.md-search-result__item').length >= Math.min(total, 10);
    }""", timeout=15_000)
    return page.eval_on_selector_all(RESULT, """items => items.map(li => ({
        title: li.querySelector('h1').textContent,
        info: (li.querySelector('.briefing-search-result__info time') || {}).textContent || '',
        href: li.querySelector('a').href,
        type: li.querySelector('article').dataset.type || ''}))""")


def screenshot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=False)


# ---------------------------------------------------------------------------
# Over http: Pagefind
# ---------------------------------------------------------------------------

def test_search_s400_shows_the_digest_and_opens_it(site, base_url, watched) -> None:
    page = watched.page
    page.goto(base_url, wait_until="load")
    results = search(page, "S-400", wait_for="S-400 Triumf")
    screenshot(page, "search-s400.png")
    digest = [r for r in results if r["title"] == "S-400 Triumf"]
    assert digest, [r["title"] for r in results]
    assert digest[0]["href"].rstrip("/").endswith("/topics/s-400-triumf"), digest[0]["href"]
    assert digest[0]["type"] == "digest"
    assert results[0]["title"] == "S-400 Triumf", [r["title"] for r in results]  # the digest comes first
    page.click(f"{RESULT} a[href$='/topics/s-400-triumf/']")
    page.wait_for_url(re.compile(r"/topics/s-400-triumf/$"))
    assert "S-400 Triumf" in page.inner_text("article h1")
    # The search used Pagefind, not Material's whole lunr index.
    assert any("/pagefind/" in url for url in watched.requests)
    assert not [url for url in watched.requests if "search_index" in url]


def test_search_putin_ranks_entity_or_digest_above_articles(site, base_url, watched) -> None:
    page = watched.page
    page.goto(base_url + "articles/", wait_until="load")
    results = search(page, "Putin", wait_for="Vladimir Putin")
    screenshot(page, "search-putin.png")
    types = [r["type"] for r in results]
    assert "article" in types, results
    first_article = types.index("article")
    assert types[0] in ("entity", "digest"), [(r["title"], r["type"]) for r in results]
    titles = [r["title"] for r in results]
    assert titles.index("Vladimir Putin") < first_article, titles


def test_results_show_headlines_and_dates(site, base_url, watched) -> None:
    page = watched.page
    page.goto(base_url, wait_until="load")
    results = search(page, "Rajnath Singh")
    assert len(results) >= 3
    for r in results:
        title = r["title"].strip()
        assert title and title != "Index", r
        assert not re.search(r"\.(md|html|txt)$|/", title), r  # a headline, not a file name or a path
    articles = [r for r in results if r["type"] == "article"]
    assert articles
    for r in articles:
        assert DATE.match(r["info"]), r  # "10 December 2024"
    digests = [r for r in results if r["type"] == "digest"]
    assert all(DATE.match(r["info"]) for r in digests), digests
    headlines = set(page.eval_on_selector_all(f"{RESULT} h1", "hs => hs.map(h => h.textContent)"))
    assert "Rajnath Singh meets Russian President Putin in Moscow" in headlines


def test_no_result_says_so(site, base_url, watched) -> None:
    page = watched.page
    page.goto(base_url, wait_until="load")
    page.click(INPUT)
    page.keyboard.type("zzqxjvkw", delay=10)
    page.wait_for_function(
        "() => /No matching/.test(document.querySelector('.md-search-result__meta').textContent)", timeout=15_000)
    assert page.locator(RESULT).count() == 0


# ---------------------------------------------------------------------------
# From disk (file://): the page list, and links to folders
# ---------------------------------------------------------------------------

def test_search_from_disk_finds_s400_and_opens_it(site, watched) -> None:
    page = watched.page
    page.goto((site.site / "index.html").as_uri(), wait_until="load")
    results = search(page, "S-400", wait_for="S-400 Triumf")
    screenshot(page, "search-s400-offline.png")
    titles = [r["title"] for r in results]
    assert titles[0] == "S-400 Triumf", titles
    assert results[0]["href"].endswith("/topics/s-400-triumf/index.html"), results[0]["href"]
    assert any(r["type"] == "article" and DATE.match(r["info"]) for r in results), results
    page.click(f"{RESULT} a[href$='/topics/s-400-triumf/index.html']")
    page.wait_for_url(re.compile(r"/topics/s-400-triumf/index\.html$"))
    assert "S-400 Triumf" in page.inner_text("article h1")
    assert not [url for url in watched.requests if "/pagefind/" in url]


def test_search_from_disk_putin_ranks_entity_or_digest_first(site, watched) -> None:
    page = watched.page
    page.goto((site.site / "articles" / "index.html").as_uri(), wait_until="load")
    results = search(page, "Putin", wait_for="Vladimir Putin")
    types = [r["type"] for r in results]
    assert types[0] in ("entity", "digest"), results
    assert "article" not in types or [r["title"] for r in results].index("Vladimir Putin") < types.index("article")


def test_navigation_from_disk_opens_index_html(site, watched) -> None:
    page = watched.page
    page.goto((site.site / "index.html").as_uri(), wait_until="load")
    hrefs = page.eval_on_selector_all("a[href]", "as => as.map(a => a.getAttribute('href'))")
    folders = [h for h in hrefs if not re.match(r"^[a-z]+:|#", h) and re.search(r"(^|/)(\.\.?)?$|/(?=[#?])", h)]
    assert folders == [], folders  # every link to a folder now names its index.html
    page.click("a.md-tabs__link:has-text('Stories')")
    page.wait_for_url(re.compile(r"/topics/index\.html$"))
    page.click("article a[href*='s-400-triumf']")
    page.wait_for_url(re.compile(r"/topics/s-400-triumf/index\.html$"))
    assert "S-400 Triumf" in page.inner_text("article h1")

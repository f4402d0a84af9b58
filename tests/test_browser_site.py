"""End to end in a real browser: the built seeds site, served on 127.0.0.1, in headless Chromium.

Debian's Chromium (``/usr/bin/chromium``, ``make browser``) drives the pages
through Playwright. A missing browser FAILS these tests: it is never a skip.
Full-page screenshots of the home page, a digest and an article (light,
dark and print) are written to ``test-artifacts/`` for a person to look at.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from browser_support import HOST
from conftest import ROOT, BuiltSite
from test_feeds import feeds_site

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ARTIFACTS = ROOT / "test-artifacts"


# ---------------------------------------------------------------------------
# Fixtures: the site, a server, a browser
# ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def site(built_site, tmp_path_factory) -> BuiltSite:
    return feeds_site(built_site, tmp_path_factory)


class Visit:
    """One browser page that records console errors, page errors and every requested URL."""

    def __init__(self, browser, **context_options) -> None:
        options = {"viewport": {"width": 1280, "height": 900}, "color_scheme": "light",
                   "service_workers": "block", **context_options}
        self.context = browser.new_context(**options)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(f"console: {m.text}"))
        self.page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        self.page.on("request", lambda r: self.requests.append(r.url))

    def go(self, url: str, status: int = 200):
        response = self.page.goto(url, wait_until="networkidle")
        assert response is not None and response.status == status, (url, response and response.status)
        return self.page

    def foreign(self) -> list[str]:
        return [u for u in self.requests
                if urlsplit(u).scheme not in ("data", "blob", "about") and urlsplit(u).hostname != HOST]

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser):
    visits: list[Visit] = []

    def make(**options) -> Visit:
        visits.append(Visit(browser, **options))
        return visits[-1]

    yield make
    for v in visits:
        v.close()


# ---------------------------------------------------------------------------
# The site's pages, found on disk
# ---------------------------------------------------------------------------

def url_paths(site: BuiltSite, folder: str, depth: int) -> list[str]:
    """'folder/a/', 'folder/b/' ... for built pages ``depth`` folders below ``folder`` (indexes excluded)."""
    base = site.site / folder
    pattern = "/".join(["*"] * depth) + "/index.html"
    return sorted(p.parent.relative_to(site.site).as_posix() + "/" for p in base.glob(pattern))


def digests(site: BuiltSite) -> list[str]:
    return url_paths(site, "topics", 1)


def articles(site: BuiltSite) -> list[str]:
    return [u for u in url_paths(site, "articles", 1) if not re.fullmatch(r"articles/\d{4}-\d{2}/", u)]


def entities(site: BuiltSite) -> list[str]:
    return url_paths(site, "entities", 2)


def content_links(page) -> list[str]:
    """Absolute URLs of the links in the page's main content."""
    return page.eval_on_selector_all("article.md-content__inner a[href]", "els => els.map(e => e.href)")


def heading(page, level: str = "h1") -> list[str]:
    """Texts of the content's headings without the permalink sign."""
    return page.eval_on_selector_all(
        f"article.md-content__inner {level}",
        "els => els.map(e => [...e.childNodes].filter(n => !(n.classList && n.classList.contains('headerlink')))"
        ".map(n => n.textContent).join('').trim())",
    )


def busiest_digest(site: BuiltSite) -> str:
    """The digest with the most article links (for the seeds: one with key facts and a timeline)."""
    return max(digests(site), key=lambda u: (site.html(u).count("#p"), u))


def richest_article(site: BuiltSite) -> str:
    return max(articles(site), key=lambda u: (site.html(u).count("/entities/"), u))


# ---------------------------------------------------------------------------
# Tests
# ---------------------------------------------------------------------------

def test_home_links_to_every_digest(site, base_url, visit) -> None:
    expected = {base_url + u for u in digests(site)}
    assert expected, "the seeds built no digest pages under site/topics/"
    page = visit().go(base_url)
    assert set(content_links(page)) >= expected


def test_entity_link_leads_to_the_entity_page(site, base_url, visit) -> None:
    page = visit().go(base_url + richest_article(site))
    assert "Who and what" in heading(page, "h2")
    link = page.locator("article.md-content__inner ul a[href*='/entities/']").first
    name = link.inner_text().strip()
    assert name
    link.click()
    page.wait_for_load_state("networkidle")
    assert "/entities/" in page.url
    assert heading(page) == [name]
    assert page.title().startswith(name)


def test_digest_shows_facts_timeline_and_sources_that_resolve(site, base_url, visit) -> None:
    v = visit()
    page = v.go(base_url + busiest_digest(site))
    headings = heading(page, "h2")
    for wanted in ("Key facts", "Timeline", "Articles"):
        assert wanted in headings, headings
    citations = [u for u in content_links(page) if re.search(r"/articles/[^/]+/#p\d+$", u)]
    assert citations, "no paragraph citations on the digest"
    by_page: dict[str, set[str]] = {}
    for url in citations:
        address, fragment = url.split("#")
        by_page.setdefault(address, set()).add(fragment)
    for address, fragments in sorted(by_page.items()):
        v.go(address)
        for fragment in sorted(fragments):
            assert page.locator(f"[id='{fragment}']").count() == 1, f"{address}#{fragment} does not exist"
    # A click on a citation lands on the paragraph.
    v.go(base_url + busiest_digest(site))
    first = page.locator("article.md-content__inner a[href*='#p']").first
    first.click()
    page.wait_for_load_state("networkidle")
    fragment = urlsplit(page.url).fragment
    assert re.fullmatch(r"p\d+", fragment)
    assert page.locator(f"[id='{fragment}']").is_visible()


def pages_to_check(site: BuiltSite) -> list[tuple[str, str, int]]:
    return [
        ("home", "", 200),
        ("digest", busiest_digest(site), 200),
        ("article", richest_article(site), 200),
        ("entity", entities(site)[0], 200),
        ("timeline", "timeline/", 200),
        ("timeline year", url_paths(site, "timeline", 1)[0], 200),
        ("tags", "tags/", 200),
        ("404", "no/such/page/", 404),
    ]


@pytest.mark.parametrize("which", ["home", "digest", "article", "entity", "timeline", "timeline year", "tags", "404"])
def test_no_console_errors_and_no_other_hosts(site, base_url, visit, which) -> None:
    (path, status), = [(p, s) for name, p, s in pages_to_check(site) if name == which]
    v = visit()
    page = v.go(base_url + path, status=status)
    page.wait_for_timeout(300)  # late scripts (search worker, palette) get a chance to complain
    errors = v.errors
    if status == 404:  # Chromium reports the 404 of the page itself; nothing else may fail
        errors = [e for e in errors if "status of 404" not in e]
        assert heading(page) == ["Page not found"]
        page.get_by_role("link", name="Articles by month").click()  # served at a nested address: links from the root
        page.wait_for_load_state("networkidle")
        assert page.url == base_url + "articles/" and heading(page) == ["Articles by month"]
        page.go_back()
        page.locator("a.md-header__button.md-logo").click()
        page.wait_for_load_state("networkidle")
        assert page.url == base_url and heading(page) == ["Briefing"]
    assert errors == []
    assert v.foreign() == [], "requests to other hosts"
    assert all(urlsplit(u).hostname == HOST for u in v.requests if urlsplit(u).scheme.startswith("http"))


def test_404_page_is_built_and_links_home(site) -> None:
    html = site.html("404.html")
    assert "Page not found" in html
    # The 404 page is served at any depth, so its links start at the site root.
    assert re.search(r'<a href="/\.?" title="[^"]*" class="md-header__button md-logo"', html)
    assert re.search(r'<a href="/\.?" class="md-tabs__link">', html)


def test_palette_toggle_switches_to_dark_and_back(base_url, visit) -> None:
    page = visit().go(base_url)
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "default"
    page.locator("form[data-md-component='palette'] label:visible").first.click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    page.locator("form[data-md-component='palette'] label:visible").first.click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'default'")


def test_print_hides_the_chrome_and_keeps_the_text(site, base_url, visit) -> None:
    page = visit().go(base_url + busiest_digest(site))
    assert page.locator("header.md-header").is_visible()
    page.emulate_media(media="print")
    for selector in ("header.md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary",
                     ".md-footer", ".md-search"):
        for element in page.locator(selector).all():
            assert not element.is_visible(), f"{selector} is visible in print"
    assert page.locator("article.md-content__inner h1").is_visible()
    assert page.locator("article.md-content__inner table").first.is_visible()


def test_briefing_stylesheet_is_loaded(base_url, visit) -> None:
    page = visit().go(base_url)
    sheets = page.evaluate("[...document.styleSheets].map(s => s.href || '')")
    assert any(s.endswith("/stylesheets/briefing.css") for s in sheets), sheets


def test_screenshots_for_a_person(site, base_url, visit) -> None:
    """Full-page screenshots in test-artifacts/ (gitignored): look at them after a layout change."""
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    ARTIFACTS.mkdir(parents=True)
    shots = {"home": "", "digest": busiest_digest(site), "article": richest_article(site)}
    light = visit()
    for name, path in shots.items():
        light.go(base_url + path).screenshot(path=ARTIFACTS / f"{name}.png", full_page=True)
    dark = visit(color_scheme="dark")
    dark.go(base_url + shots["digest"]).screenshot(path=ARTIFACTS / "digest-dark.png", full_page=True)
    mobile = visit(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    mobile.go(base_url + shots["digest"]).screenshot(path=ARTIFACTS / "digest-mobile.png", full_page=True)
    printed = visit()
    page = printed.go(base_url + shots["digest"])
    page.emulate_media(media="print")
    page.screenshot(path=ARTIFACTS / "digest-print.png", full_page=True)
    page.pdf(path=ARTIFACTS / "digest.pdf")
    for name in [*shots, "digest-dark", "digest-mobile", "digest-print"]:
        assert (ARTIFACTS / f"{name}.png").stat().st_size > 10_000, name

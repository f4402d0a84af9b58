"""Atom feeds (RFC 4287) written by the ``generator/mkdocs_feeds.py`` hook.

The built seeds site is checked structurally (ElementTree, the elements RFC
4287 requires, RFC 3339 dates, ids that are absolute IRIs, links that resolve
to built pages, entries that match the pages' front matter), and
``build_feed`` directly for escaping, the entry cap and determinism.

``feeds_site()`` is also used by the browser tests: it is the session's
``built_site`` when that project carries the feeds hook and stylesheet, and
otherwise a copy of it that does (see its docstring).
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from conftest import ROOT, BuiltSite, build_project, make_project
from generator import mkdocs_feeds

pytestmark = pytest.mark.slow

A = "{http://www.w3.org/2005/Atom}"
FEEDS_HOOK = "generator/mkdocs_feeds.py"
STYLESHEET = "stylesheets/briefing.css"
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")
IRI_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:\S+")

_SITES: dict[str, BuiltSite] = {}


def _config_refs(config: Path) -> tuple[list[str], list[str]]:
    """(files and folders next to mkdocs.yml, files under docs/) that the configuration names."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # !ENV, !!python/name: ...
    data = yaml.load(config.read_text(encoding="utf-8"), Loader=Loader) or {}
    beside = [h for h in data.get("hooks") or [] if isinstance(h, str)]
    theme = data.get("theme")
    if isinstance(theme, dict) and isinstance(theme.get("custom_dir"), str):
        beside.append(theme["custom_dir"])
    in_docs = [
        item if isinstance(item, str) else item.get("path", "")
        for key in ("extra_css", "extra_javascript")
        for item in data.get(key) or []
        if isinstance(item, (str, dict))
    ]
    return beside, [p for p in in_docs if p and "://" not in p]


def feeds_site(built_site: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The built seeds site, with the feeds hook and ``docs/stylesheets/briefing.css`` in the build.

    ``conftest.make_project`` copies only ``mkdocs.yml`` and
    ``generator/mkdocs_hooks.py`` into the temporary project; until it copies
    the feeds hook and the hand-written ``docs/`` files as well, this builds
    (once per session, a few seconds) a second project that has everything
    ``mkdocs.yml`` names, and registers the hook and stylesheet in that
    copy's ``mkdocs.yml`` if the repository's does not yet.
    """
    if "site" in _SITES:
        return _SITES["site"]
    config = (built_site.root / "mkdocs.yml").read_text(encoding="utf-8")
    complete = (
        built_site.result.returncode == 0
        and FEEDS_HOOK in config
        and STYLESHEET in config
        and (built_site.root / FEEDS_HOOK).is_file()
        and (built_site.docs / STYLESHEET).is_file()
        and (built_site.site / "feed.xml").is_file()
    )
    if complete:
        _SITES["site"] = built_site
        return built_site
    root = make_project(tmp_path_factory.mktemp("feeds") / "project")
    beside, in_docs = _config_refs(ROOT / "mkdocs.yml")
    for rel in [*beside, FEEDS_HOOK]:
        src = ROOT / rel
        if src.is_dir():
            shutil.copytree(src, root / rel, dirs_exist_ok=True)
        elif src.is_file():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, root / rel)
    for rel in [*in_docs, STYLESHEET, "assets"]:
        src = ROOT / "docs" / rel
        if src.is_dir():
            shutil.copytree(src, root / "docs" / rel, dirs_exist_ok=True)
        elif src.is_file():
            (root / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, root / "docs" / rel)
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    if FEEDS_HOOK not in text:
        text = re.sub(r"(?m)^hooks:\n", f"hooks:\n  - {FEEDS_HOOK}\n", text, count=1)
    if STYLESHEET not in text:
        text += f"\nextra_css:\n  - {STYLESHEET}\n"
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    site = build_project(root)
    assert site.result.returncode == 0, site.result.stdout + site.result.stderr
    _SITES["site"] = site
    return site


@pytest.fixture(scope="module")
def site(built_site, tmp_path_factory) -> BuiltSite:
    return feeds_site(built_site, tmp_path_factory)


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), path
    return yaml.safe_load(text[4 : text.index("\n---\n", 4)])


def pages_of(site: BuiltSite, kind: str) -> dict[str, dict]:
    """URL path ('articles/x/') -> front matter of every article (kind 'article') or digest page."""
    out = {}
    for md in sorted(site.docs.rglob("*.md")):
        rel = md.relative_to(site.docs)
        if rel.parts[0].startswith("."):
            continue
        meta = front_matter(md)
        is_article = meta.get("type") == "article" and "id" in meta and "date" in meta
        if (kind == "article" and is_article) or (kind == "digest" and meta.get("type") == "digest"):
            out[rel.with_suffix("").as_posix() + "/"] = meta
    return out


def parse(site: BuiltSite, name: str) -> ET.Element:
    path = site.site / name
    assert path.is_file(), f"{name} was not built"
    assert path.read_bytes().startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    return ET.parse(path).getroot()


def rfc3339(value: str | None) -> dt.datetime:
    assert value and RFC3339.fullmatch(value), f"not an RFC 3339 date-time: {value!r}"
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))


def one(parent: ET.Element, tag: str) -> ET.Element:
    found = parent.findall(A + tag)
    assert len(found) == 1, f"{parent.tag} needs exactly one atom:{tag}, has {len(found)}"
    return found[0]


def check_feed(feed: ET.Element) -> list[ET.Element]:
    """The RFC 4287 requirements on atom:feed and its entries; returns the entries."""
    assert feed.tag == A + "feed"
    assert IRI_SCHEME.fullmatch(one(feed, "id").text or "")
    assert (one(feed, "title").text or "").strip()
    updated = rfc3339(one(feed, "updated").text)
    entries = feed.findall(A + "entry")
    # atom:author is required on the feed unless every entry has one.
    assert feed.findall(A + "author") or all(e.findall(A + "author") for e in entries)
    for author in feed.iter(A + "author"):
        assert (one(author, "name").text or "").strip()
    self_links = [link for link in feed.findall(A + "link") if link.get("rel") == "self"]
    assert len(self_links) == 1 and self_links[0].get("href")
    ids = []
    for entry in entries:
        ids.append(one(entry, "id").text or "")
        assert IRI_SCHEME.fullmatch(ids[-1]), ids[-1]
        assert (one(entry, "title").text or "").strip()
        assert rfc3339(one(entry, "updated").text) <= updated
        alternates = [link for link in entry.findall(A + "link") if link.get("rel", "alternate") == "alternate"]
        assert len(alternates) == 1 and alternates[0].get("href"), "an entry without content needs one alternate link"
    assert len(ids) == len(set(ids)), "entry ids repeat"
    dates = [rfc3339(one(e, "updated").text) for e in entries]
    assert dates == sorted(dates, reverse=True), "entries are not newest first"
    return entries


def target(site: BuiltSite, href: str) -> Path:
    """The built file a relative feed link points at (feeds live at the site root)."""
    assert not urlsplit(href).scheme, f"expected a relative link without site_url: {href}"
    path = site.site / href
    return path / "index.html" if href.endswith("/") or path.is_dir() else path


def test_article_feed_is_valid_and_matches_front_matter(site: BuiltSite) -> None:
    entries = check_feed(parse(site, "feed.xml"))
    articles = pages_of(site, "article")
    assert articles, "no article pages"
    assert len(entries) == min(len(articles), mkdocs_feeds.MAX_ENTRIES)
    expected = sorted(articles.items(), key=lambda kv: (str(kv[1]["date"]), kv[1]["id"]), reverse=True)
    for entry, (url, meta) in zip(entries, expected):
        assert one(entry, "id").text == f"urn:briefing:article:{meta['id']}"
        assert one(entry, "title").text == meta["title"]
        assert one(entry, "updated").text == f"{meta['date']}T00:00:00Z"
        assert one(entry, "summary").text == " ".join(meta["summary"].split())
        href = one(entry, "link").get("href")
        assert href == url and target(site, href).is_file()
        assert [c.get("term") for c in entry.findall(A + "category")] == meta["tags"]


def test_digest_feed_is_valid_and_lists_digests_by_update(site: BuiltSite) -> None:
    entries = check_feed(parse(site, "digests.xml"))
    digests = pages_of(site, "digest")
    assert digests, "no digest pages"
    assert len(entries) == min(len(digests), mkdocs_feeds.MAX_ENTRIES)
    by_id = {f"urn:briefing:digest:{meta['topic']}": (url, meta) for url, meta in digests.items()}
    for entry in entries:
        url, meta = by_id[one(entry, "id").text]
        assert one(entry, "title").text == meta["title"]
        assert one(entry, "updated").text == f"{meta['updated']}T00:00:00Z"
        assert one(entry, "summary").text == " ".join(meta["summary"].split())
        href = one(entry, "link").get("href")
        assert href == url and target(site, href).is_file()
    newest = max(str(m["updated"]) for m in digests.values())
    assert one(parse(site, "digests.xml"), "updated").text == f"{newest}T00:00:00Z"


def test_feed_self_links_and_home_link(site: BuiltSite) -> None:
    for name in ("feed.xml", "digests.xml"):
        feed = parse(site, name)
        links = {link.get("rel"): link.get("href") for link in feed.findall(A + "link")}
        assert links["self"] == name
        assert target(site, links["alternate"]) == site.site / "index.html"


def test_every_page_links_both_feeds_in_its_head(site: BuiltSite) -> None:
    link = re.compile(r'<link rel="alternate feed" type="application/atom\+xml" title="[^"]+" href="([^"]+)">')
    pages = sorted(site.site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        text = page.read_text(encoding="utf-8")
        head = text[: text.index("</head>")]
        hrefs = link.findall(head)
        assert len(hrefs) == 2, page
        # Exactly "alternate" would make Material fetch sitemap.xml beside each link (fails from file://).
        assert '<link rel="alternate"' not in head.replace('rel="alternate" hreflang', ""), page
        base = "http://127.0.0.1/" + page.relative_to(site.site).as_posix()
        for href, name in zip(hrefs, ("feed.xml", "digests.xml")):
            resolved = urljoin(base, href)
            if page.name == "404.html":  # served at any depth: links from the site root
                assert href == "/" + name
            assert resolved == "http://127.0.0.1/" + name, (page, href)


# ---------------------------------------------------------------------------
# build_feed on its own
# ---------------------------------------------------------------------------

def entry(n: int, **extra) -> dict:
    return {"key": f"k{n:03d}", "title": f"Title {n}", "url": f"articles/a{n}/",
            "updated": (dt.date(2024, 1, 1) + dt.timedelta(days=n)).isoformat(), "summary": f"Summary {n}", **extra}


def xml_bytes(tree: ET.ElementTree) -> bytes:
    import io

    out = io.BytesIO()
    tree.write(out, encoding="utf-8", xml_declaration=True)
    return out.getvalue()


def feed(entries, site_url: str = "") -> ET.Element:
    tree = mkdocs_feeds.build_feed("article", entries, site_name="Briefing", site_url=site_url,
                                   feed_path="feed.xml", author="")
    return ET.fromstring(xml_bytes(tree))


def test_text_is_escaped_and_xml_stays_well_formed() -> None:
    hostile = entry(1, title=mkdocs_feeds._text('<script>alert("x")</script> & \x00\x1b]]>'),
                    summary=mkdocs_feeds._text("a < b &amp; c\x0c"))
    root = feed([hostile])
    (item,) = check_feed(root)
    assert one(item, "title").text == '<script>alert("x")</script> & ]]>'
    assert one(item, "summary").text == "a < b &amp; c"
    assert not root.findall(f".//{A}script")


def test_newest_entries_only_and_order_does_not_depend_on_input() -> None:
    items = [entry(n) for n in range(120)]
    entries = check_feed(feed(items))
    assert len(entries) == mkdocs_feeds.MAX_ENTRIES
    assert one(entries[0], "id").text == "urn:briefing:article:k119"
    shuffled = items[::2] + items[1::2]
    assert xml_bytes(ET.ElementTree(feed(items))) == xml_bytes(ET.ElementTree(feed(shuffled)))


def test_site_url_makes_links_absolute_but_not_ids() -> None:
    root = feed([entry(1)], site_url="https://example.org/briefing")
    (item,) = check_feed(root)
    assert one(item, "link").get("href") == "https://example.org/briefing/articles/a1/"
    assert one(item, "id").text == "urn:briefing:article:k001"
    links = {link.get("rel"): link.get("href") for link in root.findall(A + "link")}
    assert links == {"self": "https://example.org/briefing/feed.xml", "alternate": "https://example.org/briefing/"}


def test_an_empty_feed_is_still_valid() -> None:
    assert check_feed(feed([])) == []


@pytest.mark.parametrize("value, expected", [
    ("2024-12-10", "2024-12-10"), (dt.date(2024, 12, 10), "2024-12-10"),
    (dt.datetime(2024, 12, 10, 8, 30), "2024-12-10"), ("2024-12", None), ("2024-02-30", None), (None, None),
])
def test_front_matter_dates(value, expected) -> None:
    assert mkdocs_feeds._date(value) == expected

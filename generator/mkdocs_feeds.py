"""MkDocs hook: Atom feeds (RFC 4287) of the newest articles and digests.

While the site is built, every page's front matter is collected
(``on_page_context``); after the build (``on_post_build``) two feeds are
written to the site root:

* ``feed.xml``: the newest :data:`MAX_ENTRIES` article pages (front matter
  with ``date`` and ``id``), newest first;
* ``digests.xml``: the most recently updated digests (``type: digest``, and the
  editor's ``match:`` topic pages, whose ``updated`` date is read from the
  digest the generator wrote for them under ``docs/.digests/``).

Every page gets ``<link rel="alternate feed" type="application/atom+xml">``
tags for both feeds in its ``<head>`` (``on_post_page``; the 404 page through
``on_post_template``), so feed readers find them. Not a bare
``rel="alternate"``: Material's JavaScript fetches ``sitemap.xml`` next to
every ``link[rel=alternate]`` (its language alternates), which fails with
console errors when the site is opened from disk (file://); readers that
split ``rel`` into tokens, as HTML defines it, still see ``alternate``.

Identifiers never depend on where the site is published: entries are
``urn:briefing:article:<id>`` (the article's content hash from its front
matter) and ``urn:briefing:digest:<topic>``. Links are absolute when
``site_url`` is set in ``mkdocs.yml``; otherwise they are relative to the
feed's own address (the site root), which RFC 4287 allows (relative IRIs are
resolved against the feed document's URI) but some feed readers handle
poorly: set ``site_url`` for a published site.

The XML is built with :mod:`xml.etree.ElementTree` (all text escaped) and is
deterministic: same pages, same bytes (no build time is written; a feed's
``updated`` is its newest entry's date).
"""

from __future__ import annotations

import datetime as _dt
import html
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

ATOM = "http://www.w3.org/2005/Atom"
MAX_ENTRIES = 50
ARTICLES_FEED = "feed.xml"
DIGESTS_FEED = "digests.xml"
INCLUDE_DIR = ".digests"
"""Where the generator writes the digest of an editor's ``match:`` topic page (see mkdocs_hooks.py)."""

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

_articles: list[dict[str, Any]] = []
_digests: list[dict[str, Any]] = []

ET.register_namespace("", ATOM)


# ---------------------------------------------------------------------------
# Collecting the pages
# ---------------------------------------------------------------------------

def _date(value: object) -> str | None:
    """A front-matter date (``2024-12-10`` string or YAML date) -> ``YYYY-MM-DD``, else None."""
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, str) and _DATE.fullmatch(value.strip()):
        try:
            return _dt.date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            return None
    return None


def _text(value: object) -> str:
    """Plain text for the feed: one line, no characters XML 1.0 forbids."""
    if value is None:
        return ""
    return " ".join(_INVALID_XML.sub("", str(value)).split())


def _include_meta(config: Any, page: Any) -> dict[str, Any]:
    """Front matter of the digest the generator wrote for an editor's ``match:`` page."""
    path = Path(config["docs_dir"]) / INCLUDE_DIR / page.file.src_uri
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return {}
    if not text.startswith("---\n"):
        return {}
    end = text.find("\n---\n", 4)
    if end < 0:
        return {}
    import yaml  # noqa: PLC0415 - MkDocs depends on it

    try:
        meta = yaml.safe_load(text[4:end])
    except yaml.YAMLError:
        return {}
    return meta if isinstance(meta, dict) else {}


def on_pre_build(config: Any) -> None:  # noqa: ANN401 - MkDocs hook signature
    _articles.clear()
    _digests.clear()


def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:  # noqa: ANN401
    meta = page.meta or {}
    title = _text(meta.get("title") or page.title)
    if meta.get("type") == "digest" or meta.get("match"):
        updated = _date(meta.get("updated"))
        topic = meta.get("topic")
        if meta.get("match"):
            include = _include_meta(config, page)
            updated = updated or _date(include.get("updated"))
            topic = topic or include.get("topic")
        if updated and title:
            _digests.append({
                "key": _text(topic) or page.url.strip("/") or "index",
                "title": title,
                "url": page.url,
                "updated": updated,
                "summary": _text(meta.get("summary")),
            })
    elif meta.get("type", "article") == "article" and meta.get("id") and _date(meta.get("date")) and title:
        tags = meta.get("tags")
        _articles.append({
            "key": _text(meta["id"]),
            "title": title,
            "url": page.url,
            "updated": _date(meta.get("date")),
            "summary": _text(meta.get("summary")),
            "tags": [_text(t) for t in tags if _text(t)] if isinstance(tags, list) else [],
        })
    return context


# ---------------------------------------------------------------------------
# Writing the feeds
# ---------------------------------------------------------------------------

def _rfc3339(day: str) -> str:
    return f"{day}T00:00:00Z"


def _href(site_url: str, path: str) -> str:
    """``path`` (relative to the site root) absolute under ``site_url``, else as is ('' -> './')."""
    if site_url:
        return urljoin(site_url.rstrip("/") + "/", path)
    return path or "./"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


def build_feed(kind: str, entries: list[dict[str, Any]], *, site_name: str, site_url: str,
               feed_path: str, author: str) -> ET.ElementTree:
    """An Atom feed of ``entries`` (newest first, at most :data:`MAX_ENTRIES`)."""
    ordered = sorted(entries, key=lambda e: (e["updated"], e["key"], e["url"]), reverse=True)
    seen: set[str] = set()
    unique = []
    for entry in ordered:  # one entry per id, as RFC 4287 asks within a feed document
        if entry["key"] not in seen:
            seen.add(entry["key"])
            unique.append(entry)
    unique = unique[:MAX_ENTRIES]
    label = "latest articles" if kind == "article" else "stories and topics"
    feed = ET.Element(f"{{{ATOM}}}feed")
    _sub(feed, "id", f"urn:briefing:feed:{kind}s")
    _sub(feed, "title", f"{_text(site_name) or 'Briefing'}: {label}")
    newest = unique[0]["updated"] if unique else "1970-01-01"
    _sub(feed, "updated", _rfc3339(newest))
    _sub(feed, "link", rel="self", type="application/atom+xml", href=_href(site_url, feed_path))
    _sub(feed, "link", rel="alternate", type="text/html", href=_href(site_url, ""))
    _sub(_sub(feed, "author"), "name", _text(author) or _text(site_name) or "Briefing")
    for item in unique:
        entry = _sub(feed, "entry")
        _sub(entry, "id", f"urn:briefing:{kind}:{item['key']}")
        _sub(entry, "title", item["title"])
        _sub(entry, "updated", _rfc3339(item["updated"]))
        _sub(entry, "link", rel="alternate", type="text/html", href=_href(site_url, item["url"]))
        if item["summary"]:
            _sub(entry, "summary", item["summary"])
        for tag in item.get("tags", ()):
            _sub(entry, "category", term=tag)
    ET.indent(feed)
    return ET.ElementTree(feed)


def on_post_build(config: Any) -> None:  # noqa: ANN401
    site = Path(config["site_dir"])
    common = {
        "site_name": config.get("site_name") or "",
        "site_url": config.get("site_url") or "",
        "author": config.get("site_author") or "",
    }
    for kind, entries, name in (("article", _articles, ARTICLES_FEED), ("digest", _digests, DIGESTS_FEED)):
        tree = build_feed(kind, entries, feed_path=name, **common)
        tree.write(site / name, encoding="utf-8", xml_declaration=True)


# ---------------------------------------------------------------------------
# Making them discoverable
# ---------------------------------------------------------------------------

def _links(root: str, config: Any) -> str:
    """The ``<link rel=alternate>`` tags; ``root`` is the site root relative to the page ('' or '../')."""
    name = html.escape(_text(config.get("site_name")) or "Briefing")
    return "".join(
        f'<link rel="alternate feed" type="application/atom+xml" title="{name}: {label}" '
        f'href="{html.escape(root + feed)}">'
        for feed, label in ((ARTICLES_FEED, "latest articles"), (DIGESTS_FEED, "stories and topics"))
    )


def _insert(output: str, links: str) -> str:
    at = output.find("</head>")
    if at < 0:
        return output
    return output[:at] + links + output[at:]


def on_post_page(output: str, page: Any, config: Any) -> str:  # noqa: ANN401
    # page.url is relative to the site root: 'articles/x/' -> '../../', '' -> ''.
    return _insert(output, _links("../" * page.url.count("/"), config))


def on_post_template(output_content: str, template_name: str, config: Any) -> str:  # noqa: ANN401
    if template_name != "404.html":
        return output_content
    # The 404 page is served at any depth: MkDocs links it from site_url's path (or '/').
    root = urlsplit(config.get("site_url") or "/").path
    return _insert(output_content, _links(root.rstrip("/") + "/", config))

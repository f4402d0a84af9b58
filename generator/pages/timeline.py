"""The timeline: every dated event across the corpus, newest first, one page per year."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from typing import Callable

from .. import markup
from ..corpus import Corpus
from ..models import Page
from ..wording import excerpt
from .common import BOOST, anchor, long_date


def timeline_pages(corpus: Corpus, keep: Callable[[str, str], bool] | None = None, version: str = "") -> list[Page]:
    """One page per year and the index; a year whose events and their articles' titles are
    unchanged is kept as on disk when ``keep`` says so."""
    events: dict[str, list[tuple[str, str, str, str, int, str]]] = defaultdict(list)
    for document in corpus.documents:
        for event in document.analysis.events:
            events[event.date[:4]].append(
                (event.date, event.text, event.expression, document.slug, event.paragraph, document.title))
    years: dict[str, list[tuple[str, str, str, int]]] = defaultdict(list)
    pages = []
    prints: dict[str, str] = {}
    kept: set[str] = set()
    for year, items in events.items():
        prints[year] = hashlib.sha256(repr((version, year, sorted(items))).encode("utf-8")).hexdigest()
        if keep is not None and keep(f"timeline/{year}.md", prints[year]):
            pages.append(Page(f"timeline/{year}.md", None, prints[year]))
            kept.add(year)
            continue
        years[year] = [(date, excerpt(text, expression), slug, paragraph)
                       for date, text, expression, slug, paragraph, _ in items]
    index = ["# Timeline", "", "Every date the articles state or imply, resolved against each article's date.", ""]
    for year in sorted(events, reverse=True):
        count = len(events[year])
        index.append(f"- [{year}]({year}.md) · {count} event{'s' if count != 1 else ''}")
        here = f"timeline/{year}.md"
        if year in kept:
            continue
        out = [f"# Timeline: {year}", "", "| When | What happened | Source |", "|---|---|---|"]
        for date, text, slug, paragraph in sorted(years[year], key=lambda e: (e[0], e[2], e[3]), reverse=True):
            document = corpus.by_slug[slug]
            target = markup.relative(here, document.path)
            out.append(f"| {long_date(date)} | {markup.text(text)} | [{markup.text(document.title)}]({target}#{anchor(paragraph)}) |")
        meta = {"title": f"Timeline: {year}", "type": "index", "search": {"boost": BOOST["index"]}}
        pages.append(Page(here, markup.seal(meta, "\n".join(out) + "\n"), prints[year]))
    if not events:
        index.append("*No dated events yet.*")
    meta = {"title": "Timeline", "type": "index", "search": {"boost": BOOST["index"]}}
    pages.append(Page("timeline/index.md", markup.seal(meta, "\n".join(index) + "\n")))
    return pages

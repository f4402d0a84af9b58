"""The timeline: every dated event across the corpus, newest first, one page per year."""

from __future__ import annotations

from collections import defaultdict

from .. import markup
from ..corpus import Corpus
from ..models import Page
from ..wording import excerpt
from .common import BOOST, anchor, long_date


def timeline_pages(corpus: Corpus) -> list[Page]:
    years: dict[str, list[tuple[str, str, str, int]]] = defaultdict(list)
    for document in corpus.documents:
        for event in document.analysis.events:
            years[event.date[:4]].append((event.date, excerpt(event.text, event.expression), document.slug, event.paragraph))
    pages = []
    index = ["# Timeline", "", "Every date the articles state or imply, resolved against each article's date.", ""]
    for year in sorted(years, reverse=True):
        index.append(f"- [{year}]({year}.md) · {len(years[year])} event{'s' if len(years[year]) != 1 else ''}")
        here = f"timeline/{year}.md"
        out = [f"# Timeline: {year}", "", "| When | What happened | Source |", "|---|---|---|"]
        for date, text, slug, paragraph in sorted(years[year], key=lambda e: (e[0], e[2], e[3]), reverse=True):
            document = corpus.by_slug[slug]
            target = markup.relative(here, document.path)
            out.append(f"| {long_date(date)} | {markup.text(text)} | [{markup.text(document.title)}]({target}#{anchor(paragraph)}) |")
        meta = {"title": f"Timeline: {year}", "type": "index", "search": {"boost": BOOST["index"]}}
        pages.append(Page(here, markup.seal(meta, "\n".join(out) + "\n")))
    if not years:
        index.append("*No dated events yet.*")
    meta = {"title": "Timeline", "type": "index", "search": {"boost": BOOST["index"]}}
    pages.append(Page("timeline/index.md", markup.seal(meta, "\n".join(index) + "\n")))
    return pages

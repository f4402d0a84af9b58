"""The timeline: every dated event across the corpus, newest first, one page per month.

A page per month keeps each page readable at any corpus size (a page per
year held about 10,000 rows and 4 MB of HTML at 5,000 articles), and a new
article only changes the months its dates fall in. Events dated only by year
("in 2020") have a page of their own per year, after that year's months.
A sentence several articles repeat word for word is one row citing each of them
(at 5,000 articles that was 40,000 rows down to 22,000).
"""

from __future__ import annotations

from collections import defaultdict
from functools import partial

from .. import markup
from ..corpus import Corpus
from ..models import Page, input_hash
from ..wording import excerpt, shorten
from .common import BOOST, PageJob, anchor, long_date

ALSO_LISTED = 2
"""Other articles named in a row that several articles state word for word (the rest are counted)."""
ALSO_TITLE = 48
"""Characters of each such article's headline shown."""

_Event = tuple[str, str, str, str, int, str]
"""(ISO date, sentence, date expression, article slug, paragraph, article title)."""


def _period(date: str) -> str:
    """The page an event goes on: ``2024-03`` for a day or a month, ``2024`` for a year."""
    return date[:7] if len(date) >= 7 else date[:4]


def _title(period: str) -> str:
    return f"Timeline: {long_date(period)}" if len(period) == 7 else f"Timeline: {period}, dated only by year"


def _rows(events: list[_Event]) -> list[list[_Event]]:
    """The events grouped by (date, sentence), newest first: a sentence that several
    articles repeat word for word (wire copy, a standard background line) is one row
    that cites each of them, newest first."""
    rows: dict[tuple[str, str], list[_Event]] = {}
    for event in sorted(events, key=lambda e: (e[0], e[3], e[4]), reverse=True):
        row = rows.setdefault((event[0], event[1]), [])
        if all(event[3] != other[3] for other in row):  # an article is cited once per row
            row.append(event)
    return list(rows.values())


def _page(corpus: Corpus, period: str, events: list[_Event]) -> Page:
    here = f"timeline/{period}.md"
    out = [f"# {markup.text(_title(period))}", "", "| When | What happened | Source |", "|---|---|---|"]
    for row in _rows(events):
        date, text, expression, slug, paragraph, title = row[0]
        first = f"[{markup.text(title)}]({markup.relative(here, corpus.by_slug[slug].path)}#{anchor(paragraph)})"
        also = [f"[{markup.text(shorten(other_title, ALSO_TITLE))}]"
                f"({markup.relative(here, corpus.by_slug[other].path)}#{anchor(at)})"
                for _, _, _, other, at, other_title in row[1 : 1 + ALSO_LISTED]]
        more = len(row) - 1 - len(also)
        cited = first + (" · also in " + "; ".join(also) if also else "") + (f" and {more} more" if more else "")
        out.append(f"| {long_date(date)} | {markup.text(excerpt(text, expression))} | {cited} |")
    meta = {"title": _title(period), "type": "index", "search": {"boost": BOOST["index"]}}
    return Page(here, markup.seal(meta, "\n".join(out) + "\n"))


def timeline_pages(corpus: Corpus, version: str = "") -> tuple[list[PageJob], Page]:
    """A job for the page of each month (and of each year, for year-only dates), and the index.
    A month's fingerprint covers its events and their articles' titles (and code ``version``)."""
    periods: dict[str, list[_Event]] = defaultdict(list)
    for document in corpus.documents:
        for event in document.analysis.events:
            periods[_period(event.date)].append(
                (event.date, event.text, event.expression, document.slug, event.paragraph, document.title))
    jobs = [PageJob(f"timeline/{period}.md", partial(_fingerprint, version, period, events),
                    partial(_page, corpus, period, events))
            for period, events in periods.items()]

    index = ["# Timeline", "", "Every date the articles state or imply, resolved against each article's date, "
             "one page per month.", ""]
    by_year: dict[str, list[str]] = defaultdict(list)
    for period in periods:
        by_year[period[:4]].append(period)
    for year in sorted(by_year, reverse=True):
        index += [f"## {year}", ""]
        for period in sorted(by_year[year], key=lambda p: (len(p) == 7, p), reverse=True):
            count = len({(e[0], e[1]) for e in periods[period]})  # rows, as the page shows them
            label = long_date(period) if len(period) == 7 else f"Dated only by year {period}"
            index.append(f"- [{label}]({period}.md) · {count} event{'s' if count != 1 else ''}")
        index.append("")
    if not periods:
        index.append("*No dated events yet.*")
    meta = {"title": "Timeline", "type": "index", "search": {"boost": BOOST["index"]}}
    return jobs, Page("timeline/index.md", markup.seal(meta, "\n".join(index).rstrip("\n") + "\n"))


def _fingerprint(version: str, period: str, events: list[_Event]) -> str:
    return input_hash((version, period, sorted(events)))

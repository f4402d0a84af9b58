"""The timeline: every dated event across the corpus, newest first, one page per month
(more pages for a month with more than ``MAX_ROWS`` rows).

A page per month, cut into pages of at most ``MAX_ROWS`` rows, keeps each page
readable at any corpus size (a page per year held about 10,000 rows and 4 MB of
HTML at 5,000 articles; the year-only page for 2024 still had 1,800 rows), and a
new article only changes the months its dates fall in. Events dated only by year
("in 2020") have a page of their own per year, after that year's months.
A sentence several articles repeat word for word is one row citing each of them
(at 5,000 articles that was 40,000 rows down to 22,000).
"""

from __future__ import annotations

from collections import defaultdict
from functools import partial
from operator import itemgetter

from .. import markup
from ..corpus import Corpus
from ..models import Page, input_hash
from ..wording import excerpt, shorten
from .common import BOOST, Context, PageJob, anchor, long_date

MAX_ROWS = 200
"""Rows on one timeline page; a longer month (or year, for year-only dates) has more pages."""
ALSO_LISTED = 2
"""Other articles named in a row that several articles state word for word (the rest are counted)."""
ALSO_TITLE = 48
"""Characters of each such article's headline shown."""

Event = tuple[str, str, str, str, int, str]
"""(ISO date, sentence, date expression, article slug, paragraph, article title)."""


def _period(date: str) -> str:
    """The page an event goes on: ``2024-03`` for a day or a month, ``2024`` for a year."""
    return date[:7] if len(date) >= 7 else date[:4]


def _title(period: str) -> str:
    return f"Timeline: {long_date(period)}" if len(period) == 7 else f"Timeline: {period}, dated only by year"


def _rows(events: list[Event]) -> list[list[Event]]:
    """The events grouped by (date, sentence), newest first: a sentence that several
    articles repeat word for word (wire copy, a standard background line) is one row
    that cites each of them, newest first."""
    rows: dict[tuple[str, str], list[Event]] = {}
    for event in sorted(events, key=itemgetter(0, 3, 4), reverse=True):
        row = rows.get((event[0], event[1]))
        if row is None:
            rows[event[0], event[1]] = [event]
        # An article is cited once per row; sorted by date and article, an article's events
        # of one date come together, so an article already cited is the row's last.
        elif row[-1][3] != event[3]:
            # The row's own date and sentence (equal): one object each, so the rows, worked
            # out in another process (pages.prepare), are sent back with each sentence once.
            row.append(row[0][:2] + event[2:])
    return list(rows.values())


def _path(period: str, part: int) -> str:
    return f"timeline/{period}.md" if part == 1 else f"timeline/{period}-page-{part}.md"


def _parts(rows: list[list[Event]]) -> list[list[list[Event]]]:
    """The rows cut into pages of at most ``MAX_ROWS``, newest first (always one page)."""
    return [rows[n : n + MAX_ROWS] for n in range(0, len(rows), MAX_ROWS)] or [[]]


def _pager(here: str, period: str, part: int, parts: int) -> str:
    """``Page 1 · **2** · 3``: links to a period's other pages (newest events on page 1)."""
    return "Page " + " · ".join(
        f"**{n}**" if n == part else f"[{n}]({markup.relative(here, _path(period, n))})" for n in range(1, parts + 1))


def _page(context: Context, period: str, rows: list[list[Event]], part: int, parts: int) -> Page:
    here = _path(period, part)
    links = context.links(here)
    title = _title(period) + (f" (page {part} of {parts})" if parts > 1 else "")
    out = [f"# {markup.text(title)}", ""]
    if parts > 1:
        out += [_pager(here, period, part, parts), ""]
    out += ["| When | What happened | Source |", "|---|---|---|"]
    text_of, passage = markup.text, markup.passage
    for row in rows:
        date, text, expression, slug, paragraph, title_ = row[0]
        cited = f"[{text_of(title_)}]({links.article_target(slug)}#{anchor(paragraph)})"
        if len(row) > 1:  # the other articles stating it
            also = [f"[{text_of(shorten(other_title, ALSO_TITLE))}]({links.article_target(other)}#{anchor(at)})"
                    for _, _, _, other, at, other_title in row[1 : 1 + ALSO_LISTED]]
            more = len(row) - 1 - len(also)
            cited += " · also in " + "; ".join(also) + (f" and {more} more" if more else "")
        out.append(f"| {long_date(date)} | {passage(excerpt(text, expression))} | {cited} |")
    if parts > 1:
        out += ["", _pager(here, period, part, parts)]
    meta = {"title": title, "type": "index", "search": {"boost": BOOST["index"]}}
    return Page(here, markup.seal(meta, "\n".join(out) + "\n"))


def timeline_rows(corpus: Corpus) -> dict[str, list[list[Event]]]:
    """Each period's rows (:func:`_rows`), periods in the order their first event is met."""
    periods: dict[str, list[Event]] = defaultdict(list)
    for document in corpus.documents:
        slug, title = document.slug, document.title
        for date, text, paragraph, expression in document.analysis.events:
            periods[_period(date)].append((date, text, expression, slug, paragraph, title))
    return {period: _rows(events) for period, events in periods.items()}


def timeline_pages(context: Context, version: str = "",
                   rows: dict[str, list[list[Event]]] | None = None) -> tuple[list[PageJob], Page]:
    """Jobs for the pages of each month (and of each year, for year-only dates), and the index.
    A period with more than ``MAX_ROWS`` rows has several pages, so no page grows with the
    corpus. A page's fingerprint covers its rows, their articles' titles, its place among
    the period's pages (and code ``version``). ``rows`` is :func:`timeline_rows`, if known."""
    rows = timeline_rows(context.corpus) if rows is None else rows
    jobs = []
    for period, period_rows in rows.items():
        parts = _parts(period_rows)
        jobs += [PageJob(_path(period, n), partial(_fingerprint, version, period, n, len(parts), part),
                         partial(_page, context, period, part, n, len(parts)))
                 for n, part in enumerate(parts, start=1)]

    index = ["# Timeline", "", "Every date the articles state or imply, resolved against each article's date, "
             "one page per month (a busy month has several).", ""]
    by_year: dict[str, list[str]] = defaultdict(list)
    for period in rows:
        by_year[period[:4]].append(period)
    for year in sorted(by_year, reverse=True):
        index += [f"## {year}", ""]
        for period in sorted(by_year[year], key=lambda p: (len(p) == 7, p), reverse=True):
            count = len(rows[period])  # rows, as the pages show them
            label = long_date(period) if len(period) == 7 else f"Dated only by year {period}"
            index.append(f"- [{label}]({period}.md) · {count} event{'s' if count != 1 else ''}")
        index.append("")
    if not rows:
        index.append("*No dated events yet.*")
    meta = {"title": "Timeline", "type": "index", "search": {"boost": BOOST["index"]}}
    return jobs, Page("timeline/index.md", markup.seal(meta, "\n".join(index).rstrip("\n") + "\n"))


def _fingerprint(version: str, period: str, part: int, parts: int, rows: list[list[Event]]) -> str:
    return input_hash((version, period, part, parts, rows))

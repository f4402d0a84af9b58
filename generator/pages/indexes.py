"""Home, topic list, article archive (one page per month) and the tags index."""

from __future__ import annotations

from collections import defaultdict
from functools import partial

from .. import markup
from ..corpus import Corpus
from ..models import Page, input_hash
from .common import BOOST, Context, PageJob, long_date

HOME_STORIES = 12
HOME_ARTICLES = 15


def _meta(title: str, **extra: object) -> dict[str, object]:
    return {"title": title, "type": "index", **extra, "search": {"boost": BOOST["index"]}}


def _digest_line(corpus: Corpus, slug: str, here: str) -> str:
    digest = corpus.digest_by_slug[slug]
    n = len(digest.topic.members)
    link = markup.link(digest.topic.title, markup.relative(here, corpus.digest_path(slug)))
    return (
        f"- {link} · {n} article{'s' if n != 1 else ''} · updated {long_date(digest.updated)}  \n"
        f"  {markup.text(digest.summary)}"
    )


def _article_line(corpus: Corpus, slug: str, here: str) -> str:
    document = corpus.by_slug[slug]
    link = markup.link(document.title, markup.relative(here, document.path))
    return f"- {link} · {long_date(document.article.date)}  \n  {markup.text(document.analysis.summary)}"


def _newest_digests(corpus: Corpus) -> list[str]:
    ordered = sorted(corpus.digests, key=lambda d: (d.updated, len(d.topic.members), d.topic.slug), reverse=True)
    return [d.topic.slug for d in ordered]


def home(corpus: Corpus) -> Page:
    here = "index.md"
    out = ["# Briefing", ""]
    if corpus.documents:
        newest = corpus.documents[0].article.date
        out += [
            f"*{len(corpus.documents)} articles, {len(corpus.digests)} stories and topics; "
            f"latest article {long_date(newest)}.*",
            "",
        ]
    else:
        out += ["*No articles yet: add files to `seeds/` and run `make site`.*", ""]
    digests = _newest_digests(corpus)
    if digests:
        out += ["## Latest stories", ""]
        out += [_digest_line(corpus, s, here) for s in digests[:HOME_STORIES]]
        if len(digests) > HOME_STORIES:
            out += ["", f"[All {len(digests)} stories and topics](topics/index.md)"]
        out.append("")
    if corpus.documents:
        out += ["## Latest articles", ""]
        out += [_article_line(corpus, d.slug, here) for d in corpus.documents[:HOME_ARTICLES]]
        out.append("")
    out += [
        "## Everything else",
        "",
        "- [Stories and topics](topics/index.md): one digest per story, with sources, agreements and disagreements",
        "- [Articles by month](articles/index.md)",
        "- [People, organisations, places, equipment and events](entities/index.md)",
        "- [Timeline](timeline/index.md): every dated event",
        "- [Tags](tags.md)",
        "",
    ]
    return Page(here, markup.seal(_meta("Briefing"), "\n".join(out)))


def topics_index(corpus: Corpus) -> Page:
    here = "topics/index.md"
    out = ["# Stories and topics", ""]
    digests = _newest_digests(corpus)
    if not digests:
        out.append("*No stories yet.*")
    out += [_digest_line(corpus, s, here) for s in digests]
    return Page(here, markup.seal(_meta("Stories and topics"), "\n".join(out) + "\n"))


def archive(context: Context, version: str = "") -> tuple[list[PageJob], Page]:
    """A job for each month's list of articles (code ``version``), and the index of months."""
    corpus = context.corpus
    months: dict[str, list[str]] = defaultdict(list)
    for document in corpus.documents:
        months[document.article.date.strftime("%Y-%m")].append(document.slug)
    here = "articles/index.md"
    out = ["# Articles by month", ""]
    by_year: dict[str, list[str]] = defaultdict(list)
    for month in sorted(months, reverse=True):
        by_year[month[:4]].append(month)
    for year in sorted(by_year, reverse=True):
        out += [f"## {year}", ""]
        for month in by_year[year]:
            label = long_date(month)
            count = len(months[month])
            out.append(f"- [{label}]({month}.md) · {count} article{'s' if count != 1 else ''}")
        out.append("")
    if not months:
        out.append("*No articles yet.*")
    jobs = [PageJob(f"articles/{month}.md", partial(_month_fingerprint, context, month, slugs, version),
                    partial(_month_page, context, month, slugs))
            for month, slugs in months.items()]
    return jobs, Page(here, markup.seal(_meta("Articles by month"), "\n".join(out)))


def _month_page(context: Context, month: str, slugs: list[str]) -> Page:
    path = f"articles/{month}.md"
    label = long_date(month)
    links, by_slug = context.links(path), context.corpus.by_slug
    lines = [f"{links.listed(s)}  \n  {markup.text(by_slug[s].analysis.summary)}" for s in slugs]
    body = [f"# Articles of {label}", "", *lines, ""]
    return Page(path, markup.seal(_meta(f"Articles of {label}"), "\n".join(body)))


def _month_fingerprint(context: Context, month: str, slugs: list[str], version: str) -> str:
    """Hash of what a month's list shows: each article's slug, title, date and summary."""
    ids = context.entry_ids
    return input_hash((version, month, b"".join([ids[s] for s in slugs])))


def tags_index() -> Page:
    body = "# Tags\n\nEvery tag, with the articles that carry it.\n\n<!-- material/tags -->\n"
    return Page("tags.md", markup.seal(_meta("Tags"), body))

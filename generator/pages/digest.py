"""The digest page: the page an analyst reads instead of the articles."""

from __future__ import annotations

from .. import markup
from ..corpus import Corpus
from ..digests import MAX_DIGEST_ARTICLES, MAX_TIMELINE
from ..models import Digest, Page, input_hash
from .common import BOOST, TYPE_LABELS, Citer, Context, long_date

INCLUDE_DIR = ".digests"
"""Where the digest of an editor's topic page is written; a MkDocs hook appends it to the page."""
MAX_ARTICLES_LISTED = 200


def numbering(digest: Digest) -> dict[str, int]:
    """Sources numbered oldest first, so [1] is the first report."""
    return {slug: n for n, slug in enumerate(reversed(digest.topic.members), start=1)}


def front_matter(corpus: Corpus, digest: Digest) -> dict[str, object]:
    by_slug = corpus.by_slug
    return {
        "title": markup.clean(digest.topic.title),
        "type": "digest",
        "topic": digest.topic.slug,
        "summary": markup.clean(digest.summary),
        "updated": digest.updated.isoformat(),
        "articles": [by_slug[s].article.source for s in digest.topic.members if s in by_slug],
        "corroborated_facts": sum(1 for f in digest.facts if f.count > 1),
        "disagreements": len(digest.disagreements),
        "search": {"boost": BOOST["digest"]},
    }


def sections(context: Context, digest: Digest, here: str) -> list[str]:
    """Everything below the title; ``here`` is the page the links are relative to."""
    corpus = context.corpus
    links = context.links(here)
    numbers = numbering(digest)
    cite = Citer(numbers, here)
    by_slug = corpus.by_slug
    total = len(digest.topic.members)
    noun = "article" if total == 1 else "articles"
    out = [f"*Digest of {total} {noun} · updated {long_date(digest.updated)}*", ""]
    if digest.overview:
        out += ['!!! abstract "Overview"', ""]
        for fact in digest.overview:
            out.append(f"    {markup.text(fact.text)} {cite(fact.citations)}")
            out.append("")
    if digest.facts:
        out += ["## Key facts", ""]
        for fact in digest.facts:
            count = fact.count
            badge = f"**reported by {count} of {total} {noun}**" if count > 1 else "*one source*"
            out.append(f"- {markup.text(fact.text)} — {badge} {cite(fact.citations)}")
        out.append("")
    if digest.disagreements:
        out += ["## Where the sources disagree", ""]
        for item in digest.disagreements:
            out += [f"**{markup.text(item.about)}**", "", "| Version | Reported by |", "|---|---|"]
            for claim in item.claims:
                out.append(f"| {markup.text(claim.value)} | {cite(claim.citations)} |")
            out.append("")
    if digest.timeline:
        out += ["## Timeline", "", "| When | What happened | Sources |", "|---|---|---|"]
        for entry in digest.timeline:
            out.append(
                f"| {long_date(entry.date)} | {markup.text(entry.text)} | {cite(entry.citations)} |"
            )
        out.append("")
        if total > MAX_DIGEST_ARTICLES or len(digest.timeline) >= MAX_TIMELINE:
            everything = markup.relative(here, "timeline/index.md")
            out += [f"*The best-sourced dates of the newest {min(total, MAX_DIGEST_ARTICLES)} articles; "
                    f"every date of every article is on the [timeline]({everything}).*", ""]
    if digest.quotes:
        out += ["## Who said what", ""]
        for quote, slug in digest.quotes:
            speaker = markup.text(quote.speaker) if quote.speaker else "Unattributed"
            out += [
                f"> “{markup.text(quote.text)}”  ",
                f"> — **{speaker}** {cite.link(slug, quote.paragraph)}",
                "",
            ]
    lines = []
    for type_, label in TYPE_LABELS.items():
        names = digest.entities.get(type_, ())
        named = [link for n in names if (link := links.entity(type_, n)) is not None]
        if named:
            lines.append(f"- **{label}:** " + " · ".join(named))
    if lines:
        out += ["## People, places and things", "", *lines, ""]
    out += ["## Articles", ""]
    contributions = dict(digest.contributions)
    cards = corpus.cards
    for slug in digest.topic.members[:MAX_ARTICLES_LISTED]:
        card = cards.get(slug)
        if card is None:
            continue
        adds = contributions.get(slug)
        if adds is None:
            adds = by_slug[slug].analysis.summary
        out.append(f"{numbers[slug]}. {links.article(slug)} · {long_date(card[2])}  ")
        out.append(f"    {markup.text(adds)}")
    if total > MAX_ARTICLES_LISTED:
        out.append(f"\n*…and {total - MAX_ARTICLES_LISTED} older articles.*")
    out.append("")
    return out


def fingerprint(context: Context, digest: Digest, version: str) -> str:
    """Hash of everything :func:`render` reads: the digest (by its key) and the listed articles."""
    by_slug, ids = context.corpus.by_slug, context.entry_ids
    listed = b"".join([ids[s] for s in digest.topic.members[:MAX_ARTICLES_LISTED] if s in ids])
    names = [(t, n, context.entity_path(t, n)) for t, ns in digest.entities.items() for n in ns]
    sources = [by_slug[s].article.source for s in digest.topic.members if s in by_slug]
    inputs = (version, digest.key or digest, digest.topic, listed, names, sources)
    return input_hash(inputs)


def render(context: Context, digest: Digest) -> Page:
    """A generated digest page, or, for an editor's topic, the include the hook appends."""
    return Page(path(digest), markup.seal(*_meta_and_body(context, digest)))


def path(digest: Digest) -> str:
    """Where the digest is written: its topic page, or the include of an editor's page."""
    return f"{INCLUDE_DIR}/{digest.topic.page}" if digest.topic.page else f"topics/{digest.topic.slug}.md"


def _meta_and_body(context: Context, digest: Digest) -> tuple[dict[str, object], str]:
    if digest.topic.page:
        here = digest.topic.page
        body = ["## Digest", "", *sections(context, digest, here)]
        meta = {"include_for": digest.topic.page, "topic": digest.topic.slug,
                "updated": digest.updated.isoformat()}
        return meta, "\n".join(body)
    here = f"topics/{digest.topic.slug}.md"
    body = [f"# {markup.text(digest.topic.title)}", "", *sections(context, digest, here)]
    return front_matter(context.corpus, digest), "\n".join(body)

"""The article page: what happened, who, what was said, then the text with anchors."""

from __future__ import annotations

import math
from collections import Counter

from .. import markup
from ..corpus import Corpus, entity_key
from ..models import Document, Page
from .common import BOOST, TYPE_LABELS, anchor, long_date, safe_url

RELATED = 5
MAX_RELATED_POSTINGS = 150
"""Entities in more articles than this say nothing about relatedness and are skipped."""


def related(corpus: Corpus, document: Document) -> list[str]:
    """Articles sharing the rarer entities with this one, best first."""
    scores: Counter[str] = Counter()
    for key in corpus.counts[document.slug]:
        if key.startswith("place:"):
            continue
        slugs = corpus.mentions.get(key, ())
        if len(slugs) > MAX_RELATED_POSTINGS or len(slugs) < 2:
            continue
        weight = 1 / math.log(1 + len(slugs))
        for slug in slugs:
            if slug != document.slug:
                scores[slug] += weight
    return [s for s, _ in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:RELATED]]


def front_matter(corpus: Corpus, document: Document) -> dict[str, object]:
    article, analysis = document.article, document.analysis
    digests = corpus.digest_by_slug
    meta: dict[str, object] = {
        "title": markup.clean(analysis.headline),
        "type": "article",
        "date": article.date.isoformat(),
        "dateline": markup.clean(analysis.dateline) if analysis.dateline else None,
        "id": article.id,
        "source": article.source,
    }
    if "source" in article.overrides:
        meta["outlet"] = markup.clean(str(article.overrides["source"]))
    if safe_url(article.overrides.get("url")):
        meta["url"] = article.overrides["url"]
    meta.update(
        {
            "summary": markup.clean(analysis.summary),
            "tags": list(document.tags),
            "topics": [digests[s].topic.title for s in corpus.appears_in.get(document.slug, ()) if s in digests],
            "entities": {t: list(names) for t, names in document.entities.items()},
            "quotes": [{"speaker": q.speaker, "text": markup.clean(q.text)} for q in document.quotes],
            "events": [{"date": e.date, "text": markup.clean(e.text)} for e in analysis.events],
            "copies": list(document.copies),
            "search": {"boost": BOOST["article"]},
        }
    )
    return meta


def entity_links(corpus: Corpus, document: Document, from_page: str) -> list[str]:
    lines = []
    for type_, label in TYPE_LABELS.items():
        names = document.entities.get(type_, ())
        if not names:
            continue
        links = []
        for name in names:
            key = entity_key(type_, name)
            if key in corpus.entities:
                links.append(markup.link(name, markup.relative(from_page, corpus.entity_path(key))))
            else:
                links.append(markup.text(name))
        lines.append(f"- **{label}:** " + " · ".join(links))
    return lines


def body(corpus: Corpus, document: Document) -> str:
    article, analysis = document.article, document.analysis
    here = document.path
    out = [f"# {markup.text(analysis.headline)}", ""]
    facts = [f"**{long_date(article.date)}**"]
    if analysis.dateline:
        facts.append(markup.text(analysis.dateline))
    if "source" in article.overrides:
        facts.append(markup.text(str(article.overrides["source"])))
    out += [" · ".join(facts), ""]
    url = safe_url(article.overrides.get("url"))
    if url:
        out += [f"[Original article]({url})", ""]
    out += ['!!! abstract "Summary"', "", f"    {markup.text(analysis.summary)}", ""]

    entities = entity_links(corpus, document, here)
    if entities:
        out += ["## Who and what", "", *entities, ""]
    if document.quotes:
        out += ["## Quotes", ""]
        for quote in document.quotes:
            speaker = markup.text(quote.speaker) if quote.speaker else "Unattributed"
            out += [
                f"> “{markup.text(quote.text)}”  ",
                f"> — **{speaker}** · [¶{quote.paragraph + 1}](#{anchor(quote.paragraph)})",
                "",
            ]
    digests = corpus.digest_by_slug
    appears = [s for s in corpus.appears_in.get(document.slug, ()) if s in digests]
    if appears:
        out += ["## Appears in", ""]
        for slug in appears:
            target = markup.relative(here, corpus.digest_path(slug))
            out.append(f"- {markup.link(digests[slug].topic.title, target)}")
        out.append("")
    by_slug = corpus.by_slug
    near = [by_slug[s] for s in related(corpus, document) if s in by_slug]
    if near:
        out += ["## Related articles", ""]
        for other in near:
            out.append(
                f"- {markup.link(other.title, markup.relative(here, other.path))} · {long_date(other.article.date)}"
            )
        out.append("")
    if document.copies:
        names = ", ".join(f"`{markup.clean(c).replace('`', '')}`" for c in document.copies)
        out += [f"*Also received, near-identical, as {names}; counted once.*", ""]
    out += [f"*Source file `{markup.clean(article.source).replace('`', '')}` · id {article.id}*", ""]
    out += ["## Article text", ""]
    for n, paragraph in enumerate(analysis.paragraphs):
        out += [markup.text(paragraph), f"{{: #{anchor(n)} }}", ""]
    return "\n".join(out)


def render(corpus: Corpus, document: Document) -> Page:
    return Page(document.path, markup.seal(front_matter(corpus, document), body(corpus, document)))

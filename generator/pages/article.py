"""The article page: what happened, who, what was said, then the text with anchors."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from .. import markup, yaml_emit
from ..corpus import Corpus, entity_key
from ..entities import is_heading
from ..models import Document, Page, input_hash
from .common import BOOST, TYPE_LABELS, Context, Links, anchor, long_date, safe_url

RELATED = 5
RELATED_BLOCK = 1000
MAX_RELATED_POSTINGS = 150
"""Entities in more articles than this say nothing about relatedness and are skipped."""


def related_articles(corpus: Corpus) -> dict[str, tuple[str, ...]]:
    """For every article, the articles sharing the rarer entities with it, best first.

    The score of a pair is the sum, over the non-place entities both mention,
    of ``1 / log(1 + articles mentioning it)``, for entities in 2 to
    ``MAX_RELATED_POSTINGS`` articles. Computed for all articles at once as a
    sparse product (articles x entities) . (entities x articles), in row blocks
    so memory stays bounded; ties go to the smaller slug.
    """
    from scipy import sparse  # imported where used: a rerun works this out in a forked process (pages.prepare)

    slugs = sorted(corpus.counts)
    row = {slug: n for n, slug in enumerate(slugs)}
    keys = [k for k, posting in corpus.mentions.items()
            if not k.startswith("place:") and 2 <= len(posting) <= MAX_RELATED_POSTINGS]
    if not slugs or not keys:
        return {slug: () for slug in slugs}
    rows, cols, weights = [], [], []
    for col, key in enumerate(keys):
        posting = corpus.mentions[key]
        found = [row[slug] for slug in posting if slug in row]
        rows += found
        cols += [col] * len(found)
        weights += [1 / math.log(1 + len(posting))] * len(found)
    shape = (len(slugs), len(keys))
    weighted = sparse.csr_matrix((weights, (rows, cols)), shape=shape)
    present = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=shape).T.tocsc()
    out: dict[str, tuple[str, ...]] = {}
    for start in range(0, len(slugs), RELATED_BLOCK):
        block = (weighted[start : start + RELATED_BLOCK] @ present).tocsr()
        bounds = block.indptr.tolist()
        indices, far = block.indices, -np.round(block.data, 9)
        for n, lo, hi in zip(range(start, start + block.shape[0]), bounds, bounds[1:]):
            # Best first, ties to the smaller slug: a total order, whatever order the row is
            # in. The article itself is among its own pairs: one more is taken, it is left out.
            others = indices[lo:hi]
            best = others[np.lexsort((others, far[lo:hi]))[: RELATED + 1]].tolist()
            out[slugs[n]] = tuple([slugs[i] for i in best if i != n][:RELATED])
    return out


def fingerprint(context: Context, document: Document, related: tuple[str, ...], version: str) -> str:
    """Hash of everything :func:`render` reads for this article (and the code ``version``)."""
    corpus, digests, cards = context.corpus, context.digest_cards, context.card_ids
    article = document.article
    entities = list(document.entities.items())
    paths = []  # each entity's page (or None)
    for type_, names in entities:
        of_type = context.paths_by_type.get(type_, {})
        paths += [of_type.get(name) for name in names]
    inputs = (
        version, document.slug, article.source, article.content_hash, article.date,
        document.analysis.headline, document.tags, document.copies, document.quotes, entities, paths,
        [digests[s] for s in corpus.appears_in.get(document.slug, ()) if s in digests],
        b"".join([cards[s] for s in related if s in cards]),
    )
    return input_hash(inputs)


def front_matter(corpus: Corpus, document: Document) -> list[str]:
    """The article's front matter, line by line: what ``markup.front_matter`` writes for
    the mapping of title, type, date, dateline, id, source, outlet and url (if the editor
    gave them), summary, tags, topics, entities, quotes, events, copies and search boost
    (tests/test_fast_paths.py has it). Written directly: building that mapping and then
    walking it cost half as much again, for the 50-odd lines of each of thousands of pages."""
    inert, clean = markup.inert, markup.clean
    article, analysis = document.article, document.analysis
    lines = [
        f"title: {inert(clean(analysis.headline))}",
        "type: article",
        f"date: {inert(article.date.isoformat())}",
        f"dateline: {inert(clean(analysis.dateline))}" if analysis.dateline else "dateline: null",
        f"id: {inert(article.id)}",
        f"source: {inert(article.source)}",
    ]
    overrides = article.overrides
    if "source" in overrides:
        lines.append(f"outlet: {inert(clean(str(overrides['source'])))}")
    if safe_url(overrides.get("url")):
        lines.append(f"url: {inert(overrides['url'])}")  # type: ignore[arg-type]
    lines.append(f"summary: {inert(clean(analysis.summary))}")
    digests = corpus.digest_by_slug
    _strings(lines, "tags", document.tags)
    _strings(lines, "topics", [digests[s].topic.title for s in corpus.appears_in.get(document.slug, ()) if s in digests])
    if document.entities:
        lines.append("entities:")
        for type_, names in document.entities.items():
            _strings(lines, type_, names, "  ")
    else:
        lines.append("entities: {}")
    _records(lines, "quotes", [("speaker", "null" if quote.speaker is None else inert(quote.speaker),
                                "text", inert(clean(quote.text))) for quote in document.quotes])
    _records(lines, "events", [("date", inert(event.date), "text", inert(clean(event.text)))
                               for event in analysis.events])
    _strings(lines, "copies", document.copies)
    lines += ["search:", f"  boost: {yaml_emit.scalar(BOOST['article'])}"]
    return lines


def _strings(lines: list[str], key: str, values: Sequence[str], indent: str = "") -> None:
    """``key:`` and ``- value`` for each (``key: []`` for none), as YAML front matter."""
    key = yaml_emit.scalar(key)  # as dump writes a key (remembered)
    if values:
        lines.append(f"{indent}{key}:")
        lines += [f"{indent}- {markup.inert(value)}" for value in values]
    else:
        lines.append(f"{indent}{key}: []")


def _records(lines: list[str], key: str, rows: Sequence[tuple[str, str, str, str]]) -> None:
    """``key:`` and a two-field mapping per row (``key: []`` for none), as YAML front matter: each
    row is ``(field, value, field, value)``, the values already written as YAML scalars."""
    if not rows:
        lines.append(f"{key}: []")
        return
    lines.append(f"{key}:")
    for first, first_value, second, second_value in rows:
        lines.append(f"- {first}: {first_value}")
        lines.append(f"  {second}: {second_value}")


def entity_links(document: Document, links: Links) -> list[str]:
    """``- **People:** [A](…) · B``: a line per type of entity the article names, each name
    linked to its page if it has one."""
    lines = []
    for type_, label in TYPE_LABELS.items():
        names = document.entities.get(type_)
        if names:
            lines.append(f"- **{label}:** " + " · ".join([links.entity(type_, name) or markup.text(name)
                                                         for name in names]))
    return lines


CLOSING = frozenset(".!?\"”’:;,)")
"""Last characters for which ``entities.is_heading`` says no at once: the article text
checks them first, without the call (most paragraphs end with a full stop)."""
_ANCHORS: list[str] = []
"""``{: #p1 }``, ``{: #p2 }``, ...: the anchor line of each paragraph, made once."""


def _anchor_lines(count: int) -> list[str]:
    while len(_ANCHORS) < count:
        _ANCHORS.append(f"{{: #{anchor(len(_ANCHORS))} }}")
    return _ANCHORS[:count]


def text_lines(paragraphs: tuple[str, ...]) -> list[str]:
    """The article's text: each paragraph escaped (in bold if it is a section heading,
    not the first), its anchor line, an empty line."""
    shown = [markup.passage(paragraph) for paragraph in paragraphs]
    for n in range(1, len(paragraphs)):
        paragraph = paragraphs[n]
        if paragraph[-1:] not in CLOSING and is_heading(paragraph):
            shown[n] = f"**{shown[n]}**"
    lines = [""] * (3 * len(shown))
    lines[0::3] = shown
    lines[1::3] = _anchor_lines(len(shown))
    return lines


def body(context: Context, document: Document, related: tuple[str, ...]) -> str:
    corpus = context.corpus
    links = context.links(document.path)
    article, analysis = document.article, document.analysis
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

    entities = entity_links(document, links)
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
        out += [f"- {links.digest(slug)}" for slug in appears]
        out.append("")
    cards = corpus.cards
    near = [links.listed(s) for s in related if s in cards]
    if near:
        out += ["## Related articles", "", *near, ""]
    if document.copies:
        names = ", ".join(f"`{markup.clean(c).replace('`', '')}`" for c in document.copies)
        out += [f"*Also received, near-identical, as {names}; counted once.*", ""]
    out += [f"*Source file `{markup.clean(article.source).replace('`', '')}` · id {article.id}*", ""]
    out += ["## Article text", ""]
    out += text_lines(analysis.paragraphs)
    return "\n".join(out)


def render(context: Context, document: Document, related: tuple[str, ...]) -> Page:
    """The article's page; ``related`` is its entry of :func:`related_articles`."""
    return Page(document.path, markup.seal_lines(front_matter(context.corpus, document), body(context, document, related)))

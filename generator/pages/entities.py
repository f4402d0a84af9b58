"""One page per entity, and the index of entities grouped by type."""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from functools import partial
from itertools import islice

import numpy as np

from .. import markup
from ..corpus import Corpus, entity_key
from ..models import Entity, Page, Quote, input_hash
from ..quotes import words
from .common import BOOST, TYPE_LABELS, TYPE_SINGULAR, Context, PageJob, anchor, long_date

MAX_LISTED = 100
CO_MENTIONED = 10


def co_mentioned(corpus: Corpus) -> dict[str, list[tuple[str, int]]]:
    """For every entity: the entities most often named in its newest ``MAX_LISTED`` articles,
    with how many of them, most first (ties by key). One sparse product for all entities:
    (entity x its listed articles) . (article x entities)."""
    from scipy import sparse  # imported where used: a rerun works this out in a forked process (pages.prepare)

    keys = sorted(corpus.entities)
    column = {key: n for n, key in enumerate(keys)}
    slugs = sorted(corpus.counts)
    row = {slug: n for n, slug in enumerate(slugs)}
    listed_r, listed_c, named_r, named_c = [], [], [], []
    for n, key in enumerate(keys):
        listed = [row[slug] for slug in corpus.mentions.get(key, ())[:MAX_LISTED]]
        listed_r += [n] * len(listed)
        listed_c += listed
    for n, slug in enumerate(slugs):
        named = [column[other] for other in corpus.counts[slug] if other in column]
        named_r += [n] * len(named)
        named_c += named
    if not listed_r or not named_r:
        return {key: [] for key in keys}
    listed = sparse.csr_matrix((np.ones(len(listed_r), dtype=np.int32), (listed_r, listed_c)), shape=(len(keys), len(slugs)))
    named = sparse.csr_matrix((np.ones(len(named_r), dtype=np.int32), (named_r, named_c)), shape=(len(slugs), len(keys)))
    product = (listed @ named).tocsr()
    bounds = product.indptr.tolist()
    indices, data = product.indices, product.data
    out: dict[str, list[tuple[str, int]]] = {}
    for n, key, lo, hi in zip(range(len(keys)), keys, bounds, bounds[1:]):
        # Most first, ties by key: a total order, whatever order the row is in. The entity
        # itself may be among them: one more is taken, it is left out.
        others, counts = indices[lo:hi], data[lo:hi]
        best = np.lexsort((others, -counts))[: CO_MENTIONED + 1]
        named_with = [(keys[other], count) for other, count in zip(others[best].tolist(), counts[best].tolist())
                      if other != n]
        out[key] = named_with[:CO_MENTIONED]
    return out


def fingerprint(context: Context, key: str, entity: Entity, digests_of: dict[str, list[str]],
                co: list[tuple[str, int]], version: str) -> str:
    """Hash of everything :func:`entity_page` reads for this entity."""
    corpus = context.corpus
    cards = corpus.cards
    slugs = corpus.mentions.get(key, ())
    digests = [context.digest_cards[s] for s in digests_of.get(key, ())]
    quotes = [(q, s, cards[s][2]) for q, s in _quotes(corpus, key, entity)]
    listed = b"".join([context.card_ids[s] for s in slugs[:MAX_LISTED]])  # ids of one length: unambiguous
    named = [(other, n, corpus.entities[other].name, context.paths[other]) for other, n in co]
    inputs = (version, key, entity, context.paths[key], len(slugs), _seen(corpus, slugs),
              digests, quotes, listed, named)
    return input_hash(inputs)


def _seen(corpus: Corpus, slugs: tuple[str, ...]) -> tuple[_dt.date, _dt.date] | None:
    """(first, last) date the entity is mentioned: ``corpus.mentions`` lists newest first."""
    return (corpus.cards[slugs[-1]][2], corpus.cards[slugs[0]][2]) if slugs else None


def _quotes(corpus: Corpus, key: str, entity: Entity) -> list[tuple[Quote, str]]:
    """A person's quotes (with the slug) in the articles that mention them, newest first."""
    said = corpus.quotes_by_speaker.get(entity.name) if entity.type == "person" else None
    if not said:
        return []
    mentioned = set(corpus.mentions.get(key, ()))
    return list(islice(((q, s) for q, s in said if s in mentioned), MAX_LISTED))


def entity_page(context: Context, key: str, entity: Entity, digests_of: dict[str, list[str]],
                co: list[tuple[str, int]]) -> Page:
    corpus = context.corpus
    here = context.paths[key]
    links = context.links(here)
    slugs = corpus.mentions.get(key, ())
    cards = corpus.cards
    seen = _seen(corpus, slugs)
    out = [f"# {markup.text(entity.name)}", "", f"*{TYPE_SINGULAR[entity.type]}*", ""]
    if entity.aliases:
        out += ["Also written: " + " · ".join(f"“{markup.text(a)}”" for a in entity.aliases), ""]
    if seen:
        out += [
            f"Mentioned in **{len(slugs)}** article{'s' if len(slugs) != 1 else ''}; "
            f"first seen {long_date(seen[0])}, last seen {long_date(seen[1])}.",
            "",
        ]
    digest_slugs = digests_of.get(key, ())
    if digest_slugs:
        out += ["## Stories and topics", ""]
        # no date, by title: a new article must not rewrite every entity page of the story
        out += [f"- {links.digest(slug)}" for slug in digest_slugs]
        out.append("")
    quotes = _quotes(corpus, key, entity)
    if quotes:
        out += ["## Quotes", ""]
        said: dict[str, list[tuple[Quote, str]]] = {}  # the same words in several articles: one quote
        for quote, slug in quotes:
            said.setdefault(words(quote.text), []).append((quote, slug))
        for cited in said.values():
            sources = " · ".join(
                f"[{long_date(cards[slug][2])}]({links.article_target(slug)}#{anchor(q.paragraph)})"
                for q, slug in cited)
            out += [f"> “{markup.text(cited[0][0].text)}”  ", f"> — {sources}", ""]
    out += ["## Articles", ""]
    out += [links.listed(slug) for slug in slugs[:MAX_LISTED]]
    if len(slugs) > MAX_LISTED:
        out.append(f"\n*…and {len(slugs) - MAX_LISTED} older articles.*")
    out.append("")
    if co:
        out += ["## Often mentioned with", ""]
        for other, n in co:
            named = corpus.entities[other]
            out.append(f"- {links.entity(named.type, named.name)} · {n}")
        out.append("")
    meta = {
        "title": markup.clean(entity.name),
        "type": "entity",
        "entity_type": entity.type,
        "aliases": list(entity.aliases),
        "articles": len(slugs),
        "first_seen": seen[0].isoformat() if seen else None,
        "last_seen": seen[1].isoformat() if seen else None,
        "search": {"boost": BOOST["entity"]},
    }
    return Page(here, markup.seal(meta, "\n".join(out)))


def digests_by_entity(corpus: Corpus) -> dict[str, list[str]]:
    """``type:name`` -> slugs of the digests that name the entity, by title: an order that
    a new article in one of them does not change (by date, one article moved that digest
    on every entity page it links from: 164 pages rewritten for one new article at 5,000
    articles)."""
    order = {digest.topic.slug: (digest.topic.title.casefold(), digest.topic.slug) for digest in corpus.digests}
    named: dict[str, set[str]] = defaultdict(set)
    for digest in corpus.digests:
        for type_, names in digest.entities.items():
            for name in names:
                named[entity_key(type_, name)].add(digest.topic.slug)
    return {key: sorted(slugs, key=order.__getitem__) for key, slugs in named.items()}


def entity_pages(context: Context, version: str = "",
                 co: dict[str, list[tuple[str, int]]] | None = None) -> tuple[list[PageJob], Page]:
    """A job for every entity's page (code ``version``), and the index of entities.
    ``co`` is :func:`co_mentioned`, if known."""
    corpus = context.corpus
    digests_of = digests_by_entity(corpus)
    co = co_mentioned(corpus) if co is None else co
    jobs = [
        PageJob(context.paths[key], partial(fingerprint, context, key, entity, digests_of, co[key], version),
                partial(entity_page, context, key, entity, digests_of, co[key]))
        for key, entity in corpus.entities.items()
    ]
    return jobs, entity_index(corpus)


def entity_index(corpus: Corpus) -> Page:
    here = "entities/index.md"
    out = ["# People, organisations, places, equipment and events", ""]
    by_type: dict[str, list[str]] = defaultdict(list)
    for key, entity in corpus.entities.items():
        by_type[entity.type].append(key)
    for type_, label in TYPE_LABELS.items():
        keys = sorted(by_type.get(type_, ()), key=lambda k: (-len(corpus.mentions.get(k, ())), corpus.entities[k].name))
        if not keys:
            continue
        out += [f"## {label}", ""]
        for key in keys:
            entity = corpus.entities[key]
            out.append(f"- {markup.link(entity.name, markup.relative(here, corpus.entity_path(key)))} · {len(corpus.mentions.get(key, ()))}")
        out.append("")
    meta = {"title": "People, organisations, places, equipment and events", "type": "index",
            "search": {"boost": BOOST["index"]}}
    return Page(here, markup.seal(meta, "\n".join(out)))

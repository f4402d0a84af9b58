"""One page per entity, and the index of entities grouped by type."""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import replace
from typing import Callable

from .. import markup
from ..corpus import Corpus
from ..models import Entity, Page
from .common import BOOST, TYPE_LABELS, TYPE_SINGULAR, anchor, long_date

MAX_LISTED = 100
CO_MENTIONED = 10


def _co_mentioned(corpus: Corpus, key: str, slugs: tuple[str, ...]) -> list[tuple[str, int]]:
    counts: Counter[str] = Counter()
    for slug in slugs[:MAX_LISTED]:
        for other in corpus.counts[slug]:
            if other != key and other in corpus.entities:
                counts[other] += 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:CO_MENTIONED]


def fingerprint(corpus: Corpus, key: str, entity: Entity, digests_of: dict[str, list[str]], version: str) -> str:
    """Hash of everything :func:`entity_page` reads for this entity."""
    by_slug = corpus.by_slug
    slugs = corpus.mentions.get(key, ())
    dates = [by_slug[s].article.date for s in slugs]
    digests = sorted((s, corpus.digest_by_slug[s].topic.title, corpus.digest_path(s),
                      corpus.digest_by_slug[s].updated) for s in set(digests_of.get(key, ())))
    quotes = ([(q, s, by_slug[s].article.date) for s in slugs for q in by_slug[s].quotes if q.speaker == entity.name]
              if entity.type == "person" else [])
    listed = [(s, by_slug[s].title, by_slug[s].article.date) for s in slugs[:MAX_LISTED]]
    co = [(other, n, corpus.entities[other].name, corpus.entity_path(other))
          for other, n in _co_mentioned(corpus, key, slugs)]
    inputs = (version, key, entity, corpus.entity_path(key), len(slugs), min(dates, default=None),
              max(dates, default=None), digests, quotes[:MAX_LISTED], listed, co)
    return hashlib.sha256(repr(inputs).encode("utf-8")).hexdigest()


def entity_page(corpus: Corpus, key: str, entity: Entity, digests_of: dict[str, list[str]]) -> Page:
    here = corpus.entity_path(key)
    slugs = corpus.mentions.get(key, ())
    by_slug = corpus.by_slug
    dates = [by_slug[s].article.date for s in slugs]
    out = [f"# {markup.text(entity.name)}", "", f"*{TYPE_SINGULAR[entity.type]}*", ""]
    if entity.aliases:
        out += ["Also written: " + " · ".join(f"“{markup.text(a)}”" for a in entity.aliases), ""]
    if dates:
        out += [
            f"Mentioned in **{len(slugs)}** article{'s' if len(slugs) != 1 else ''}; "
            f"first seen {long_date(min(dates))}, last seen {long_date(max(dates))}.",
            "",
        ]
    digest_slugs = sorted(set(digests_of.get(key, ())), key=lambda s: (-corpus.digest_by_slug[s].updated.toordinal(), s))
    if digest_slugs:
        out += ["## Stories and topics", ""]
        for slug in digest_slugs:
            digest = corpus.digest_by_slug[slug]
            link = markup.link(digest.topic.title, markup.relative(here, corpus.digest_path(slug)))
            out.append(f"- {link}")  # no date: a new article must not rewrite every entity page of the story
        out.append("")
    if entity.type == "person":
        quotes = [(q, s) for s in slugs for q in by_slug[s].quotes if q.speaker == entity.name]
        if quotes:
            out += ["## Quotes", ""]
            for quote, slug in quotes[:MAX_LISTED]:
                target = markup.relative(here, by_slug[slug].path)
                out += [
                    f"> “{markup.text(quote.text)}”  ",
                    f"> — [{long_date(by_slug[slug].article.date)}]({target}#{anchor(quote.paragraph)})",
                    "",
                ]
    out += ["## Articles", ""]
    for slug in slugs[:MAX_LISTED]:
        document = by_slug[slug]
        out.append(f"- {markup.link(document.title, markup.relative(here, document.path))} · {long_date(document.article.date)}")
    if len(slugs) > MAX_LISTED:
        out.append(f"\n*…and {len(slugs) - MAX_LISTED} older articles.*")
    out.append("")
    co = _co_mentioned(corpus, key, slugs)
    if co:
        out += ["## Often mentioned with", ""]
        for other, n in co:
            name = corpus.entities[other].name
            out.append(f"- {markup.link(name, markup.relative(here, corpus.entity_path(other)))} · {n}")
        out.append("")
    meta = {
        "title": markup.clean(entity.name),
        "type": "entity",
        "entity_type": entity.type,
        "aliases": list(entity.aliases),
        "articles": len(slugs),
        "first_seen": min(dates).isoformat() if dates else None,
        "last_seen": max(dates).isoformat() if dates else None,
        "search": {"boost": BOOST["entity"]},
    }
    return Page(here, markup.seal(meta, "\n".join(out)))


def digests_by_entity(corpus: Corpus) -> dict[str, list[str]]:
    """``type:name`` -> slugs of the digests that name the entity."""
    digests_of: dict[str, list[str]] = defaultdict(list)
    for digest in corpus.digests:
        for type_, names in digest.entities.items():
            for name in names:
                digests_of[f"{type_}:{name}"].append(digest.topic.slug)
    return digests_of


def entity_pages(corpus: Corpus, keep: Callable[[str, str], bool] | None = None, version: str = "") -> list[Page]:
    """Every entity's page (kept as on disk when ``keep`` says its inputs are unchanged) and the index."""
    digests_of = digests_by_entity(corpus)
    pages = []
    for key, entity in corpus.entities.items():
        print_ = fingerprint(corpus, key, entity, digests_of, version)
        if keep is not None and keep(corpus.entity_path(key), print_):
            pages.append(Page(corpus.entity_path(key), None, print_))
        else:
            pages.append(replace(entity_page(corpus, key, entity, digests_of), fingerprint=print_))
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
    pages.append(Page(here, markup.seal(meta, "\n".join(out))))
    return pages

"""From analysed articles to the corpus: resolved entities, copies, slugs, tags.

Everything here is corpus-level and pure: it takes every article with its
analysis and returns :class:`Corpus`, the read-only context that stories,
digests and page renderers share (Pelican's "context", typed).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Iterator, Mapping, Sequence

from .dedup import Verdicts, find_copies
from .headlines import unique_headlines
from .markup import slugify, tag
from .models import ENTITY_TYPES, Analysis, Article, Digest, Document, Entity, Quote
from .resolve import Resolution, resolve_uses
from .tags import assign_tags


def entity_key(type_: str, name: str) -> str:
    return f"{type_}:{name}"


@dataclass(frozen=True)
class Corpus:
    documents: tuple[Document, ...]
    """Articles with a page, newest first (date, then slug)."""
    entities: Mapping[str, Entity]
    """``type:name`` -> entity, for entities mentioned by at least one page."""
    mentions: Mapping[str, tuple[str, ...]]
    """``type:name`` -> slugs of the articles that mention it, newest first."""
    counts: Mapping[str, Mapping[str, int]]
    """Article slug -> ``type:name`` -> number of mentions in that article."""
    first_paragraph: Mapping[str, Mapping[str, int]]
    """Article slug -> ``type:name`` -> paragraph of its first mention."""
    digests: tuple[Digest, ...] = ()
    appears_in: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Article slug -> slugs of the digests that draw on it."""

    @cached_property
    def by_slug(self) -> dict[str, Document]:
        return {d.slug: d for d in self.documents}

    @cached_property
    def digest_by_slug(self) -> dict[str, Digest]:
        return {d.topic.slug: d for d in self.digests}

    @cached_property
    def _by_name(self) -> dict[str, list[Entity]]:
        index: dict[str, list[Entity]] = defaultdict(list)
        for entity in self.entities.values():
            index[entity.name.casefold()].append(entity)
        return index

    @cached_property
    def cards(self) -> dict[str, tuple[str, str, _dt.date]]:
        """Article slug -> (slug, headline, date): what a list of articles shows of each."""
        return {d.slug: (d.slug, d.analysis.headline, d.article.date) for d in self.documents}

    @cached_property
    def quotes_by_speaker(self) -> dict[str, list[tuple[Quote, str]]]:
        """Canonical speaker -> (quote, article slug), newest article first (as ``mentions``)."""
        said: dict[str, list[tuple[Quote, str]]] = defaultdict(list)
        for document in self.documents:
            for quote in document.quotes:
                if quote.speaker:
                    said[quote.speaker].append((quote, document.slug))
        return said

    def entities_named(self, name: str) -> list[Entity]:
        """Entities of any type whose canonical name is ``name`` (case-insensitive)."""
        return self._by_name.get(name.casefold(), [])

    def digest_path(self, slug: str) -> str:
        topic = self.digest_by_slug[slug].topic
        return topic.page or f"topics/{topic.slug}.md"

    def entity_path(self, key: str) -> str:
        entity = self.entities[key]
        return f"entities/{entity.type}/{entity.slug}.md"


def _slugs(articles: Sequence[Article], headlines: Mapping[str, str]) -> dict[str, str]:
    """Readable, unique page slugs: ``YYYY-MM-DD-headline-words``."""
    base = {a.source: f"{a.date.isoformat()}-{slugify(headlines[a.source], 60)}" for a in articles}
    seen = Counter(base.values())
    out = {}
    for article in articles:
        slug = base[article.source]
        if seen[slug] > 1:
            slug = f"{slug}-{slugify(article.source, 20)}-{article.id[:6]}"
        out[article.source] = slug
    return out


def _canonical_quotes(quotes: tuple[Quote, ...], resolution: Resolution, source: str) -> tuple[Quote, ...]:
    canonical = resolution.canonical
    return tuple(
        q._replace(speaker=name) if q.speaker and (name := canonical(source, q.speaker)) != q.speaker else q
        for q in quotes
    )


class _Texts(Mapping[str, str]):
    """Each article's text by source, joined only when copy detection asks for it."""

    def __init__(self, articles: Mapping[str, Article]) -> None:
        self._articles = articles

    def __getitem__(self, source: str) -> str:
        return self._articles[source].text

    def __iter__(self) -> Iterator[str]:
        return iter(self._articles)

    def __len__(self) -> int:
        return len(self._articles)


def _length(article: Article) -> int:
    """``len(article.text)`` without joining the paragraphs."""
    return sum(map(len, article.paragraphs)) + 2 * (len(article.paragraphs) - 1)


def assemble(pairs: Sequence[tuple[Article, Analysis]], knowledge: object, verdicts: Verdicts | None = None) -> Corpus:
    """Resolve entities across articles, fold copies, choose headlines, slugs and tags.
    ``verdicts`` are copy comparisons a previous run made (:class:`dedup.Verdicts`)."""
    by_source = {a.source: (a, an) for a, an in pairs}
    rank = {a.source: (a.date.toordinal(), -_length(a), a.source) for a, _ in pairs}
    copies_of = find_copies(_Texts({a.source: a for a, _ in pairs}), rank, {a.source: an.signature for a, an in pairs},
                            verdicts, {a.source: a.content_hash for a, _ in pairs})
    originals = [a for a, _ in pairs if a.source not in copies_of]
    folded: dict[str, list[str]] = defaultdict(list)
    for copy, original in copies_of.items():
        folded[original].append(copy)

    resolution = resolve_uses({a.source: by_source[a.source][1].uses for a in originals}, knowledge)
    headlines = unique_headlines(
        {a.source: (by_source[a.source][1].headline, a.date, by_source[a.source][1].dateline) for a in originals}
    )
    tags = assign_tags({a.source: by_source[a.source][1].tags for a in originals})
    slugs = _slugs(originals, headlines)

    documents = []
    counts: dict[str, dict[str, int]] = {}
    firsts: dict[str, dict[str, int]] = {}
    for article in originals:
        analysis = by_source[article.source][1]
        per_type: dict[str, set[str]] = defaultdict(set)
        count: dict[str, int] = {}
        first: dict[str, int] = {}
        for (type_, _, uses, paragraph, _), canonical in zip(analysis.uses, resolution.per_use[article.source]):
            per_type[type_].add(canonical)
            key = type_ + ":" + canonical  # entity_key
            if key in count:  # two names of one entity in the article
                count[key] += uses
                first[key] = min(first[key], paragraph)
            else:
                count[key], first[key] = uses, paragraph
        editor_tags = tuple(tag(str(t)) for t in article.overrides.get("tags", []) or [])
        document = Document(
            article=article,
            analysis=(analysis if analysis.headline == headlines[article.source]
                      else replace(analysis, headline=headlines[article.source])),
            entities={t: tuple(sorted(per_type[t])) for t in ENTITY_TYPES if per_type.get(t)},
            slug=slugs[article.source],
            copies=tuple(sorted(folded.get(article.source, ()))),
            quotes=_canonical_quotes(analysis.quotes, resolution, article.source),
            tags=tuple(dict.fromkeys(editor_tags + tuple(tags.get(article.source, ())))),
        )
        documents.append(document)
        counts[document.slug] = dict(sorted(count.items()))
        firsts[document.slug] = dict(sorted(first.items()))

    documents.sort(key=lambda d: (d.article.date, d.slug), reverse=True)
    mentions: dict[str, list[str]] = defaultdict(list)
    for document in documents:  # newest first, so each entity's list is too
        for key in counts[document.slug]:
            mentions[key].append(document.slug)
    entities = {
        entity_key(e.type, e.name): e for e in resolution.entities if entity_key(e.type, e.name) in mentions
    }
    return Corpus(
        documents=tuple(documents),
        entities=_unique_entity_slugs(entities),
        mentions={key: tuple(slugs) for key, slugs in sorted(mentions.items()) if key in entities},
        counts=counts,
        first_paragraph=firsts,
    )


def _unique_entity_slugs(entities: Mapping[str, Entity]) -> dict[str, Entity]:
    """Entity pages live at ``entities/<type>/<slug>.md``: make the slugs unique per type."""
    seen = Counter((e.type, e.slug) for e in entities.values())
    out = {}
    for key, entity in sorted(entities.items()):
        if seen[(entity.type, entity.slug)] > 1:
            digest = hashlib.sha256(entity.name.encode("utf-8")).hexdigest()[:6]
            entity = replace(entity, slug=f"{entity.slug}-{digest}")
        out[key] = entity
    return out

"""Pieces shared by the page renderers: dates, citations, front matter keys, and what one
run's renderers share (:class:`Context`): the entity pages, and the links made from each
folder (:class:`Links`), each made once: at 5,000 articles the same article is listed and
the same entity linked from hundreds of pages."""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Callable, Mapping, Protocol, Sequence

import msgspec

from .. import markup
from ..corpus import Corpus
from ..models import Citation, Page

TYPE_LABELS = {
    "person": "People",
    "organisation": "Organisations",
    "place": "Places",
    "equipment": "Equipment",
    "event": "Events and programmes",
}
TYPE_SINGULAR = {
    "person": "Person",
    "organisation": "Organisation",
    "place": "Place",
    "equipment": "Equipment",
    "event": "Event or programme",
}
BOOST = {"digest": 3, "entity": 2, "article": 1, "index": 0.5}
"""Material search boosts: a digest or entity page outranks the articles it draws on."""


@lru_cache(maxsize=8192)
def long_date(value: _dt.date | str) -> str:
    """``2024-12-10`` -> ``10 December 2024``; ``2024-07`` -> ``July 2024``; ``2025`` -> ``2025``."""
    if isinstance(value, _dt.date):
        return f"{value.day} {value:%B %Y}"
    parts = value.split("-")
    if len(parts) == 3:
        return long_date(_dt.date.fromisoformat(value))
    if len(parts) == 2:
        return f"{_dt.date(int(parts[0]), int(parts[1]), 1):%B %Y}"
    return value


def entity_paths(corpus: Corpus) -> dict[str, str]:
    """``type:name`` -> the page of every entity that has one: one lookup, where pages would
    test membership and build the path some 300,000 times at 5,000 articles."""
    return {key: corpus.entity_path(key) for key in corpus.entities}


class Links:
    """Markdown links from the pages of one folder to the site's articles, digests and
    entities, each made the first time it is asked for and then remembered for the run:
    at 5,000 articles an article is listed on dozens of pages and an entity is linked
    from hundreds, and working out the route and escaping the title each time was about
    a tenth of rendering. What a link says depends only on the folder it is made in, so
    every page of the folder shares one :class:`Links` (:meth:`Context.links`); links to
    articles depend only on the route to ``articles/``, so folders at the same depth (the
    five of entity pages) share those."""

    def __init__(self, context: Context, folder: str) -> None:
        # Not the context itself: it holds this, and a cycle would keep the corpus
        # alive after the run, until the garbage collector came by.
        self.corpus = context.corpus
        self._paths = context.paths_by_type
        self.folder = folder
        """``''`` or a folder ending with ``/``, relative to docs/."""
        self._dir = folder[:-1]
        self._to_articles = self.target("articles/")
        """What goes before ``<slug>.md`` (a slug has no ``/``: ``markup.slugify``)."""
        self._articles, self._listed = context.article_links.setdefault(self._to_articles, ({}, {}))
        self._digests: dict[str, str] = {}
        self._entities: dict[str, dict[str, str | None]] = {}

    def target(self, path: str) -> str:
        """Where a link from this folder to the docs ``path`` points (``markup.relative``)."""
        to_dir, slash, name = path.rpartition("/")
        return name if to_dir == self._dir else markup.route(self.folder, to_dir + slash) + name

    def article_target(self, slug: str) -> str:
        """The target of the article page ``slug`` (to which an ``#anchor`` may be added)."""
        return f"{self._to_articles}{slug}.md"

    def article(self, slug: str) -> str:
        """``[headline](target)`` of the article ``slug``."""
        link = self._articles.get(slug)
        if link is None:
            link = self._articles[slug] = markup.link(self.corpus.cards[slug][1], f"{self._to_articles}{slug}.md")
        return link

    def listed(self, slug: str) -> str:
        """The article ``slug`` as an item of a list: ``- [headline](target) · 10 December 2024``."""
        item = self._listed.get(slug)
        if item is None:
            item = self._listed[slug] = f"- {self.article(slug)} · {long_date(self.corpus.cards[slug][2])}"
        return item

    def digest(self, slug: str) -> str:
        """``[title](target)`` of the digest of the topic ``slug``."""
        link = self._digests.get(slug)
        if link is None:
            title = self.corpus.digest_by_slug[slug].topic.title
            link = self._digests[slug] = markup.link(title, self.target(self.corpus.digest_path(slug)))
        return link

    def entity(self, type_: str, name: str) -> str | None:
        """``[name](target)`` of the entity's page, or None if it has none."""
        made = self._entities.get(type_)
        if made is None:
            made = self._entities[type_] = {}
        try:
            return made[name]
        except KeyError:
            path = self._paths.get(type_, _NONE).get(name)
            link = made[name] = None if path is None else markup.link(name, self.target(path))
            return link


_NONE: dict[str, str] = {}
_ENCODE = msgspec.msgpack.Encoder().encode


def _id(value: object) -> bytes:
    """16 bytes of the SHA-256 of ``value`` (as ``models.input_hash`` encodes it): ids of
    one length, so that the ids of a list joined stand for the list."""
    return hashlib.sha256(_ENCODE(value)).digest()[:16]


class Context:
    """What the renderers of one run share besides the corpus: the entity paths and the
    links made from each folder. Made by ``render_site``; pages rendered on forked
    workers use (and add to) the copy each worker inherits."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.paths = entity_paths(corpus)
        self.paths_by_type: dict[str, dict[str, str]] = {}
        """Entity type -> name -> page: :attr:`paths` without building a key for each name."""
        for key, path in self.paths.items():
            type_, _, name = key.partition(":")  # the inverse of entity_key: a type has no colon
            self.paths_by_type.setdefault(type_, {})[name] = path
        self.digest_cards = {d.topic.slug: (d.topic.slug, d.topic.title, corpus.digest_path(d.topic.slug))
                             for d in corpus.digests}
        """Digest slug -> (slug, title, page): what a page that links to the digest shows of it."""
        self._links: dict[str, Links] = {}
        self.article_links: dict[str, tuple[dict[str, str], dict[str, str]]] = {}
        """The route to ``articles/`` -> what :meth:`Links.article` and :meth:`Links.listed`
        made for it."""

    @cached_property
    def card_ids(self) -> dict[str, bytes]:
        """Article slug -> the id of its card in ``corpus.cards`` (slug, headline, date):
        what a list of articles shows of each. A page listing a hundred articles has the
        hundred ids in its fingerprint: each card is hashed once per run instead of being
        encoded again for each of the pages that list it."""
        return {slug: _id(card) for slug, card in self.corpus.cards.items()}

    @cached_property
    def entry_ids(self) -> dict[str, bytes]:
        """Article slug -> the id of its card and summary: what a list of articles with
        their summaries shows of each (:attr:`card_ids`)."""
        by_slug = self.corpus.by_slug
        return {slug: _id((*card, by_slug[slug].analysis.summary)) for slug, card in self.corpus.cards.items()}

    def entity_path(self, type_: str, name: str) -> str | None:
        """The page of the entity, if it has one."""
        return self.paths_by_type.get(type_, _NONE).get(name)

    def links(self, page: str) -> Links:
        """The links made from ``page``'s folder."""
        folder = page[: page.rfind("/") + 1]
        links = self._links.get(folder)
        if links is None:
            links = self._links[folder] = Links(self, folder)
        return links


def anchor(paragraph: int) -> str:
    return f"p{paragraph + 1}"


class Citer:
    """``[1 ¶3](../articles/x.md#p3)`` links, one per cited paragraph, sources numbered by
    ``numbers``, for the page ``from_page``: each link is made once per page (a digest
    cites the same paragraphs again and again)."""

    def __init__(self, numbers: Mapping[str, int], from_page: str) -> None:
        self.numbers = numbers
        self.articles = markup.relative(from_page, "articles/")  # the folder of article pages, seen from this page
        self._made: dict[tuple[str, int], str] = {}

    def link(self, slug: str, paragraph: int) -> str:
        key = (slug, paragraph)
        link = self._made.get(key)
        if link is None:
            link = self._made[key] = (f"[{self.numbers.get(slug, '?')}&nbsp;¶{paragraph + 1}]"
                                      f"({self.articles}{slug}.md#{anchor(paragraph)})")
        return link

    def __call__(self, citations: Sequence[Citation]) -> str:
        """The links of ``citations``, by source number then paragraph, each paragraph once."""
        if len(citations) == 1:
            return self.link(citations[0].slug, citations[0].paragraph)
        numbers = self.numbers
        cited = sorted({(numbers.get(c.slug, 0), c.paragraph, c.slug) for c in citations})
        return " ".join([self.link(slug, paragraph) for _, paragraph, slug in cited])


def safe_url(url: object) -> str | None:
    """An editor's URL, only if it is a plain http(s) address."""
    if isinstance(url, str) and re.fullmatch(r"https?://[A-Za-z0-9._~:/?#@!$&*+,;=%-]+", url):
        return url
    return None


Keep = Callable[[str, str], bool]
"""``keep(path, fingerprint)``: the file on disk is untouched and was rendered from these inputs."""


@dataclass(frozen=True)
class PageJob:
    """One fingerprinted page to produce: where it goes, how to hash its inputs, how to render it.
    Jobs are independent of each other, so ``render_site`` can render them on several processes."""

    path: str
    fingerprint: Callable[[], str]
    render: Callable[[], Page]


class Deliver(Protocol):
    """Where rendered pages go as soon as they are rendered (``writer.Stager``)."""

    def check(self, paths: Sequence[str]) -> None:
        """Refuse the run (raise) before anything is delivered: called once, with every path."""

    def __call__(self, page: Page) -> Page:
        """Take the page; return what the caller keeps of it (in the process that rendered it)."""

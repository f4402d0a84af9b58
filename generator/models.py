"""Typed data models shared by every stage of the pipeline.

The pipeline is readers -> analysis -> stories/digests -> render -> writer.
Every stage hands the next one of these small frozen values; only the writer
touches the disk. All tuples are in a deterministic order so that the output
is byte-for-byte reproducible.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
from dataclasses import dataclass, field, replace
from typing import Literal, Mapping, NamedTuple

import msgspec

EntityType = Literal["person", "organisation", "place", "equipment", "event"]
ENTITY_TYPES: tuple[EntityType, ...] = ("person", "organisation", "place", "equipment", "event")


@dataclass(frozen=True)
class Article:
    """One input file, as the reader understood it (no analysis yet).

    ``paragraphs`` is the body split on blank lines, whitespace-normalised,
    with the leading ``date`` marker removed; the dateline (if any) is still
    at the start of the first paragraph: splitting it off is analysis.
    """

    source: str
    """The input file name (``000_77eafcfab681bf0a.txt``); unique in a run."""
    date: _dt.date
    """The publication date from the ``date`` line (or the editor's front matter)."""
    paragraphs: tuple[str, ...]
    """Body paragraphs in reading order, never empty."""
    content_hash: str
    """SHA-256 hex digest of the normalised date + body (+ editor metadata)."""
    overrides: Mapping[str, object] = field(default_factory=dict)
    """What the editor set in the file's own YAML front matter (title, source, url, tags...)."""

    @property
    def id(self) -> str:
        """A stable identifier derived from the content (first 12 hex digits)."""
        return self.content_hash[:12]

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


class Mention(NamedTuple):
    """One entity mention in one article, before cross-article resolution.

    The three small per-article records are named tuples, not dataclasses:
    a cached corpus holds some 40 mentions per article, and building a tuple
    costs a fraction of a frozen dataclass' ``__init__``."""

    type: EntityType
    surface: str
    """The text exactly as written (``Defence Minister Rajnath Singh``)."""
    name: str
    """The best name known inside the article (``Rajnath Singh``)."""
    paragraph: int
    """0-based index into ``Analysis.paragraphs``."""


class Quote(NamedTuple):
    text: str
    """The quotation without its quote marks."""
    speaker: str | None
    """Canonical (after resolution) name of the speaker, or None if unknown."""
    speaker_type: EntityType | None
    paragraph: int


class DatedEvent(NamedTuple):
    """A date stated or implied by the text, resolved against the article date."""

    date: str
    """ISO form at its precision: ``2024-12-09``, ``2024-07`` or ``2025``."""
    text: str
    """The sentence that carries the date."""
    paragraph: int
    expression: str
    """The words that gave the date (``on Monday``, ``in July``)."""


@dataclass(frozen=True)
class Analysis:
    """What the analysis stage learned about one article: what the later stages read (and
    the cache keeps), not every mention it found on the way (:func:`name_uses` folds them)."""

    headline: str
    dateline: str | None
    summary: str
    paragraphs: tuple[str, ...]
    """Body paragraphs with the dateline removed from the first one."""
    uses: tuple[NameUse, ...]
    """The entity mentions folded per name (:func:`name_uses`)."""
    long_names: tuple[Mention, ...]
    """The organisation and event mentions written in four words or more (:func:`long_names`),
    in order: the digests compare how articles write out the same name."""
    quotes: tuple[Quote, ...]
    events: tuple[DatedEvent, ...]
    tags: tuple[str, ...]
    signature: tuple[int, ...] = ()
    """MinHash signature of the text (``dedup.signature``), for finding copies."""


LONG_NAME_WORDS = 4


def long_names(mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """The mentions of :attr:`Analysis.long_names`, in their order."""
    return tuple(m for m in mentions
                 if m.type in ("organisation", "event") and len(m.surface.split()) >= LONG_NAME_WORDS)


class NameUse(NamedTuple):
    """All mentions of one ``(type, name)`` in one article, folded: corpus-wide resolution
    reads these (about a third as many as mentions) instead of every mention."""

    type: EntityType
    name: str
    count: int
    first: int
    """Paragraph of the first mention."""
    surfaces: tuple[str, ...]
    """The distinct surface forms, sorted."""


def name_uses(mentions: tuple[Mention, ...]) -> tuple[NameUse, ...]:
    """The mentions folded per ``(type, name)``, in the order of each name's last mention."""
    folded: dict[tuple[str, str], tuple[int, int, set[str]]] = {}
    for mention in mentions:
        pair = (mention.type, mention.name)
        count, first, surfaces = folded.pop(pair, (0, mention.paragraph, set()))
        surfaces.add(mention.surface)
        folded[pair] = (count + 1, min(first, mention.paragraph), surfaces)
    return tuple(NameUse(t, n, count, first, tuple(sorted(surfaces)))  # type: ignore[arg-type]
                 for (t, n), (count, first, surfaces) in folded.items())


@dataclass(frozen=True)
class Entity:
    """A resolved entity across the whole corpus."""

    type: EntityType
    name: str
    """Canonical name."""
    aliases: tuple[str, ...]
    """Every surface form seen, sorted, the canonical name excluded."""
    slug: str


@dataclass(frozen=True)
class Document:
    """An article with its analysis and its corpus-level resolution."""

    article: Article
    analysis: Analysis
    entities: Mapping[str, tuple[str, ...]]
    """Entity type -> canonical names (sorted) mentioned in this article."""
    slug: str
    """Unique page slug under ``articles/``."""
    copies: tuple[str, ...] = ()
    """Source names of near-identical copies folded into this page (counted once)."""
    quotes: tuple[Quote, ...] = ()
    """The analysis' quotes with speakers resolved to canonical names."""
    tags: tuple[str, ...] = ()
    """Site-wide tags chosen for this article."""

    @property
    def path(self) -> str:
        return f"articles/{self.slug}.md"

    @property
    def title(self) -> str:
        return self.analysis.headline


@dataclass(frozen=True)
class Page:
    """A file to be written under ``docs/``: the only thing the writer sees."""

    path: str
    """POSIX path relative to ``docs/`` (``articles/x.md``)."""
    content: str | None
    """The page's text; ``None`` for a page kept as it is on disk (see ``fingerprint``)."""
    fingerprint: str | None = None
    """Hash of everything the page was rendered from, when the renderer can tell;
    an unchanged fingerprint lets the next run keep the file without rendering it."""
    staged: Staged | None = None
    """Set when the writer already took the page's text where it was rendered (in a
    worker process): the text does not travel back, only where the writer put it."""


@dataclass(frozen=True)
class Staged:
    """A rendered page as the writer has handled it already (see ``writer.Stager``)."""

    tmp: str | None
    """The staged file holding the new text, relative to ``docs/``; ``None`` when the file
    on disk already holds exactly this text."""
    sealed: str | None
    """The ``generated`` hash the page carries."""
    size: int
    mtime_ns: int
    """The (staged or unchanged) file's size and modification time: renaming keeps both."""


@dataclass(frozen=True, order=True)
class Citation:
    """A pointer to one paragraph of one article page."""

    slug: str
    """Article page slug (``articles/<slug>.md``)."""
    paragraph: int
    """0-based paragraph index; the page anchor is ``p<paragraph + 1>``."""


@dataclass(frozen=True)
class Fact:
    """A statement with every article paragraph that reports it."""

    text: str
    citations: tuple[Citation, ...]

    @property
    def count(self) -> int:
        """Independent articles reporting it (duplicates already folded)."""
        return len({c.slug for c in self.citations})


@dataclass(frozen=True)
class Claim:
    value: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class Disagreement:
    """Articles giving different values for the same thing."""

    about: str
    claims: tuple[Claim, ...]


@dataclass(frozen=True)
class TimelineEntry:
    date: str
    text: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class Topic:
    """A story or subject: a set of articles, found automatically or defined by an editor."""

    slug: str
    title: str
    members: tuple[str, ...]
    """Article slugs, newest first."""
    keys: tuple[str, ...] = ()
    """The entity names or terms that define the topic."""
    page: str | None = None
    """Path of the editor's page under docs/ when the topic is hand-written."""


@dataclass(frozen=True)
class Digest:
    topic: Topic
    summary: str
    overview: tuple[Fact, ...]
    facts: tuple[Fact, ...]
    disagreements: tuple[Disagreement, ...]
    timeline: tuple[TimelineEntry, ...]
    quotes: tuple[tuple[Quote, str], ...]
    """Each quote with the slug of the article that carries it."""
    entities: Mapping[str, tuple[str, ...]]
    contributions: tuple[tuple[str, str], ...]
    """(article slug, what that article adds) in the order of ``topic.members``."""
    updated: _dt.date
    key: str = ""
    """Hash of everything the digest was built from (``digests.DigestKeys``)."""

    def for_topic(self, topic: Topic, key: str) -> "Digest":
        """This digest of ``topic``, under ``key`` (a digest from the cache stays lazy: ``cache.CachedDigest``)."""
        return replace(self, topic=topic, key=key)


_ENCODE = msgspec.msgpack.Encoder().encode


def input_hash(value: object) -> str:
    """SHA-256 of ``value`` (tuples, lists, dicts, strings, numbers, dates and these models)
    in MessagePack: what a page or digest was made from, as one key. The encoding is
    self-delimiting, so different values never give the same bytes; it is several times
    faster than hashing their ``repr``. ``value`` must hold no sets (their order varies)."""
    return hashlib.sha256(_ENCODE(value)).hexdigest()

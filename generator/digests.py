"""Digests: what all the articles of a topic say, with sources for every line.

For each topic: sentences from different articles that say the same thing
in nearly the same words become one *fact* with a corroboration count
(:mod:`generator.facts`); places, names or numbers that articles give
differently for the same thing are *disagreements*
(:mod:`generator.disagreements`); the timeline gathers the dates the
analysis resolved. A digest reads only its topic's newest articles, so it is
kept between runs under a key of everything it reads (:class:`DigestKeys`).
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from dataclasses import replace
from functools import cached_property, lru_cache
from itertools import islice
from operator import attrgetter
from typing import Iterable, Mapping, Protocol, Sequence

from . import disagreements as disagreeing
from . import english
from .corpus import Corpus
from .facts import Statements, Unit, balanced, cluster, fact, statements
from .models import Citation, Digest, Document, Fact, Quote, TimelineEntry, Topic, input_hash
from .parallel import fork_map
from .quotes import words
from .wording import excerpt, shorten

MAX_FACT_ARTICLES = 16
"""A digest compares the sentences of at most this many of its newest articles."""
MAX_FACTS = 8
MAX_DIGEST_ARTICLES = 60
"""Timeline, quotes, entities and what each article adds come from at most this many newest articles."""
MAX_QUOTES = 12
MAX_TIMELINE = 40
MAX_OVERVIEW = 5
OVERVIEW_CANDIDATES = 3
"""An article's overview sentence is one of its first three about the topic."""


class DigestMemo(Protocol):
    """Digests kept between runs, by :class:`DigestKeys` (``cache.DigestCache``)."""

    version: str

    def get_many(self, keys: Iterable[str]) -> dict[str, Digest]: ...

    def put_many(self, items: Mapping[str, Digest], keep: Iterable[str]) -> None: ...


class _Names:
    r"""Any written form of the names that define a topic, as a whole word, in any case
    (what ``re.compile(r"(?<!\w)(?:form|...)(?!\w)", re.IGNORECASE).search`` finds): a
    plain search per form, since compiling one pattern per topic cost more than using it."""

    def __init__(self, forms: Iterable[str]) -> None:
        self.forms = sorted({f.lower() for f in forms}, key=lambda f: (-len(f), f))

    def search(self, text: str) -> bool:
        low = text.lower()
        for form in self.forms:
            start = low.find(form)
            while start >= 0:
                end = start + len(form)
                if not (start and _is_word(low[start - 1])) and not (end < len(low) and _is_word(low[end])):
                    return True
                start = low.find(form, start + 1)
        return False


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _key_names(corpus: Corpus, topic: Topic) -> _Names | None:
    """Any written form of the names that define the topic."""
    forms = set(topic.keys)
    for key in topic.keys:
        for entity in corpus.entities_named(key):
            forms.update(entity.aliases)
    forms = {f for f in forms if len(f) > 1}
    return _Names(forms) if forms else None


def _timeline(members: Sequence[_Reading], where: Mapping[tuple[str, str], int]) -> tuple[TimelineEntry, ...]:
    """The dated events of the ``members``, one entry per date and fact: ``where`` gives the
    group (fact) of each sentence, by article and text."""
    merged: dict[tuple[str, object], tuple[str, set[Citation]]] = {}
    for reading in members:
        for date, said, text, citation in reading.events:
            cluster = where.get(said, said)  # the group of the event's sentence, or that sentence alone
            merged.setdefault((date, cluster), (text, set()))[1].add(citation)
    kept = [(date, text, cites) for (date, _), (text, cites) in merged.items()]
    if len(kept) > MAX_TIMELINE:  # the best-sourced, then the latest
        kept = sorted(kept, key=lambda e: (-len(e[2]), _negated(str(e[0])), e[1]))[:MAX_TIMELINE]
    kept.sort(key=lambda e: (e[0], e[1]))
    return tuple(TimelineEntry(date, text, tuple(sorted(cites, key=_CITED))) for date, text, cites in kept)


_CITED = attrgetter("slug", "paragraph")
"""A citation's sort key (their order), read in C rather than by the dataclass' comparison."""


def _reported_first(units: list[Unit]) -> list[Unit]:
    """An article's sentences in reading order, but those that open with a quotation last:
    a digest's summary and overview say what happened in the reporter's words ("Singh held
    talks with ..."), not with a line someone posted ("“Had a very productive meeting ...")."""
    return sorted(units, key=_opens_with_quote)


def _opens_with_quote(unit: Unit) -> bool:
    return unit.text.startswith(("“", '"', "‘"))


@lru_cache(maxsize=4096)
def _negated(iso: str) -> tuple[int, ...]:
    """Sort key putting later ISO dates (``2024``, ``2024-07``, ``2024-07-01``) first."""
    return tuple(-int(part) for part in iso.split("-") if part.isdigit())


def _quotes(members: Sequence[_Reading], limit: int) -> tuple[tuple[Quote, str], ...]:
    """The first ``limit`` quotations that are not the same as (or part of) an earlier one."""
    seen: set[str] = set()
    out: list[tuple[Quote, str]] = []
    for reading in members:
        for quote, key in reading.quotes:
            if len(out) >= limit:
                return tuple(out)
            if any(key in s or s in key for s in seen):
                continue
            seen.add(key)
            out.append((quote, reading.document.slug))
    return tuple(out)


def build_digest(corpus: Corpus, topic: Topic, read: Mapping[str, _Reading]) -> Digest:
    """One topic's digest: a function of the topic, its newest articles and their entities' aliases
    (see :class:`DigestKeys`), so it can be kept between runs. ``read``: what digests read of
    each article, by slug (:class:`_Reading`)."""
    readings = [read[s] for s in topic.members[:MAX_DIGEST_ARTICLES] if s in read]
    members = [r.document for r in readings]
    order = {d.slug: n for n, d in enumerate(sorted(members, key=lambda d: (d.article.date, d.slug)))}
    compared = members[:MAX_FACT_ARTICLES]
    compared_slugs = {d.slug for d in compared}
    articles = read.statements(compared)
    groups = cluster(articles)
    multi = [g for g in groups if len(g) > 1]  # a group has one sentence per article
    multi.sort(key=lambda g: (-len(g), min([order[u.slug] for u in g]), min([u.paragraph for u in g])))
    stated: dict[int, Fact] = {}  # each group's fact, by id: the lead and overview may repeat one

    def fact_of(group: list[Unit]) -> Fact:
        found = stated.get(id(group))
        if found is None:
            found = stated[id(group)] = fact(group, order)
        return found

    facts = [fact_of(g) for g in multi[:MAX_FACTS]]
    covered = {(u.slug, u.text) for g in multi for u in g}

    overview: list[Fact] = []
    used_groups: set[int] = set()
    group_of = {(u.slug, u.text): n for n, g in enumerate(groups) for u in g}
    keys = _key_names(corpus, topic)
    # The overview: how the topic began, one sentence per article, oldest first; never a
    # sentence the key facts below already state (the reader would read it twice).
    in_facts = {id(g) for g in multi[:MAX_FACTS]}
    # The one-line summary: the first sentence about the topic of the oldest compared
    # article, as the fact it belongs to (even when that fact is among the key facts).
    lead: str | None = None
    for document in sorted(compared, key=lambda d: (d.article.date, d.slug))[:MAX_OVERVIEW * 2]:
        own = read[document.slug].reported_first
        about = list(islice((u for u in own if keys.search(u.text)), OVERVIEW_CANDIDATES)) if keys else []
        if lead is None and (about or own):
            first = (about or own)[0]
            n = group_of.get((first.slug, first.text))
            lead = fact_of(groups[n]).text if n is not None else first.text
        for unit in (about or own)[:OVERVIEW_CANDIDATES]:
            if _opens_with_quote(unit):
                continue
            n = group_of.get((unit.slug, unit.text))
            if n in used_groups or (n is not None and id(groups[n]) in in_facts):
                continue
            if n is not None:
                used_groups.add(n)
                overview.append(fact_of(groups[n]))
            else:
                overview.append(Fact(unit.text, (Citation(unit.slug, unit.paragraph),)))
            break
        if len(overview) >= MAX_OVERVIEW:
            break
    if len(facts) < 3:
        singles = [
            u for d in compared for u in read[d.slug].statements.units[1:3]
            if (u.slug, u.text) not in covered and len(u.stems) >= 6
            and all(u.text != f.text for f in overview)
        ]
        facts += [Fact(u.text, (Citation(u.slug, u.paragraph),)) for u in singles[: 3 - len(facts)]]

    # What each article adds: its weightiest sentence not already a fact, for the compared
    # articles (only their sentences are read); the others are described by their summary.
    contributions = []
    for document in members:
        weightiest = read[document.slug].weightiest if document.slug in compared_slugs else ()
        best = next((u for u in weightiest if (u.slug, u.text) not in covered), None)
        contributions.append((document.slug, shorten(best.text if best else document.analysis.summary, 260)))

    entity_names: dict[str, set[str]] = defaultdict(set)
    for document in members:
        for type_, names in document.entities.items():
            entity_names[type_].update(names)
    namings = [reading.naming for reading in readings]
    disagreements = (
        disagreeing.places(namings, articles)
        + disagreeing.names(namings)
        + disagreeing.numbers(multi)
    )
    summary = lead or (overview[0].text if overview else (members[0].analysis.summary if members else ""))
    return Digest(
        topic=topic,
        summary=shorten(summary, 220),
        overview=tuple(overview),
        facts=tuple(facts),
        disagreements=tuple(disagreements),
        timeline=_timeline(readings, group_of),
        quotes=_quotes(readings, MAX_QUOTES),
        entities={t: tuple(sorted(n)) for t, n in sorted(entity_names.items())},
        contributions=tuple(contributions),
        updated=max((d.article.date for d in members), default=_dt.date(1970, 1, 1)),
    )


class DigestKeys:
    """A digest's key: the hash of everything it reads (the topic; the content, entities,
    quotes and entity aliases of its newest articles; the code ``version``), per topic,
    with the per-article part computed once for all topics."""

    def __init__(self, corpus: Corpus, version: str) -> None:
        self.corpus = corpus
        self.version = version
        self._documents: dict[str, str] = {}
        self._aliases: dict[str, dict[str, tuple[str, ...]]] | None = None

    def aliases(self) -> dict[str, dict[str, tuple[str, ...]]]:
        """Each entity's aliases, sorted, by type and name: once per run (articles share theirs)."""
        if self._aliases is None:
            self._aliases = {type_: {} for type_ in _ALIASED}
            for key, entity in self.corpus.entities.items():
                type_, name = key.split(":", 1)
                if type_ in self._aliases:
                    self._aliases[type_][name] = tuple(sorted(entity.aliases))
        return self._aliases

    def document(self, slug: str) -> str:
        found = self._documents.get(slug)
        if found is None:
            document = self.corpus.by_slug.get(slug)
            if document is None:
                found = "missing"
            else:
                aliases = self.aliases()  # (None for a name the corpus has no entity for)
                found = _hash((slug, document.article.source, document.article.content_hash,
                               document.analysis.headline, document.analysis.summary,
                               sorted(document.entities.items()), document.quotes,
                               [list(map(aliases[t].get, document.entities.get(t, ()))) for t in _ALIASED]))
            self._documents[slug] = found
        return found

    def topic(self, topic: Topic) -> str:
        named = [(k, [(e.type, e.name, tuple(sorted(e.aliases))) for e in self.corpus.entities_named(k)])
                 for k in topic.keys]
        return _hash((self.version, topic, named,
                      [self.document(s) for s in topic.members[:MAX_DIGEST_ARTICLES]]))


_FORKED = 8
"""Digests are built on several processes from this many on."""
_ALIASED = ("place", "organisation", "event")
"""The types of entity whose aliases a digest reads (disagreements: places and their owners)."""


def _hash(value: object) -> str:
    return input_hash(value)


class _Reading:
    """What digests read of one article, each part worked out when a digest first needs it
    (in whichever process builds it) and kept for every other topic the article is in."""

    def __init__(self, corpus: Corpus, document: Document) -> None:
        self.corpus = corpus
        self.document = document

    statements: Statements
    """Set for the articles a digest compares, several at a time (:meth:`_Read.statements`)."""

    @cached_property
    def reported_first(self) -> list[Unit]:
        """The article's statements, those opening with a quotation last (:func:`_reported_first`)."""
        return _reported_first(self.statements.units)

    @cached_property
    def weightiest(self) -> list[Unit]:
        """The statements of five stems or more, the weightiest first (``Statements.masses``;
        of equal weight, the first): what the article adds to a topic is the first not a fact."""
        found = self.statements
        ranked = sorted(((mass, -u.paragraph, -n) for n, (u, mass) in enumerate(zip(found.units, found.masses))
                         if len(u.stems) >= 5), reverse=True)
        return [found.units[-n] for _, _, n in ranked]

    @cached_property
    def events(self) -> list[tuple[str, str, str, Citation]]:
        """Each dated event: its date, its sentence as the units hold it (with the article's
        slug: how a digest's groups know it), the excerpt a timeline shows and its citation."""
        slug = self.document.slug
        return [(event.date, (slug, balanced(event.text)), excerpt(event.text, event.expression),
                 Citation(slug, event.paragraph)) for event in self.document.analysis.events]

    @cached_property
    def naming(self) -> disagreeing.Naming:
        return disagreeing.naming(self.corpus, self.document)

    @cached_property
    def quotes(self) -> list[tuple[Quote, str]]:
        """Each quotation with its words (``quotes.words``), to tell repeats."""
        return [(quote, words(quote.text)) for quote in self.document.quotes]


class _Read(dict):
    """Article slug -> :class:`_Reading`, for the articles of the corpus."""

    def __init__(self, corpus: Corpus) -> None:
        super().__init__()
        self.corpus = corpus
        self.by_slug = corpus.by_slug

    def __missing__(self, slug: str) -> _Reading:
        found = self[slug] = _Reading(self.corpus, self.by_slug[slug])
        return found

    def __contains__(self, slug: object) -> bool:
        return slug in self.by_slug

    def statements(self, documents: Sequence[Document]) -> list[Statements]:
        """The statements of ``documents``, those not yet read worked out together."""
        readings = [self[d.slug] for d in documents]
        missing = [r for r in readings if not hasattr(r, "statements")]
        for reading, found in zip(missing, statements([r.document for r in missing])):
            reading.statements = found
        return [r.statements for r in readings]


def build_digests(corpus: Corpus, topics: Sequence[Topic], memo: DigestMemo | None = None, jobs: int = 1) -> Corpus:
    """Every topic's digest, and for each article the digests that draw on it.

    With a ``memo``, a digest whose inputs (:class:`DigestKeys`) are unchanged
    is taken from it instead of being rebuilt: adding one article rebuilds
    only the digests of the topics it joins. The others are built on ``jobs``
    processes.
    """
    fingerprints = DigestKeys(corpus, memo.version if memo else "")
    keys = [fingerprints.topic(t) for t in topics] if memo else []
    found = memo.get_many(keys) if memo else {}
    todo = [t for n, t in enumerate(topics) if not memo or keys[n] not in found]
    if not memo:
        keys = [fingerprints.topic(t) for t in topics]
    read = _Read(corpus)
    if jobs > 1 and len(todo) >= _FORKED:
        english.frequencies()  # read once here, not once in each forked worker
    built = fork_map(lambda topic: build_digest(corpus, topic, read), todo, jobs, min_items=_FORKED)
    fresh = {id(t): digest for t, digest in zip(todo, built)}
    digests = tuple((fresh[id(t)] if id(t) in fresh else found[keys[n]]).for_topic(t, keys[n])
                    for n, t in enumerate(topics))
    if memo:
        memo.put_many({keys[n]: d for n, (t, d) in enumerate(zip(topics, digests)) if id(t) in fresh}, keep=keys)
    appears: dict[str, list[str]] = defaultdict(list)
    for digest in digests:
        for slug in digest.topic.members:
            appears[slug].append(digest.topic.slug)
    return replace(corpus, digests=digests, appears_in={k: tuple(v) for k, v in sorted(appears.items())})

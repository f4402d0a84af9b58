"""Digests: what all the articles of a topic say, with sources for every line.

For each topic: the sentences of its articles are compared through an
inverted index of their rarer word stems (never every sentence with every
other); sentences from different articles that say the same thing in nearly
the same words become one *fact* with a corroboration count. Disagreements
are places, names or numbers that articles give differently for the same
thing; the timeline gathers the dates the analysis resolved.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from typing import Iterable, Mapping, Protocol, Sequence

import numpy as np
from scipy import sparse

from .corpus import Corpus
from .models import Citation, Claim, Digest, Disagreement, Document, Fact, Quote, TimelineEntry, Topic
from .sentences import split
from .wording import MAX_RARITY, content_stems, excerpt, mass, rarity

MAX_FACT_ARTICLES = 16
"""A digest compares the sentences of at most this many of its newest articles."""
MAX_FACTS = 8
MAX_DIGEST_ARTICLES = 60
"""Timeline, quotes, entities and what each article adds come from at most this many newest articles."""
MAX_QUOTES = 12
MAX_TIMELINE = 40
NAME_WEIGHT = 2.0
"""The weight of a person's name when comparing sentences (a rare word weighs up to 10)."""
COMMON_IN_TOPIC = 0.5
"""A stem in every compared article of a topic keeps this share of its weight."""
MAX_OVERVIEW = 5
SIMILAR = 0.5
"""Weighted overlap of rare stems above which two sentences state the same fact."""
MIN_SHARED = 3
SIMILAR_PLAIN = 0.45
MIN_SHARED_PLAIN = 5
"""Or: this share of the shorter sentence's stems, and at least this many, in common."""
_NUMBER_WORDS = "one two three four five six seven eight nine ten eleven twelve dozen hundred thousand million".split()
_QUANTITY = re.compile(
    rf"\b(\d[\d,.]*|{'|'.join(_NUMBER_WORDS)})\s+(?:[a-z-]+\s+)?([a-z]+s)\b", re.IGNORECASE
)


class DigestMemo(Protocol):
    """Digests kept between runs, by :func:`digest_key` (``cache.DigestCache``)."""

    version: str

    def get_many(self, keys: Iterable[str]) -> dict[str, Digest]: ...

    def put_many(self, items: Mapping[str, Digest], keep: Iterable[str]) -> None: ...


@dataclass(frozen=True)
class Unit:
    slug: str
    paragraph: int
    text: str
    stems: frozenset[str]


def _is_statement(sentence: str) -> bool:
    """A sentence, not a section heading ("Putin's Visit To India")."""
    return sentence.rstrip()[-1:] in ".!?\"”’)" or len(sentence.split()) > 12


def _units(document: Document) -> list[Unit]:
    out = []
    for p, paragraph in enumerate(document.analysis.paragraphs):
        for sentence in split(paragraph):
            if _is_statement(sentence):
                out.append(Unit(document.slug, p, sentence, content_stems(sentence)))
    return out


def _key_pattern(corpus: Corpus, topic: Topic) -> re.Pattern[str] | None:
    """Any written form of the names that define the topic."""
    forms = set(topic.keys)
    for key in topic.keys:
        for entity in corpus.entities_named(key):
            forms.update(entity.aliases)
    forms = {f for f in forms if len(f) > 1}
    if not forms:
        return None
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _local_weights(units: Sequence[Unit], names: frozenset[str]) -> dict[str, float]:
    """Each stem's English rarity, discounted when it says little about *what* was said:
    people's names (every sentence of a story about a visit names the visitor) weigh
    like a common word, and a stem most of the topic's articles use counts less."""
    articles: dict[str, set[str]] = defaultdict(set)
    for unit in units:
        for stem in unit.stems:
            articles[stem].add(unit.slug)
    total = len({u.slug for u in units})
    spread = max(total - 2, 1)
    return {
        stem: min(rarity(stem), NAME_WEIGHT if stem in names else MAX_RARITY)
        * (1.0 if len(slugs) <= 2 else 1 - (1 - COMMON_IN_TOPIC) * (len(slugs) - 2) / spread)
        for stem, slugs in articles.items()
    }


def _person_stems(documents: Iterable[Document]) -> frozenset[str]:
    return frozenset().union(*(content_stems(m.surface) for d in documents
                               for m in d.analysis.mentions if m.type == "person"))


def _candidates(units: Sequence[Unit], index: Mapping[str, list[int]], rare_limit: int) -> list[tuple[int, int]]:
    """Pairs ``i < j`` of sentences from different articles sharing at least ``MIN_SHARED``
    rare stems (in at most ``rare_limit`` sentences): one sparse product, sentences x
    rare stems times its transpose, instead of a loop over every posting."""
    rare = [postings for postings in index.values() if 1 < len(postings) <= rare_limit]
    if not rare:
        return []
    rows = np.fromiter((i for postings in rare for i in postings), dtype=np.int32)
    cols = np.repeat(np.arange(len(rare), dtype=np.int32), [len(p) for p in rare])
    incidence = sparse.csr_matrix((np.ones(len(rows), dtype=np.int32), (rows, cols)), shape=(len(units), len(rare)))
    shared = sparse.triu(incidence @ incidence.T, k=1).tocoo()
    keep = shared.data >= MIN_SHARED
    numbers: dict[str, int] = {}
    article = np.array([numbers.setdefault(u.slug, len(numbers)) for u in units])
    i, j = shared.row[keep], shared.col[keep]
    different = article[i] != article[j]
    return sorted(zip(i[different].tolist(), j[different].tolist()))


def _cluster(units: Sequence[Unit], names: frozenset[str] = frozenset()) -> list[list[Unit]]:
    """Union sentences of different articles that say the same thing."""
    index: dict[str, list[int]] = defaultdict(list)
    rare_limit = max(3, len({u.slug for u in units}) * 2)
    for i, unit in enumerate(units):
        for stem in unit.stems:
            index[stem].append(i)
    parent = list(range(len(units)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    weight = _local_weights(units, names)
    masses = [math.fsum(map(weight.__getitem__, u.stems)) for u in units]
    pairs: list[tuple[float, int, int]] = []
    for i, j in _candidates(units, index, rare_limit):
        unit, other = units[i], units[j]
        common = unit.stems & other.stems
        score = math.fsum(map(weight.__getitem__, common)) / max(min(masses[i], masses[j]), 1e-9)
        plain = len(common) / max(min(len(unit.stems), len(other.stems)), 1)
        if score >= SIMILAR or (plain >= SIMILAR_PLAIN and len(common) >= MIN_SHARED_PLAIN):
            pairs.append((max(score, plain), i, j))
    # Strongest pairs first; two clusters merge only if no article is in both,
    # so a fact holds one sentence per article and chains cannot form.
    articles = [{u.slug} for u in units]
    for _, i, j in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        ri, rj = root(i), root(j)
        if ri == rj or articles[ri] & articles[rj]:
            continue
        parent[rj] = ri
        articles[ri] |= articles[rj]
    groups: dict[int, list[Unit]] = defaultdict(list)
    for i, unit in enumerate(units):
        groups[root(i)].append(unit)
    return list(groups.values())


def _fact(group: Sequence[Unit], order: Mapping[str, int]) -> Fact:
    """One statement for a cluster: the wording that shares most with the others, every citation."""

    def central(unit: Unit) -> int:
        return sum(len(unit.stems & other.stems) for other in group if other is not unit)

    best = min(group, key=lambda u: (-central(u), order[u.slug], u.paragraph, len(u.text)))
    citations = tuple(sorted({Citation(u.slug, u.paragraph) for u in group}))
    return Fact(text=best.text, citations=citations)


def _quantities(text: str) -> set[tuple[str, str]]:
    return {(a.lower(), b.lower()) for a, b in _QUANTITY.findall(text)}


def _number_disagreements(groups: Sequence[Sequence[Unit]]) -> list[Disagreement]:
    found = []
    for group in groups:
        quantities = [_quantities(unit.text) for unit in group]
        by_slug: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for unit, found_here in zip(group, quantities):
            by_slug[unit.slug] |= found_here
        slugs = sorted(s for s in by_slug if by_slug[s])
        if len(slugs) < 2:
            continue
        numbers = defaultdict(set)
        for slug in slugs:
            for number, noun in by_slug[slug]:
                numbers[number].add((noun, slug))
        for number, pairs in sorted(numbers.items()):
            nouns = {noun for noun, _ in pairs}
            if len(nouns) > 1 and len({slug for _, slug in pairs}) > 1:
                claims = tuple(
                    Claim(f"{number} {noun}", tuple(sorted(Citation(u.slug, u.paragraph) for u, q in zip(group, quantities)
                                                           if (number, noun) in q)))
                    for noun in sorted(nouns)
                )
                found.append(Disagreement(about=_shorten(group[0].text, 120), claims=claims))
    return found


_TRAILING_WORDS = re.compile(r"(?:\s+[a-z]+){0,2}$")


def _place_disagreements(corpus: Corpus, members: Sequence[Document], units: Sequence[Unit]) -> list[Disagreement]:
    """The same event or organisation placed in different places by different articles.

    One pass per sentence: find each place named after "in"/"at", then look
    just before it for a form of an event or organisation ("the BRICS summit
    in Kazan"): no pattern is built per entity.
    """
    aliases: dict[str, str] = {}
    for document in members:
        for name in document.entities.get("place", ()):
            for form in (name, *corpus.entities[f"place:{name}"].aliases):
                aliases[form] = name
    owners: dict[str, tuple[str, str]] = {}
    for type_ in ("event", "organisation"):
        for document in members:
            for name in document.entities.get(type_, ()):
                for form in (name, *corpus.entities[f"{type_}:{name}"].aliases):
                    owners.setdefault(form, (type_, name))
    if not aliases or not owners:
        return []
    place_re = re.compile(
        r"\b(?:in|at)\s+(?:the\s+)?(" + "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True)) + r")\b"
    )
    claims: dict[tuple[str, str], dict[str, set[Citation]]] = defaultdict(lambda: defaultdict(set))
    for unit in units:
        for match in place_re.finditer(unit.text):
            before = _TRAILING_WORDS.sub("", unit.text[: match.start()].rstrip())
            for form, owner in owners.items():
                if before.endswith(form) and (len(before) == len(form) or not before[-len(form) - 1].isalnum()):
                    claims[owner][aliases[match.group(1)]].add(Citation(unit.slug, unit.paragraph))
                    break
    found = []
    for (type_, name), by_place in sorted(claims.items()):
        if len(by_place) < 2:
            continue
        slugs = [{c.slug for c in cites} for cites in by_place.values()]
        if set.intersection(*slugs):
            continue  # one article names both places: not a disagreement
        found.append(Disagreement(
            about=f"Where the {name} took place" if type_ == "event" else f"Where {name} met",
            claims=tuple(Claim(p, tuple(sorted(c))) for p, c in sorted(by_place.items())),
        ))
    return found


def _name_disagreements(corpus: Corpus, members: Sequence[Document]) -> list[Disagreement]:
    """One organisation or event written out with different words by different articles."""
    found = []
    slugs = {d.slug for d in members}
    for type_ in ("organisation", "event"):
        forms: dict[str, dict[frozenset[str], tuple[str, set[Citation]]]] = defaultdict(dict)
        for document in members:
            names = {n for n in document.entities.get(type_, ())}
            for mention in document.analysis.mentions:
                if mention.type != type_ or len(mention.surface.split()) < 4:
                    continue
                canonical = next((n for n in names if n == mention.name or mention.surface in
                                  corpus.entities[f"{type_}:{n}"].aliases or mention.name in
                                  corpus.entities[f"{type_}:{n}"].aliases), None)
                if canonical is None:
                    continue
                words = frozenset(w.lower() for w in re.findall(r"[A-Za-z]+", mention.surface))
                text, cites = forms[canonical].setdefault(words, (mention.surface, set()))
                cites.add(Citation(document.slug, mention.paragraph))
        for canonical, variants in sorted(forms.items()):
            if len(variants) < 2:
                continue
            long_forms = [v for v in variants.items() if len(v[0]) >= 4]
            distinct = {frozenset(c.slug for c in cites) for _, (_, cites) in long_forms}
            if len(long_forms) > 1 and len(set().union(*distinct) & slugs) > 1:
                claims = tuple(sorted(
                    (Claim(text, tuple(sorted(cites))) for _, (text, cites) in long_forms),
                    key=lambda c: c.value,
                ))
                if len({tuple(sorted({x.slug for x in c.citations})) for c in claims}) > 1:
                    found.append(Disagreement(about=f"The name of {canonical}", claims=claims))
    return found


def _shorten(text: str, limit: int = 200) -> str:
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit - 1)
    return text[: cut if cut > 0 else limit - 1].rstrip(",;:") + "…"


def _timeline(members: Sequence[Document], groups: Sequence[Sequence[Unit]]) -> tuple[TimelineEntry, ...]:
    where = {}
    for n, group in enumerate(groups):
        for unit in group:
            where[(unit.slug, unit.text)] = n
    merged: dict[tuple[str, object], tuple[str, set[Citation]]] = {}
    for document in members:
        for event in document.analysis.events:
            cluster = where.get((document.slug, event.text), ("solo", document.slug, event.text))
            key = (event.date, cluster)
            text, cites = merged.setdefault(key, (excerpt(event.text, event.expression), set()))
            cites.add(Citation(document.slug, event.paragraph))
    entries = [TimelineEntry(date, text, tuple(sorted(cites))) for (date, _), (text, cites) in merged.items()]
    if len(entries) > MAX_TIMELINE:  # the best-sourced, then the latest
        entries = sorted(entries, key=lambda e: (-len(e.citations), _negated(str(e.date)), e.text))[:MAX_TIMELINE]
    entries.sort(key=lambda e: (e.date, e.text))
    return tuple(entries)


def _negated(iso: str) -> tuple[int, ...]:
    """Sort key putting later ISO dates (``2024``, ``2024-07``, ``2024-07-01``) first."""
    return tuple(-int(part) for part in iso.split("-") if part.isdigit())


def _quotes(members: Sequence[Document]) -> tuple[tuple[Quote, str], ...]:
    seen: set[str] = set()
    out = []
    for document in members:
        for quote in document.quotes:
            key = re.sub(r"\W+", " ", quote.text.lower()).strip()
            if any(key in s or s in key for s in seen):
                continue
            seen.add(key)
            out.append((quote, document.slug))
    return tuple(out)


def build_digest(corpus: Corpus, topic: Topic, units_of: Mapping[str, list[Unit]]) -> Digest:
    """One topic's digest: a function of the topic, its newest articles and their entities' aliases
    (see :func:`digest_key`), so it can be kept between runs."""
    by_slug = corpus.by_slug
    members = [by_slug[s] for s in topic.members[:MAX_DIGEST_ARTICLES] if s in by_slug]
    order = {d.slug: n for n, d in enumerate(sorted(members, key=lambda d: (d.article.date, d.slug)))}
    compared = members[:MAX_FACT_ARTICLES]
    units = [u for d in compared for u in units_of[d.slug]]
    groups = _cluster(units, _person_stems(compared))
    multi = [g for g in groups if len({u.slug for u in g}) > 1]
    multi.sort(key=lambda g: (-len({u.slug for u in g}), min(order[u.slug] for u in g), min(u.paragraph for u in g)))
    facts = [_fact(g, order) for g in multi][:MAX_FACTS]
    covered = {(u.slug, u.text) for g in multi for u in g}

    overview: list[Fact] = []
    used_groups: set[int] = set()
    group_of = {(u.slug, u.text): n for n, g in enumerate(groups) for u in g}
    keys = _key_pattern(corpus, topic)
    for document in sorted(compared, key=lambda d: (d.article.date, d.slug))[:MAX_OVERVIEW * 2]:
        own = units_of[document.slug]
        about = [u for u in own if keys and keys.search(u.text)] if keys else []
        for unit in (about or own)[:1]:
            n = group_of.get((unit.slug, unit.text))
            if n in used_groups:
                continue
            if n is not None:
                used_groups.add(n)
                overview.append(_fact(groups[n], order))
            else:
                overview.append(Fact(unit.text, (Citation(unit.slug, unit.paragraph),)))
        if len(overview) >= MAX_OVERVIEW:
            break
    if len(facts) < 3:
        singles = [
            u for d in compared for u in units_of[d.slug][1:3]
            if (u.slug, u.text) not in covered and len(u.stems) >= 6
            and all(u.text != f.text for f in overview)
        ]
        facts += [Fact(u.text, (Citation(u.slug, u.paragraph),)) for u in singles[: 3 - len(facts)]]

    contributions = []
    for document in members:
        own = [u for u in units_of[document.slug] if (u.slug, u.text) not in covered and len(u.stems) >= 5]
        best = max(own, key=lambda u: (mass(u.stems), -u.paragraph), default=None)
        contributions.append((document.slug, _shorten(best.text if best else document.analysis.summary, 260)))

    entity_names: dict[str, set[str]] = defaultdict(set)
    for document in members:
        for type_, names in document.entities.items():
            entity_names[type_].update(names)
    disagreements = (
        _place_disagreements(corpus, members, units)
        + _name_disagreements(corpus, members)
        + _number_disagreements(multi)
    )
    summary = overview[0].text if overview else (members[0].analysis.summary if members else "")
    return Digest(
        topic=topic,
        summary=_shorten(summary, 220),
        overview=tuple(overview),
        facts=tuple(facts),
        disagreements=tuple(disagreements),
        timeline=_timeline(members, groups),
        quotes=_quotes(members)[:MAX_QUOTES],
        entities={t: tuple(sorted(n)) for t, n in sorted(entity_names.items())},
        contributions=tuple(contributions),
        updated=max((d.article.date for d in members), default=_dt.date(1970, 1, 1)),
    )


class _Fingerprints:
    """Hashes of everything a digest reads, per article and per topic (see :func:`digest_key`)."""

    def __init__(self, corpus: Corpus, version: str) -> None:
        self.corpus = corpus
        self.version = version
        self._documents: dict[str, str] = {}

    def _aliases(self, type_: str, name: str) -> tuple[str, ...]:
        entity = self.corpus.entities.get(f"{type_}:{name}")
        return tuple(sorted(entity.aliases)) if entity else ()

    def document(self, slug: str) -> str:
        found = self._documents.get(slug)
        if found is None:
            document = self.corpus.by_slug.get(slug)
            if document is None:
                found = "missing"
            else:
                aliases = [(t, n, self._aliases(t, n)) for t in ("place", "organisation", "event")
                           for n in document.entities.get(t, ())]
                found = _hash((slug, document.article.source, document.article.content_hash,
                               document.analysis.headline, document.analysis.summary,
                               sorted(document.entities.items()), document.quotes, aliases))
            self._documents[slug] = found
        return found

    def topic(self, topic: Topic) -> str:
        named = [(k, [(e.type, e.name, tuple(sorted(e.aliases))) for e in self.corpus.entities_named(k)])
                 for k in topic.keys]
        return _hash((self.version, topic, named,
                      [self.document(s) for s in topic.members[:MAX_DIGEST_ARTICLES]]))


def _hash(value: object) -> str:
    return hashlib.sha256(repr(value).encode("utf-8")).hexdigest()


def digest_key(corpus: Corpus, topic: Topic, version: str = "") -> str:
    """What a topic's digest depends on, hashed: the topic, the content, entities, quotes and
    entity aliases of its newest articles, and ``version`` (the code)."""
    return _Fingerprints(corpus, version).topic(topic)


def build_digests(corpus: Corpus, topics: Sequence[Topic], memo: DigestMemo | None = None) -> Corpus:
    """Every topic's digest, and for each article the digests that draw on it.

    With a ``memo``, a digest whose inputs (:func:`digest_key`) are unchanged
    is taken from it instead of being rebuilt: adding one article rebuilds
    only the digests of the topics it joins.
    """
    fingerprints = _Fingerprints(corpus, memo.version if memo else "")
    keys = [fingerprints.topic(t) for t in topics] if memo else []
    found = memo.get_many(keys) if memo else {}
    todo = [t for n, t in enumerate(topics) if not memo or keys[n] not in found]
    needed = {s for t in todo for s in t.members[:MAX_FACT_ARTICLES]}
    by_slug = corpus.by_slug
    units_of: dict[str, list[Unit]] = defaultdict(list)
    units_of.update({s: _units(by_slug[s]) for s in sorted(needed) if s in by_slug})
    if not memo:
        keys = [fingerprints.topic(t) for t in topics]
    fresh = {id(t): build_digest(corpus, t, units_of) for t in todo}
    digests = tuple(replace(fresh[id(t)] if id(t) in fresh else found[keys[n]], topic=t, key=keys[n])
                    for n, t in enumerate(topics))
    if memo:
        memo.put_many({keys[n]: d for n, (t, d) in enumerate(zip(topics, digests)) if id(t) in fresh}, keep=keys)
    appears: dict[str, list[str]] = defaultdict(list)
    for digest in digests:
        for slug in digest.topic.members:
            appears[slug].append(digest.topic.slug)
    return replace(corpus, digests=digests, appears_in={k: tuple(v) for k, v in sorted(appears.items())})

"""Facts: sentences of different articles that say the same thing, found without
comparing every sentence with every other.

Each sentence of a topic's newest articles becomes a :class:`Unit` with the
stems of its content words (worked out once per article, :class:`Statements`,
whatever the number of topics it is in). Pairs that share at least
``MIN_SHARED`` of the rarer stems are counted at once with numpy
(:func:`_candidates`, :mod:`generator.overlap`); each pair is then scored by
the weight of the stems it shares, words weighted by their rarity in English
(``wording.rarity``), people's names and stems common to the whole topic
discounted. The strongest pairs are joined first, never two sentences of one
article into one fact.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from typing import Any, Callable, Iterable, Mapping, Sequence

import numpy as np

from .models import Citation, Document, Fact
from .overlap import VOCABULARY, ExactSums, Numbered, Postings, numbers_of
from .sentences import split
from .wording import MAX_RARITY, content_stems, in_at, matched_quantities, stems_and_countable

NAME_WEIGHT = 2.0
"""The weight of a person's name when comparing sentences (a rare word weighs up to 10)."""
COMMON_IN_TOPIC = 0.5
"""A stem in every compared article of a topic keeps this share of its weight."""
SIMILAR = 0.5
"""Weighted overlap of rare stems above which two sentences state the same fact."""
MIN_SHARED = 3
SIMILAR_PLAIN = 0.45
MIN_SHARED_PLAIN = 5
"""Or: this share of the shorter sentence's stems, and at least this many, in common."""


class _once:  # noqa: N801 (used as a decorator, like functools.cached_property)
    """``functools.cached_property`` without the lock Python 3.11 takes on every first read:
    a digest run makes one for each sentence, a tenth of the sentence's own work."""

    def __init__(self, func: Callable[[Any], Any]) -> None:
        self.func, self.name = func, func.__name__

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)  # found there from now on
        return value


@dataclass(frozen=True)
class Unit:
    """A statement of an article as digests compare it (``text`` with any quotation mark
    the sentence left open or unopened, see :func:`balanced`)."""

    slug: str
    paragraph: int
    text: str
    stems: frozenset[str]
    countable: bool = True
    """False if the sentence gives no quantity (``wording.stems_and_countable``): four in five."""

    # What the disagreements read of a sentence, worked out on first use and kept with it:
    # a sentence is compared in every topic its article is in.
    @_once
    def quantities(self) -> frozenset[tuple[str, str]]:
        return matched_quantities(self.text) if self.countable else frozenset()

    @_once
    def in_at(self) -> list[tuple[int, tuple[int, ...]]]:
        return in_at(self.text)


def is_statement(sentence: str) -> bool:
    """A sentence, not a section heading (``entities.is_heading``) nor any other short line
    without closing punctuation ("Read more"): what a digest may state as a fact."""
    return sentence.rstrip()[-1:] in ".!?\"”’)" or len(sentence.split()) > 12


def balanced(sentence: str) -> str:
    """A sentence cut from a longer quotation, with the quotation mark the cut left out:
    an article may open a quote in one paragraph and close it in the next, and a digest
    showing that one sentence must not leave a quotation open (or close one never opened)."""
    opened, closed = sentence.rfind("“"), sentence.rfind("”")
    if opened > closed:
        return sentence + "”"
    first_close, first_open = sentence.find("”"), sentence.find("“")
    if first_close >= 0 and (first_open < 0 or first_close < first_open):
        return "“" + sentence
    return sentence


def units(document: Document) -> list[Unit]:
    out = []
    for p, paragraph in enumerate(document.analysis.paragraphs):
        for sentence in split(paragraph):
            if is_statement(sentence):  # (whether it may count holds for the balanced text: a quotation mark counts nothing)
                out.append(Unit(document.slug, p, balanced(sentence), *stems_and_countable(sentence)))
    return out


@dataclass(frozen=True)
class Statements:
    """What a digest compares of one article, worked out once per article in a process and
    read by every topic the article is in: its units, their stems numbered
    (:class:`overlap.Numbered`), each unit's ``wording.mass`` and the numbers of the stems
    of the people it names."""

    slug: str
    units: list[Unit]
    numbered: Numbered
    masses: list[float]
    persons: np.ndarray

    @_once
    def openings(self) -> dict[str, list[int]]:
        """For each character, the units (by index) where it follows "in"/"at" (the), in
        order: a name placed with "in"/"at" begins with one of these characters."""
        found: dict[str, list[int]] = defaultdict(list)
        for n, unit in enumerate(self.units):
            text = unit.text
            for char in {text[at : at + 1] for _, places_at in unit.in_at for at in places_at}:
                found[char].append(n)
        return dict(found)


def statements(documents: Sequence[Document]) -> list[Statements]:
    """The :class:`Statements` of each of ``documents``: their stems numbered and their
    masses summed in one pass for all (the sums are exact, so they are each article's own)."""
    found = [units(document) for document in documents]
    every = [u for article in found for u in article]
    numbered = Numbered.of([u.stems for u in every])
    rarities = VOCABULARY.rarities(numbered.stems)
    unit = np.arange(len(every)).repeat(numbered.sizes)
    masses = ExactSums(rarities).sums(np.arange(len(rarities)), unit, len(every)).tolist()
    ends = numbered.sizes.cumsum().tolist()
    out = []
    first = 0  # the article's first unit
    for document, article in zip(documents, found):
        last = first + len(article)
        stems = slice(ends[first - 1] if first else 0, ends[last - 1] if last else 0)
        out.append(Statements(document.slug, article, Numbered(numbered.stems[stems], numbered.sizes[first:last]),
                              masses[first:last], numbers_of(person_stems([document]))))
        first = last
    return out


def person_stems(documents: Iterable[Document]) -> frozenset[str]:
    surfaces = {s for d in documents for use in d.analysis.uses if use.type == "person" for s in use.surfaces}
    return frozenset().union(*map(content_stems, surfaces))


def _local_weights(postings: Postings, names: np.ndarray) -> np.ndarray:
    """Each stem's English rarity, discounted when it says little about *what* was said:
    people's names (``names``: stem numbers; every sentence of a story about a visit names
    the visitor) weigh like a common word, and a stem most of the topic's articles use counts less."""
    in_articles = postings.articles
    spread = max(postings.total - 2, 1)
    named = np.zeros(len(VOCABULARY.stems), dtype=bool)  # a table, not np.isin: a tenth of its time
    named[names] = True
    cap = np.where(named[postings.stems], NAME_WEIGHT, MAX_RARITY)
    discount = 1 - (1 - COMMON_IN_TOPIC) * (in_articles - 2) / spread
    return np.minimum(VOCABULARY.rarities(postings.stems), cap) * np.where(in_articles <= 2, 1.0, discount)


def _candidates(postings: Postings, rare_limit: int) -> tuple[np.ndarray, np.ndarray]:
    """Pairs ``i < j`` (sorted) of sentences from different articles sharing at least
    ``MIN_SHARED`` rare stems (in at most ``rare_limit`` sentences)."""
    i, j = postings.pairs_sharing(rare_limit, MIN_SHARED)
    different = postings.article[i] != postings.article[j]
    return i[different], j[different]


def cluster(articles: Sequence[Statements]) -> list[list[Unit]]:
    """Union sentences of different articles that say the same thing.

    A candidate pair is scored by the weight of the stems its sentences share over
    the lighter sentence's weight, or by their number over the smaller sentence's."""
    units = [u for a in articles for u in a.units]
    if not units:
        return []
    postings = Postings([a.slug for a in articles], [a.numbered for a in articles])
    weight = _local_weights(postings, np.concatenate([a.persons for a in articles]))
    i, j = _candidates(postings, max(3, postings.total * 2))
    pair, stem = postings.common(i, j)
    exact = ExactSums(weight)
    shared = exact.sums(stem, pair, len(i))
    masses = exact.sums(postings.stem, postings.unit, len(units))
    common = np.bincount(pair, minlength=len(i))
    sizes = postings.sizes
    score = shared / np.maximum(np.minimum(masses[i], masses[j]), 1e-9)
    plain = common / np.maximum(np.minimum(sizes[i], sizes[j]), 1)
    similar = (score >= SIMILAR) | ((plain >= SIMILAR_PLAIN) & (common >= MIN_SHARED_PLAIN))
    i, j, strength = i[similar], j[similar], np.maximum(score, plain)[similar]
    strongest = np.lexsort((j, i, -strength))
    # Strongest pairs first; two clusters merge only if no article is in both,
    # so a fact holds one sentence per article and chains cannot form.
    # (Union-find with path halving; ``joined``: a cluster's articles as bits.)
    parent = list(range(len(units)))
    joined = [1 << a for a in postings.article.tolist()]
    for a, b in zip(i[strongest].tolist(), j[strongest].tolist()):
        while parent[a] != a:
            parent[a] = a = parent[parent[a]]
        while parent[b] != b:
            parent[b] = b = parent[parent[b]]
        if a != b and not joined[a] & joined[b]:
            parent[b] = a
            joined[a] |= joined[b]
    groups: dict[int, list[Unit]] = defaultdict(list)
    for n, unit in enumerate(units):
        while parent[n] != n:
            parent[n] = n = parent[parent[n]]
        groups[n].append(unit)
    return list(groups.values())


def fact(group: Sequence[Unit], order: Mapping[str, int]) -> Fact:
    """One statement for a cluster: the wording that shares most with the others, every citation."""
    shares = [0] * len(group)  # how many stems each sentence shares with the others, in all
    for a, b in combinations(range(len(group)), 2):
        if group[a] is not group[b]:
            shared = len(group[a].stems & group[b].stems)
            shares[a] += shared
            shares[b] += shared
    best = min(range(len(group)), key=lambda n: (-shares[n], order[group[n].slug], group[n].paragraph, len(group[n].text)))
    citations = tuple(Citation(slug, paragraph) for slug, paragraph in sorted({(u.slug, u.paragraph) for u in group}))
    return Fact(text=group[best].text, citations=citations)

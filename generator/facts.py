"""Facts: sentences of different articles that say the same thing, found without
comparing every sentence with every other.

Each sentence of a topic's newest articles becomes a :class:`Unit` with the
stems of its content words. Pairs that share at least ``MIN_SHARED`` of the
rarer stems are counted at once with numpy (:func:`_candidates`); each pair is
then scored by the weight of the stems it shares, words weighted by their rarity
in English (``wording.rarity``), people's names and stems common to the whole
topic discounted. The strongest pairs are
joined first, never two sentences of one article into one fact.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Mapping, Sequence

import numpy as np

from .models import Citation, Document, Fact
from .sentences import split
from .wording import MAX_RARITY, content_stems, rarity

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


@dataclass(frozen=True)
class Unit:
    slug: str
    paragraph: int
    text: str
    stems: frozenset[str]


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
            if is_statement(sentence):
                out.append(Unit(document.slug, p, balanced(sentence), content_stems(sentence)))
    return out


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


def person_stems(documents: Iterable[Document]) -> frozenset[str]:
    return frozenset().union(*(content_stems(m.surface) for d in documents
                               for m in d.analysis.mentions if m.type == "person"))


def _candidates(units: Sequence[Unit], index: Mapping[str, list[int]], rare_limit: int) -> list[tuple[int, int]]:
    """Pairs ``i < j`` of sentences from different articles sharing at least ``MIN_SHARED``
    rare stems (in at most ``rare_limit`` sentences), counted with numpy instead of a loop
    over every posting: every pair of each rare stem's sentences (postings of one length
    at once), then how often each pair occurs (what the sparse product sentences x rare
    stems times its transpose gives, without importing scipy into a run's main process)."""
    by_size: dict[int, list[list[int]]] = defaultdict(list)
    for postings in index.values():
        if 1 < len(postings) <= rare_limit:
            by_size[len(postings)].append(postings)  # ascending: units are indexed in order
    if not by_size:
        return []
    n = len(units)
    codes = []
    for size, group in by_size.items():
        first, second = _pair_positions(size)
        table = np.array(group, dtype=np.int64)
        codes.append((table[:, first] * n + table[:, second]).ravel())
    pairs, shared = np.unique(np.concatenate(codes), return_counts=True)
    pairs = pairs[shared >= MIN_SHARED]
    numbers: dict[str, int] = {}
    article = np.array([numbers.setdefault(u.slug, len(numbers)) for u in units])
    i, j = pairs // n, pairs % n
    different = article[i] != article[j]
    return sorted(zip(i[different].tolist(), j[different].tolist()))


@lru_cache(maxsize=None)
def _pair_positions(size: int) -> tuple[np.ndarray, np.ndarray]:
    """Positions ``a < b`` of every pair among ``size`` items."""
    return np.triu_indices(size, k=1)


def cluster(units: Sequence[Unit], names: frozenset[str] = frozenset()) -> list[list[Unit]]:
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


def fact(group: Sequence[Unit], order: Mapping[str, int]) -> Fact:
    """One statement for a cluster: the wording that shares most with the others, every citation."""

    def central(unit: Unit) -> int:
        return sum(len(unit.stems & other.stems) for other in group if other is not unit)

    best = min(group, key=lambda u: (-central(u), order[u.slug], u.paragraph, len(u.text)))
    citations = tuple(sorted({Citation(u.slug, u.paragraph) for u in group}))
    return Fact(text=best.text, citations=citations)

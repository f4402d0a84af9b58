"""Stem overlap between the sentences of one topic, as array operations.

A digest compares a few hundred sentences of up to 16 articles: which pairs
share enough rare stems, and how much weight each pair shares. Done one
Python string at a time this was a third of building the digests. Here every
stem has a number (per process, :data:`VOCABULARY`), an article's sentences
are one array of stem numbers (:class:`Numbered`, worked out once per article
and shared by every topic it is in), and a topic's weights, candidate pairs and
shared weights are numpy operations over its postings (one per stem of each
sentence).

Scores are compared and sorted, so every sum of weights here is the exact,
correctly rounded sum ``math.fsum`` gives (:func:`exact_sums`), whatever the
order of the stems: the result never depends on how stems were numbered.

The arrays are small (a topic's few thousand postings) and there are some
thirty operations per topic, so their overhead counts: array methods
(``a.repeat``, ``a.cumsum``) are used rather than the numpy functions, which
reach them through a Python wrapper.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import chain
from typing import Iterable, Sequence

import numpy as np

from .wording import rarity


class Vocabulary(dict):
    """Stem -> number, in the order stems are first met, with each stem's English rarity."""

    def __init__(self) -> None:
        super().__init__()
        self.stems: list[str] = []
        self._rarities = np.zeros(0)
        self._known = 0

    def __missing__(self, stem: str) -> int:
        number = self[stem] = len(self.stems)
        self.stems.append(stem)
        return number

    def rarities(self, numbers: np.ndarray) -> np.ndarray:
        """``wording.rarity`` of the stems numbered ``numbers``."""
        known = self._known
        if known < len(self.stems):
            if len(self._rarities) < len(self.stems):  # room for twice as many
                self._rarities = np.concatenate((self._rarities[:known], np.zeros(2 * len(self.stems))))
            self._rarities[known : len(self.stems)] = [rarity(stem) for stem in self.stems[known:]]
            self._known = len(self.stems)
        return self._rarities[numbers]


VOCABULARY = Vocabulary()
"""This process' stem numbers (a forked worker extends its own copy: numbers never leave a process)."""


@dataclass(frozen=True)
class Numbered:
    """The stems of a run of sentences as numbers: each sentence's stems one after another."""

    stems: np.ndarray
    """int64 stem numbers (:data:`VOCABULARY`), each sentence's distinct stems in a row."""
    sizes: np.ndarray
    """int64: how many stems each sentence has."""

    @classmethod
    def of(cls, stem_sets: Sequence[frozenset[str]]) -> Numbered:
        sizes = np.fromiter(map(len, stem_sets), dtype=np.int64, count=len(stem_sets))
        stems = np.fromiter(map(VOCABULARY.__getitem__, chain.from_iterable(stem_sets)), dtype=np.int64)
        return cls(stems, sizes)


class Postings:
    """The stems of a topic's sentences (``n`` of them, from ``blocks`` of one article each),
    numbered ``0 .. len(stems) - 1`` for the topic: posting ``p`` says that sentence
    ``unit[p]`` has the topic's stem ``stem[p]``; a sentence's postings are in a row.

    Tables (sentences x stems, articles x stems, pairs of sentences) replace sorting where
    they are small, as they are for any topic of a digest; a very large topic sorts."""

    def __init__(self, slugs: Sequence[str], blocks: Sequence[Numbered]) -> None:
        if not blocks:
            slugs, blocks = [""], [Numbered.of([])]
        self.sizes = np.concatenate([b.sizes for b in blocks])
        self.n = len(self.sizes)
        self.starts = self.sizes.cumsum() - self.sizes
        numbers: dict[str, int] = {}
        of_block = np.array([numbers.setdefault(slug, len(numbers)) for slug in slugs], dtype=np.int64)
        self.article = of_block.repeat([len(b.sizes) for b in blocks])
        """Each sentence's article, numbered by slug."""
        self.total = len({slug for slug, b in zip(slugs, blocks) if len(b.sizes)})
        """How many articles have sentences."""
        self.stems, self.stem = _renumbered(np.concatenate([b.stems for b in blocks]))
        """The topic's stem numbers (:data:`VOCABULARY`), ascending; each posting's index into them."""
        self.unit = np.arange(self.n).repeat(self.sizes)
        count = len(self.stems)
        if len(numbers) * count <= TABLE_CELLS:
            present = np.zeros((len(numbers), count), dtype=bool)
            present[self.article[self.unit], self.stem] = True
            self.articles = present.sum(axis=0)
        else:
            self.articles = np.bincount(np.unique(self.article[self.unit] * count + self.stem) % count, minlength=count)
        """For each stem, in how many articles it is."""
        self.sentences = np.bincount(self.stem, minlength=count)
        """For each stem, in how many sentences it is."""

    def pairs_sharing(self, rare_limit: int, least: int) -> tuple[np.ndarray, np.ndarray]:
        """Pairs ``i < j`` of sentences (sorted) sharing at least ``least`` rare stems (stems in
        2 to ``rare_limit`` sentences): every pair of each rare stem's sentences, then how
        often each pair occurs."""
        rare = (self.sentences > 1) & (self.sentences <= rare_limit)
        chosen = rare[self.stem]
        stem = self.stem[chosen]
        # Stable, so each stem's sentences stay ascending; on 16 bits numpy sorts by radix (a sixth of the time).
        order = (stem.astype(np.uint16) if len(self.stems) <= 1 << 16 else stem).argsort(kind="stable")
        stem, unit = stem[order], self.unit[chosen][order]  # each rare stem's sentences in a row, ascending
        runs = np.where(rare, self.sentences, 0)
        rank = np.arange(len(stem)) - (runs.cumsum() - runs)[stem]  # place in its stem's run
        later = self.sentences[stem] - 1 - rank  # the sentences after it in the run
        first = np.arange(len(stem)).repeat(later)
        second = first + 1 + np.arange(len(first)) - (later.cumsum() - later).repeat(later)
        codes = unit[first] * self.n + unit[second]
        if self.n * self.n <= PAIR_CELLS:
            pairs = (np.bincount(codes, minlength=self.n * self.n) >= least).nonzero()[0]
        else:
            pairs, shared = np.unique(codes, return_counts=True)
            pairs = pairs[shared >= least]
        return pairs // self.n, pairs % self.n

    def common(self, i: np.ndarray, j: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For each pair ``(i[k], j[k])``: the pair's number ``k`` and the local stem, once
        per stem both sentences have (each stem of ``i[k]`` looked up among ``j[k]``'s)."""
        sizes = self.sizes[i]
        pair = np.arange(len(i)).repeat(sizes)
        within = np.arange(len(pair)) - (sizes.cumsum() - sizes).repeat(sizes)
        stem = self.stem[self.starts[i][pair] + within]
        found = self.has(j[pair], stem)
        return pair[found], stem[found]

    def has(self, unit: np.ndarray, stem: np.ndarray) -> np.ndarray:
        """Whether sentence ``unit[k]`` has the local stem ``stem[k]``, for each ``k``."""
        count = len(self.stems)
        if self.n * count <= TABLE_CELLS:
            table = np.zeros((self.n, count), dtype=bool)
            table[self.unit, self.stem] = True
            return table[unit, stem]
        keys = np.sort(self.unit * count + self.stem)
        wanted = unit * count + stem
        return keys[np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)] == wanted


TABLE_CELLS = 1 << 22
"""The largest table of sentences (or articles) x stems :class:`Postings` makes (4 MB;
a digest's topic has some 200 sentences and 300 stems)."""
PAIR_CELLS = 1 << 20
"""The largest table of pairs of sentences :meth:`Postings.pairs_sharing` counts in (8 MB)."""


def _renumbered(numbers: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(numbers, return_inverse=True)`` for stem numbers, by a table over the
    vocabulary instead of a sort."""
    size = len(VOCABULARY.stems)
    seen = np.zeros(size, dtype=bool)
    seen[numbers] = True
    distinct = seen.nonzero()[0]
    local = np.empty(size, dtype=np.int64)
    local[distinct] = np.arange(len(distinct))
    return distinct, local[numbers]


_SPLIT = 31
_MAX_SPAN = 8
"""Binary orders of magnitude between the smallest and largest value :class:`ExactSums`
adds with integers (weights here span 0.05 to 10: four); wider spans use ``math.fsum``."""


class ExactSums:
    """Sums of chosen ``values`` (non-negative), each exact and correctly rounded as
    ``math.fsum`` gives it, whatever the order.

    Every value is an integer multiple of the smallest one's unit in the last place, so
    scaled by a power of two they are integers below ``2**(53 + _MAX_SPAN)``; each is cut
    into a high and a low part of at most 31 bits, and the parts are summed per group in
    float64, exactly (the sums stay below ``2**53``). ``high * 2**31 + low`` is then one
    rounding of the exact sum: the correctly rounded result, as ``fsum`` returns it.
    """

    def __init__(self, values: np.ndarray) -> None:
        self.values = values
        self.scale: int | None = None
        positive = values[values > 0]
        if len(positive) and np.minimum.reduce(values) >= 0:
            _, low = math.frexp(float(np.minimum.reduce(positive)))
            _, high = math.frexp(float(np.maximum.reduce(positive)))
            if low > -1000 and high - low <= _MAX_SPAN:
                self.scale = 53 - int(low)  # the smallest value's last place is 2**(low - 53)
                whole = np.ldexp(values, self.scale).astype(np.int64)
                self.upper = (whole >> _SPLIT).astype(np.float64)
                self.lower = (whole & ((1 << _SPLIT) - 1)).astype(np.float64)

    def sums(self, chosen: np.ndarray, groups: np.ndarray, count: int) -> np.ndarray:
        """``[math.fsum(values[chosen[groups == g]]) for g in range(count)]``."""
        if self.scale is None or len(chosen) >= 2 ** (53 - _SPLIT):
            return _fsums(self.values[chosen], groups, count)
        upper = np.bincount(groups, self.upper[chosen], count)
        lower = np.bincount(groups, self.lower[chosen], count)
        return np.ldexp(np.ldexp(upper, _SPLIT) + lower, -self.scale)


def exact_sums(values: np.ndarray, groups: np.ndarray, count: int) -> np.ndarray:
    """``[math.fsum(values[groups == g]) for g in range(count)]`` (:class:`ExactSums`)."""
    return ExactSums(values).sums(np.arange(len(values)), groups, count)


def _fsums(values: np.ndarray, groups: np.ndarray, count: int) -> np.ndarray:
    order = np.argsort(groups, kind="stable")
    ends = np.searchsorted(groups[order], np.arange(count + 1)).tolist()
    ordered = values[order].tolist()
    return np.array([math.fsum(ordered[a:b]) for a, b in zip(ends, ends[1:])], dtype=np.float64)


def numbers_of(stems: Iterable[str]) -> np.ndarray:
    """The numbers of ``stems`` (numbering those never met)."""
    return np.fromiter(map(VOCABULARY.__getitem__, stems), dtype=np.int64)

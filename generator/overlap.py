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
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
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

    def __missing__(self, stem: str) -> int:
        number = self[stem] = len(self.stems)
        self.stems.append(stem)
        return number

    def rarities(self, numbers: np.ndarray) -> np.ndarray:
        """``wording.rarity`` of the stems numbered ``numbers``."""
        known = len(self._rarities)
        if known < len(self.stems):
            fresh = np.array([rarity(stem) for stem in self.stems[known:]], dtype=np.float64)
            self._rarities = np.concatenate((self._rarities, fresh))
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
        stems = np.fromiter(map(VOCABULARY.__getitem__, chain.from_iterable(stem_sets)), dtype=np.int64)
        return cls(stems, np.fromiter(map(len, stem_sets), dtype=np.int64, count=len(stem_sets)))


class Postings:
    """The stems of a topic's sentences (``n`` of them), renumbered ``0 .. len(stems) - 1``
    for the topic: ``unit[p]`` is the sentence and ``stem[p]`` the local stem of posting ``p``."""

    def __init__(self, blocks: Sequence[Numbered]) -> None:
        self.sizes = np.concatenate([b.sizes for b in blocks]) if blocks else np.zeros(0, np.int64)
        self.n = len(self.sizes)
        self.starts = np.cumsum(self.sizes) - self.sizes
        numbers = np.concatenate([b.stems for b in blocks]) if blocks else np.zeros(0, np.int64)
        self.stems, self.stem = np.unique(numbers, return_inverse=True)
        """the topic's stem numbers, sorted; each posting's index into them"""
        self.stem = self.stem.reshape(-1)
        self.unit = np.repeat(np.arange(self.n), self.sizes)

    def spread(self, article: np.ndarray) -> np.ndarray:
        """For each stem, in how many articles it is (``article``: each sentence's article number)."""
        count = len(self.stems)
        if not count:
            return np.zeros(0, np.int64)
        articles = int(article.max()) + 1
        distinct = np.unique(self.stem * articles + article[self.unit])
        return np.bincount(distinct // articles, minlength=count)

    def pairs_sharing(self, rare_limit: int, least: int) -> tuple[np.ndarray, np.ndarray]:
        """Pairs ``i < j`` of sentences (sorted) sharing at least ``least`` rare stems (stems in
        2 to ``rare_limit`` sentences): every pair of each rare stem's sentences (the stems
        with one number of sentences at once), then how often each pair occurs."""
        per_stem = np.bincount(self.stem, minlength=len(self.stems))
        by_stem = self.unit[np.argsort(self.stem, kind="stable")]  # each stem's sentences, ascending
        first = np.cumsum(per_stem) - per_stem
        codes = []
        for size in np.unique(per_stem[(per_stem > 1) & (per_stem <= rare_limit)]).tolist():
            table = by_stem[first[per_stem == size][:, None] + np.arange(size)]
            a, b = _pair_positions(size)
            codes.append((table[:, a] * self.n + table[:, b]).ravel())
        if not codes:
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        pairs, shared = np.unique(np.concatenate(codes), return_counts=True)
        pairs = pairs[shared >= least]
        return pairs // self.n, pairs % self.n

    def common(self, i: np.ndarray, j: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For each pair ``(i[k], j[k])``: the pair's number ``k`` and the local stem, once
        per stem both sentences have (each stem of ``i[k]`` looked up among ``j[k]``'s)."""
        sizes = self.sizes[i]
        pair = np.repeat(np.arange(len(i)), sizes)
        within = np.arange(len(pair)) - np.repeat(np.cumsum(sizes) - sizes, sizes)
        stem = self.stem[self.starts[i][pair] + within]
        count = len(self.stems)
        keys = np.sort(self.unit * count + self.stem)
        wanted = j[pair] * count + stem
        found = keys[np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)] == wanted
        return pair[found], stem[found]


@lru_cache(maxsize=None)
def _pair_positions(size: int) -> tuple[np.ndarray, np.ndarray]:
    """Positions ``a < b`` of every pair among ``size`` items."""
    return np.triu_indices(size, k=1)


_SPLIT = 31
_MAX_SPAN = 8
"""Binary orders of magnitude between the smallest and largest value :func:`exact_sums`
adds with integers (weights here span 0.05 to 10: four); wider spans use ``math.fsum``."""


def exact_sums(values: np.ndarray, groups: np.ndarray, count: int) -> np.ndarray:
    """``[math.fsum(values[groups == g]) for g in range(count)]``: each group's exact sum,
    correctly rounded, for non-negative ``values``.

    Every value is an integer multiple of the smallest one's unit in the last place, so
    scaled by a power of two they are integers below ``2**(53 + _MAX_SPAN)``; each is cut
    into a high and a low part of at most 31 bits, and the parts are summed per group in
    float64, exactly (the sums stay below ``2**53``). ``high * 2**31 + low`` is then one
    rounding of the exact sum, the correctly rounded result, as ``fsum`` returns.
    """
    out = np.zeros(count)
    positive = values[values > 0]
    if not len(positive):
        return out
    _, low = np.frexp(positive.min())
    _, high = np.frexp(positive.max())
    if values.min() < 0 or low < -1000 or high - low > _MAX_SPAN or len(values) >= 2 ** (53 - _SPLIT):
        return _fsums(values, groups, count)
    scale = 53 - int(low)  # the smallest value's last place is 2**(low - 53)
    whole = np.ldexp(values, scale).astype(np.int64)
    upper = np.bincount(groups, (whole >> _SPLIT).astype(np.float64), count)
    lower = np.bincount(groups, (whole & ((1 << _SPLIT) - 1)).astype(np.float64), count)
    return np.ldexp(np.ldexp(upper, _SPLIT) + lower, -scale)


def _fsums(values: np.ndarray, groups: np.ndarray, count: int) -> np.ndarray:
    order = np.argsort(groups, kind="stable")
    ends = np.searchsorted(groups[order], np.arange(count + 1)).tolist()
    ordered = values[order].tolist()
    return np.array([math.fsum(ordered[a:b]) for a, b in zip(ends, ends[1:])], dtype=np.float64)


def numbers_of(stems: Iterable[str]) -> np.ndarray:
    """The numbers of those of ``stems`` that have one (a stem never met is in no sentence)."""
    return np.array([VOCABULARY[s] for s in stems if s in VOCABULARY], dtype=np.int64)

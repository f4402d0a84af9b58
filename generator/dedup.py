"""Duplicate and near-duplicate articles (syndicated copies), found with MinHash LSH.

Each article is reduced to a MinHash signature of its word 5-gram shingles;
locality-sensitive hashing proposes candidate pairs in about linear time, and
only those pairs are compared exactly (Jaccard similarity of the shingle
sets). A copy is attached to its original: the earliest article, then the
longest, then the smallest id.
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from functools import lru_cache
from typing import Mapping


SHINGLE = 5
NUM_PERM = 64
BANDS, ROWS = 9, 7
"""LSH banding of the 64 values: what datasketch's ``MinHashLSH`` chooses for a 0.68
threshold (0.8 x 0.85) with 64 permutations. Two articles are candidates when all 7
values of any one band agree."""
THRESHOLD = 0.8
"""Jaccard similarity of shingle sets above which two articles are copies."""

_WORD = re.compile(r"\w+")
_ASCII_WORD_BYTES = b"0123456789_abcdefghijklmnopqrstuvwxyz"
_ASCII_WORDS = bytes(
    byte if byte in _ASCII_WORD_BYTES else byte + 32 if 65 <= byte <= 90 else 32 for byte in range(256)
)
"""A translation of ASCII text after which ``split()`` gives the lower-cased ``\\w+`` words: on ASCII,
``\\w`` is ``[A-Za-z0-9_]``; capitals become small letters and every other character a space."""
_TYPOGRAPHY = re.compile("[‘’‚‛“”„‟–—―…•·−₹€£¥°©®™«»‹›′″\ufffd]")
"""Non-ASCII punctuation and signs of news copy (curly quotes, dashes, bullets, currencies): none is a
word character, so made spaces they leave the words as they are, and most texts ASCII."""


MAX_WORDS = 400
"""Copies are alike all through: the first words are enough to find them."""


def shingles(text: str, size: int = SHINGLE, limit: int | None = MAX_WORDS) -> set[str]:
    words = _WORD.findall(text.lower())[:limit]
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


_HEAD = 8 * MAX_WORDS
"""Characters read first for the first :data:`MAX_WORDS` words: room for some eight characters
a word (prose averages about six); a text with fewer words there is read whole."""


def _first_words(text: str, limit: int = MAX_WORDS) -> list[bytes]:
    """The first ``limit`` words of ``text``, lower-cased and UTF-8 encoded: the words of
    :func:`shingles`. ASCII text, the usual case once its typography is made spaces, is split
    as bytes (on ASCII, ``\\w`` is the same either way), and only its head is read when that holds
    more than ``limit`` words: the ``limit``-th word then ends inside the head, and no later
    character can change it."""
    head = text[:_HEAD]
    if not head.isascii():
        head = _TYPOGRAPHY.sub(" ", head)
    if head.isascii():
        words = head.encode("ascii").translate(_ASCII_WORDS).split()
        if len(words) > limit or len(text) <= _HEAD:  # the head is the whole text
            return words[:limit]
    low = _TYPOGRAPHY.sub(" ", text.lower())
    if low.isascii():
        return low.encode("ascii").translate(_ASCII_WORDS).split()[:limit]
    return [word.encode() for word in _WORD.findall(low)[:limit]]


@lru_cache(maxsize=1)
def _permutations() -> tuple["np.ndarray", "np.ndarray"]:
    """The 64 affine permutations ``h -> a*h + b (mod 2**32)`` of datasketch's ``MinHash(seed=1,
    scheme="affine32")``: drawn the same way from the same seed, so the values are the same."""
    import numpy as np

    gen = np.random.RandomState(1)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def _item_hashes(text: str, size: int = SHINGLE) -> "np.ndarray":
    """CRC-32 of each of the text's shingles (UTF-8 encoded), as ``uint32``. A shingle that
    occurs twice is hashed twice: the minimum over the items does not change, and making
    them a set first would cost more than the few repeated hashes."""
    import numpy as np

    words = _first_words(text)
    if len(words) < size:
        return np.array([zlib.crc32(b" ".join(words))] if words else [], dtype=np.uint32)
    shingled = map(b" ".join, zip(*(words[i:] for i in range(size))))
    return np.fromiter(map(zlib.crc32, shingled), dtype=np.uint32, count=len(words) - size + 1)


def _minhash(hv: "np.ndarray") -> tuple[int, ...]:
    """MinHash of items whose CRC-32 hashes are ``hv``: datasketch 2.0's "affine32" scheme.

    Importing datasketch loads its LSH module and with it scipy.integrate,
    about 0.3 s: more than the rest of analysing one article. The arithmetic
    is these few lines; ``tests/test_dedup.py`` checks them against
    datasketch's own ``MinHash`` value for value.
    """
    import numpy as np

    if not len(hv):
        return (0xFFFFFFFF,) * NUM_PERM
    a, b = _permutations()
    hv = hv ^ (hv >> np.uint32(16))  # MurmurHash3's 32-bit finalizer (datasketch's one-shot pre-mix)
    hv *= np.uint32(0x85EBCA6B)
    hv ^= hv >> np.uint32(13)
    hv *= np.uint32(0xC2B2AE35)
    hv ^= hv >> np.uint32(16)
    permuted = np.multiply.outer(a, hv)  # one row per permutation: each row's minimum is one value
    permuted += b[:, None]
    return tuple(permuted.min(axis=1).tolist())


def signature(text: str) -> tuple[int, ...]:
    """The article's MinHash signature: per article, so it is computed with the analysis
    (in parallel) and cached with it; the corpus only compares signatures."""
    return _minhash(_item_hashes(text))


class Verdicts:
    """Whether two texts are copies, by a pair of their content hashes: a pure function of
    the two texts, so it is kept between runs (``cache.CopyMemo``) and a rerun compares only
    the candidate pairs it has not met. :attr:`used` is what this run looked up or found."""

    def __init__(self, known: Mapping[str, bool] | None = None) -> None:
        self.known = dict(known or {})
        self.used: dict[str, bool] = {}

    @staticmethod
    def key(first: str, second: str) -> str:
        return f"{min(first, second)}:{max(first, second)}"

    def get(self, key: str) -> bool | None:
        found = self.known.get(key)
        if found is not None:
            self.used[key] = found
        return found

    def put(self, key: str, same: bool) -> None:
        self.known[key] = self.used[key] = same


def find_copies(
    texts: Mapping[str, str], rank: Mapping[str, tuple], signatures: Mapping[str, tuple[int, ...]] | None = None,
    verdicts: Verdicts | None = None, hashes: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """Map each copy's key to its original's key.

    ``texts`` maps article keys to their text; ``rank`` gives a sort key per
    article (smaller = preferred original); ``signatures`` are the articles'
    :func:`signature` where already known. Shingles are only computed for the
    candidate pairs that LSH proposes, and with ``verdicts`` (and ``hashes``,
    each article's content hash) only for pairs not met before; a text is
    only read (``texts[key]``) when its shingles or signature are needed.
    """
    known = signatures or {}
    buckets: dict[tuple[int, tuple[int, ...]], list[str]] = defaultdict(list)
    bands_of: dict[str, list[tuple[int, tuple[int, ...]]]] = {}
    for key in sorted(texts):
        values = known.get(key) or signature(texts[key])
        bands_of[key] = [(b, tuple(values[b * ROWS : (b + 1) * ROWS])) for b in range(BANDS)]
        for band in bands_of[key]:
            buckets[band].append(key)
    shingle_sets: dict[str, set[str]] = {}

    def shingles_of(key: str) -> set[str]:
        if key not in shingle_sets:
            shingle_sets[key] = shingles(texts[key])
        return shingle_sets[key]
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while key in parent:
            key = parent[key]
        return key

    for key in sorted(texts, key=lambda k: rank[k]):
        bands = [buckets[band] for band in bands_of[key] if len(buckets[band]) > 1]
        for other in sorted({o for bucket in bands for o in bucket}):
            if other == key:
                continue
            pair = Verdicts.key(hashes[key], hashes[other]) if verdicts is not None and hashes is not None else ""
            same = verdicts.get(pair) if pair and verdicts is not None else None
            if same is None:
                same = _alike(shingles_of(key), shingles_of(other))
                if pair and verdicts is not None:
                    verdicts.put(pair, same)
            if not same:
                continue
            ra, rb = root(key), root(other)
            if ra == rb:
                continue
            first, second = sorted((ra, rb), key=lambda k: rank[k])
            parent[second] = first
    return {key: root(key) for key in parent}


def _alike(a: set[str], b: set[str]) -> bool:
    """Two shingle sets of copies: Jaccard similarity at least :data:`THRESHOLD`."""
    return bool(a and b) and len(a & b) / len(a | b) >= THRESHOLD


def similarity(a: str, b: str) -> float:
    """Exact Jaccard similarity of two texts' shingle sets (for tests and reports)."""
    sa, sb = shingles(a, limit=None), shingles(b, limit=None)
    return len(sa & sb) / len(sa | sb) if sa | sb else 1.0


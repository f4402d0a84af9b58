"""Copies of the same article are found; our MinHash is datasketch's, value for value."""

from __future__ import annotations

import re
import zlib
from pathlib import Path

from datasketch import MinHash
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.dedup import NUM_PERM, Verdicts, find_copies, shingles, signature
from generator.readers import read_folder

WORDS = st.text(alphabet="abcdefghij", min_size=1, max_size=6)
TEXTS = st.lists(WORDS, min_size=0, max_size=60).map(" ".join)


def reference(text: str) -> tuple[int, ...]:
    """datasketch's MinHash with the parameters ``dedup`` promises to reproduce."""
    minhash = MinHash(num_perm=NUM_PERM, seed=1, hashfunc=zlib.crc32, scheme="affine32")
    items = shingles(text)
    if items:
        minhash.update_batch([s.encode("utf-8") for s in items])
    return tuple(int(v) for v in minhash.hashvalues)


@settings(max_examples=60, deadline=None)
@given(TEXTS)
def test_signature_is_datasketch_minhash(text: str) -> None:
    assert signature(text) == reference(text)


def test_signature_of_a_real_article_is_datasketch_minhash(seeds_dir: Path) -> None:
    articles, _ = read_folder(seeds_dir)
    assert articles
    for article in articles:
        assert signature(article.text) == reference(article.text)
        assert len(signature(article.text)) == NUM_PERM


ARTICLE = (
    "The finance ministers of the group met in Geneva on Tuesday to discuss the rules for "
    "digital trade, and agreed to publish a draft text before the end of the year after "
    "three days of talks that delegates described as difficult but useful for everyone. "
) * 3


def test_a_near_copy_is_folded_into_the_earlier_article() -> None:
    copy = ARTICLE.replace("Tuesday", "Wednesday", 1)
    other = "A storm closed the port of Rotterdam for two days, and shipping companies rerouted cargo. " * 4
    texts = {"a": ARTICLE, "b": copy, "c": other}
    rank = {"a": (2,), "b": (1,), "c": (3,)}  # b is the earlier one
    assert find_copies(texts, rank, {k: signature(v) for k, v in texts.items()}) == {"a": "b"}


def test_different_articles_are_not_copies() -> None:
    texts = {"a": ARTICLE, "b": ARTICLE.replace("Geneva", "Nairobi").replace("digital trade", "fisheries subsidies")
             .replace("three days", "a week").replace("difficult", "tense")}
    assert find_copies(texts, {"a": (1,), "b": (2,)}) == {}


def test_remembered_verdicts_give_the_same_copies_and_skip_the_comparison() -> None:
    copy = ARTICLE.replace("Tuesday", "Wednesday", 1)
    other = "A storm closed the port of Rotterdam for two days, and shipping companies rerouted cargo. " * 4
    texts = {"a": ARTICLE, "b": copy, "c": other, "d": ARTICLE.replace("Geneva", "Bern", 1)}
    rank = {"a": (2,), "b": (1,), "c": (3,), "d": (4,)}
    signatures = {k: signature(v) for k, v in texts.items()}
    hashes = {k: f"hash-{k}" for k in texts}
    first = Verdicts()
    expected = find_copies(texts, rank, signatures)
    assert find_copies(texts, rank, signatures, first, hashes) == expected == {"a": "b", "d": "b"}
    assert first.used[Verdicts.key("hash-a", "hash-b")] is True

    class Unreadable(dict):
        def __getitem__(self, key: str) -> str:
            raise AssertionError(f"text of {key} read although every pair was remembered")

    second = Verdicts(first.used)
    assert find_copies(Unreadable(texts), rank, signatures, second, hashes) == expected
    assert second.used == first.used

    # a verdict is trusted as it is stored: flipping one changes the answer (the memo is keyed by content)
    flipped = Verdicts({**first.used, Verdicts.key("hash-a", "hash-b"): False, Verdicts.key("hash-a", "hash-d"): False})
    assert find_copies(texts, rank, signatures, flipped, hashes) == {"d": "b"}


LONG_WORDS = st.text(alphabet="abcK_19", min_size=1, max_size=12)
SEPARATORS = st.sampled_from([" ", " ", ", ", ". ", "  ", "'", "-", "\n\n"])
TAILS = st.sampled_from(["", "é", "İ", "Σ", "ΣΑ ", "\u212a", "ß", "x" * 40, "déjà vu "])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(LONG_WORDS, SEPARATORS), min_size=300, max_size=700), TAILS, st.integers(0, 10_000))
def test_signature_of_a_long_text_reads_the_same_first_words(words, tail, at: int) -> None:
    """Past MAX_WORDS words only the head of an ASCII text is read: non-ASCII text anywhere,
    or a head with too few words, must not change the signature."""
    text = "".join(w + s for w, s in words)
    at = min(at, len(text))
    text = text[:at] + tail + text[at:]
    assert signature(text) == reference(text)


def test_typography_made_spaces_is_never_part_of_a_word() -> None:
    from generator.dedup import _TYPOGRAPHY

    characters = _TYPOGRAPHY.pattern.strip("[]")
    assert characters and not any(re.fullmatch(r"\w", ch) for ch in characters)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(["the", "Minister", "’s", "“Yes,”", "–", "—", "…", "•", "₹5", "café", "İstanbul",
                                 "ΟΔΟΣ", "x" * 20, "don’t", "a", "\n\n", "  "]), max_size=700).map(" ".join))
def test_signature_of_news_typography_is_datasketch_minhash(text: str) -> None:
    assert signature(text) == reference(text)

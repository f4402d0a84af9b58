"""Word stems for comparing sentences: lower-case, stop words out, light suffix stripping.

Deliberately small (no model, no data download): it only has to make
"expedite"/"expedited"/"expediting" and "delivery"/"deliveries" meet.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from . import english


STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from further
    had has have having he her here hers herself him himself his how i if in into is it its itself
    just me more most my myself no nor not now of off on once only or other our ours ourselves out
    over own same she should so some such than that the their theirs them themselves then there these
    they this those through to too under until up very was we were what when where which while who
    whom why will with would you your yours yourself yourselves said says say told according
    mr mrs ms year years day days week weeks month months time today yesterday tomorrow monday tuesday
    wednesday thursday friday saturday sunday new one two three first last""".split()
)
_TOKEN = re.compile(r"[a-z0-9][a-z0-9\-]*[a-z0-9]|[a-z0-9]")
_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ers", "er", "ed", "es", "ly", "s", "e", "y")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    word = word.removesuffix("'s").removesuffix("’s")
    if any(ch.isdigit() for ch in word) or "-" in word:
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def content_stems(text: str) -> frozenset[str]:
    """Stems of the content words of ``text``: of its :func:`tokens`, taken here as the
    pieces of :func:`_lowered_bytes` (hyphens at either end stripped when a piece is first met)."""
    return frozenset(filter(None, map(_content_stem, _lowered_bytes(text).split())))


def stems_and_countable(text: str) -> tuple[frozenset[str], bool]:
    """``content_stems(text)`` and whether the text may give a quantity (:func:`quantities`
    gives none otherwise), from one pass over its bytes: a digest reads both of every sentence."""
    data = _lowered_bytes(text)
    pieces = data.split()
    return frozenset(filter(None, map(_content_stem, pieces))), _may_count(text, data, pieces)


def _lowered_bytes(text: str) -> bytes:
    """``text`` lower-cased as UTF-8 bytes in which every byte no token has is a space
    (ASCII text lower-cased by the same ``bytes.translate``)."""
    lowered = text if text.isascii() else text.lower()
    return lowered.encode("utf-8", "surrogatepass").translate(_LOWER_TOKEN_BYTES)


_TOKEN_BYTES = bytes(b if chr(b) in "abcdefghijklmnopqrstuvwxyz0123456789-" else 32 for b in range(256))
"""A ``bytes.translate`` table: what may be in a token stays, anything else becomes a space."""
_LOWER_TOKEN_BYTES = bytes(b + 32 if 65 <= b <= 90 else _TOKEN_BYTES[b] for b in range(256))
"""``_TOKEN_BYTES`` that also lower-cases ASCII capitals (``str.lower`` for ASCII text)."""


def tokens(text: str) -> list[str]:
    """``_TOKEN.findall(text.lower())``: the runs of letters, digits and hyphens, without the
    hyphens at either end, found without the regular expression (a third less time): the
    characters no token has become spaces, the text is split at them and hyphens stripped.
    Token characters are all ASCII and UTF-8 writes any other character as bytes above 127
    only, so this holds for any text."""
    pieces = text.lower().encode("utf-8", "surrogatepass").translate(_TOKEN_BYTES).decode().split()
    if "-" in text:
        return [piece for piece in (p.strip("-") for p in pieces) if piece]
    return pieces


class _ContentStems(dict):
    """A piece of lower-case text (UTF-8 bytes of letters, digits and hyphens) -> the stem of
    its token as a content word, or None for a stop word, a single character or hyphens alone:
    remembered (a plain dictionary look-up, a third of ``lru_cache``'s), and emptied
    whenever it holds :data:`_MAX_REMEMBERED` pieces so that it stays bounded."""

    def __missing__(self, piece: bytes) -> str | None:
        if len(self) >= _MAX_REMEMBERED:
            self.clear()
        word = piece.decode().strip("-")
        found = self[piece] = None if word in STOP_WORDS or len(word) < 2 else stem(word)
        return found


_MAX_REMEMBERED = 200_000
_content_stem = _ContentStems().__getitem__


COMMON_ZIPF = 6.0
"""Words this frequent in English ("said", "also") appear in nearly every article: weight ~0."""
MAX_RARITY = 10.0
_LN10 = math.log(10)


@lru_cache(maxsize=200_000)
def rarity(stem_: str) -> float:
    """How much sharing this stem says: about ``ln(1 / document frequency)`` in news.

    Taken from the English word frequencies of ``wordfreq`` (its commonest
    surface form among the words this stem comes from), so the weight of a
    word never depends on which other articles are in the corpus: a digest
    is a function of its own articles and can be kept between runs.
    A word unknown to English (a name, a code) gets the highest weight.
    The list is read on first use (:mod:`generator.english`): a rerun that
    rebuilds no digest never reads it.
    """
    if stem_.isascii() and stem_.isalpha():
        # Of the forms, only those in the word list count: any other word of letters has
        # Zipf 0 (the floor); and a word's Zipf rises with its frequency, so the commonest
        # form's is the highest (tests/test_english.py). Looked up directly, one ``zipf``.
        known = english.frequencies()
        forms = [form for form in (stem_, *(stem_ + suffix for suffix in _SUFFIXES)) if form in known]
        zipf = english.zipf(max(forms, key=known.__getitem__)) if forms else 0.0
    else:
        zipf = max(english.zipf(form) for form in ([stem_, *(stem_ + suffix for suffix in _SUFFIXES)]
                                                    if stem_.isalpha() else [stem_]))
    if zipf <= 0:
        return MAX_RARITY
    return min(MAX_RARITY, max(0.1, (COMMON_ZIPF - zipf) * _LN10))


_NUMBER_WORDS = "one two three four five six seven eight nine ten eleven twelve dozen hundred thousand million".split()
_QUANTITY = re.compile(
    rf"\b(\d[\d,.]*|{'|'.join(_NUMBER_WORDS)})\s+(?:[a-z-]+\s+)?([a-z]+s)\b", re.IGNORECASE
)
_NUMBER_STARTS = [rf"{digit}[\d,.]*" for digit in "0123456789"] + _NUMBER_WORDS
_QUANTITY_LOWER = re.compile(rf"({'|'.join(_NUMBER_STARTS)})\s+(?:[a-z-]+\s+)?([a-z]+s)\b")
"""``_QUANTITY`` for lower-case ASCII text, without the leading ``\b`` and with every
alternative opening with a literal: the regex engine then skips ahead to the characters
a number can begin with instead of trying the pattern at every position."""


_LETTERS_HYPHEN_AND_SPACE = b"abcdefghijklmnopqrstuvwxyz- "
_NUMBER_WORD_BYTES = frozenset(word.encode() for word in _NUMBER_WORDS)
_DIGIT = re.compile(r"\d")
_FOLDING_TO_ASCII = "\u0130\u0131\u017f\u212a"
"""The characters other than ASCII letters that ``[a-z]`` matches with ``re.IGNORECASE``
(İ, ı, ſ and the Kelvin sign): with one of them a number word may be spelt differently."""


def quantities(text: str) -> frozenset[tuple[str, str]]:
    """The numbers a sentence gives with the plural noun they count ("two squadrons",
    "1,200 troops"), lower-case: the matches of ``_QUANTITY``.

    Four sentences in five give none, and :func:`_may_count` tells most of them by
    their words, without the pattern."""
    data = _lowered_bytes(text)
    return matched_quantities(text) if _may_count(text, data, data.split()) else frozenset()


def matched_quantities(text: str) -> frozenset[tuple[str, str]]:
    """:func:`quantities` by the pattern alone. ASCII text is matched lower-cased with
    ``_QUANTITY_LOWER``, its ``\b`` checked here: a third of the time."""
    if not text.isascii():
        return frozenset((a.lower(), b.lower()) for a, b in _QUANTITY.findall(text))
    low = text.lower()
    found = set()
    pos = 0
    while (match := _QUANTITY_LOWER.search(low, pos)) is not None:
        start = match.start()
        if start and (low[start - 1].isalnum() or low[start - 1] == "_"):
            pos = start + 1  # no word boundary before it: ``_QUANTITY`` looks further on
            continue
        found.add(match.groups())
        pos = match.end()
    return frozenset(found)


def _may_count(text: str, data: bytes, pieces: list[bytes]) -> bool:
    """False if ``_QUANTITY`` cannot match ``text`` (``data``: its :func:`_lowered_bytes`,
    ``pieces``: their pieces). A match begins at a word boundary with a digit or a number
    word followed by white space, so the number word is a whole run of ASCII letters and
    digits of the lower-cased text (a piece, or a part of one between hyphens); a digit
    is one the text has."""
    if data.translate(None, _LETTERS_HYPHEN_AND_SPACE) or not _NUMBER_WORD_BYTES.isdisjoint(pieces):
        return True
    if b"-" in data and not _NUMBER_WORD_BYTES.isdisjoint(data.replace(b"-", b" ").split()):
        return True
    return not text.isascii() and (_DIGIT.search(text) is not None or any(c in text for c in _FOLDING_TO_ASCII))


_IN = re.compile(r"in\s+(the\s+)?")
_AT = re.compile(r"at\s+(the\s+)?")
r"""``\b(?:in|at)\s+(the\s+)?`` as two patterns opening with a literal, without the ``\b``
(checked in :func:`_word_matches`): the regex engine finds a literal prefix with a fast
search, where it tries an alternation at every "i" and "a"; a third of the time."""


def in_at(text: str) -> list[tuple[int, tuple[int, ...]]]:
    """Where ``text`` says "in" or "at" (a word, then white space): each one's start and
    where a name after it may start: after "the" if that comes next, and right after.
    (A match of one word never overlaps one of the other, so the two are merged by start.)"""
    found = _word_matches(_IN, text) + _word_matches(_AT, text)
    found.sort()
    return found


def _word_matches(pattern: re.Pattern[str], text: str) -> list[tuple[int, tuple[int, ...]]]:
    """The matches of ``pattern`` that begin a word, each searched from where the last one ended."""
    found = []
    pos = 0
    search = pattern.search
    while (match := search(text, pos)) is not None:
        start = match.start()
        if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
            pos = start + 1  # inside a word ("within"): look on from the next character
            continue
        end, the = match.end(), match.start(1)
        found.append((start, (end, the) if the >= 0 else (end,)))
        pos = end
    return found


def mass(stems: frozenset[str] | set[str]) -> float:
    """Summed rarity of ``stems``; exact (``fsum``), so it never depends on set order."""
    return math.fsum(map(rarity, stems))


def excerpt(text: str, phrase: str, limit: int = 200) -> str:
    """``text`` cut to about ``limit`` characters around ``phrase``, at word boundaries,
    with an ellipsis where it was cut: one sentence that dates two events gives two
    different excerpts."""
    if len(text) <= limit:
        return text
    at = text.find(phrase) if phrase else -1
    if at < 0:
        cut = text.rfind(" ", 0, limit - 1)
        return text[: cut if cut > 0 else limit - 1].rstrip(",;:") + "…"
    start = max(0, at - (limit - len(phrase)) // 2)
    end = min(len(text), start + limit)
    start = max(0, end - limit)
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < at else start
    if end < len(text):
        space = text.rfind(" ", at + len(phrase), end)
        end = space if space > 0 else end
    return ("…" if start > 0 else "") + text[start:end].strip(" ,;:") + ("…" if end < len(text) else "")


def shorten(text: str, limit: int = 200) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit - 1)
    return text[: cut if cut > 0 else limit - 1].rstrip(",;:") + "…"

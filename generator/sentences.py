"""Sentence splitting for news prose.

A sentence ends at ``.``, ``!`` or ``?`` (optionally followed by closing
quotes or brackets) before white space and a capital letter, digit or opening
quote, unless the word before the full stop is a known abbreviation
(``Mr.``, ``Dec.``, ``U.S.``) or a single initial. Good enough for wire copy
and fast: one regular-expression pass per paragraph.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache
from typing import NamedTuple

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt cmdr adm sgt rep sen gov pres st mt ft jr sr
    no nos vs etc inc ltd corp co bros dept est approx fig al
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)

_BOUNDARY = re.compile(r"""[.!?][.!?]*(["'”’)\]]*)(\s+)(?=["'“‘(\[]?[A-Z0-9\u00C0-\u024F\u0400-\u04FF])""")
"""The end marks, closing quotes or brackets (group 1) and white space (group 2) between two sentences.
(``[.!?][.!?]*``, not ``[.!?]+``: a pattern that starts with one plain character set is searched faster.)"""
MAX_SENTENCE = 2000
"""Longer runs without punctuation are cut at a space so that no stage sees an unbounded sentence
(or inside a word, if there is no space in the second half of the piece)."""


class Sentence(NamedTuple):
    """One sentence of a body (a named tuple: an article has dozens, made by one comprehension)."""

    text: str
    paragraph: int
    index: int
    """Position of the sentence within its paragraph."""


_LETTERS_DOTS = string.ascii_letters + "."
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?")


def is_abbreviation(before: str) -> bool:
    return _abbreviation_ends(before, 0, len(before))


def _abbreviation_ends(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ends with an abbreviation (its last word: the letters and dots
    at its end, from the first letter), looking at no more of the text than that word."""
    window = text[max(start, end - 64) : end]
    head = window.rstrip(_LETTERS_DOTS)
    if not head and end - 64 > start:
        window = text[start:end]  # the last word may begin before the window: look at all of it
        head = window.rstrip(_LETTERS_DOTS)
    token = window[len(head) :].lstrip(".")
    if not token:
        return False
    if len(token) == 1 and token.isupper():
        return True  # an initial: "John F. Kennedy"
    if _INITIALS.fullmatch(token + "."):
        return True  # U.S. / U.N.
    return token.lower().rstrip(".") in ABBREVIATIONS


def split(paragraph: str) -> list[str]:
    """Split one paragraph into sentences (whitespace already normalised)."""
    return list(_split(paragraph))


@lru_cache(maxsize=4096)
def _split(paragraph: str) -> tuple[str, ...]:
    """:func:`split`, remembered: every stage of one article splits the same paragraphs."""
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        end = match.end(1)
        stop = match.start()
        if match.start(1) == stop + 1 and paragraph[stop] == "." and _abbreviation_ends(paragraph, start, stop):
            continue
        piece = paragraph[start:end].strip()
        if piece:
            sentences.append(piece)
        start = match.end()
    tail = paragraph[start:].strip()
    if tail:
        sentences.append(tail)
    if len(paragraph) <= MAX_SENTENCE:
        return tuple(sentences)
    out: list[str] = []
    for sentence in sentences:
        while len(sentence) > MAX_SENTENCE:
            cut = sentence.rfind(" ", 0, MAX_SENTENCE)
            cut = cut if cut > MAX_SENTENCE // 2 else MAX_SENTENCE
            out.append(sentence[:cut].strip())
            sentence = sentence[cut:].strip()
        if sentence:
            out.append(sentence)
    return tuple(out)


def split_paragraphs(paragraphs: tuple[str, ...] | list[str]) -> list[Sentence]:
    """All sentences of a body, each knowing its paragraph."""
    return [
        _new(Sentence, (s, p, i))
        for p, paragraph in enumerate(paragraphs)
        for i, s in enumerate(_split(paragraph))
    ]


_new = tuple.__new__
"""Makes a named tuple from a tuple of its fields, without the Python-level ``__new__``."""

"""Named entities in one article: people, organisations, places, equipment, events.

:func:`extract` reads the article once: its sentences (a heading names nothing,
and a paragraph too long for the sentence splitter is read whole for its words),
the chunks of each (:mod:`generator.lexicon`) and the words it writes in lower
case. :mod:`generator.runs` finds and types the names of each sentence. A second
pass, here, resolves what needs the whole article: a bare surname is the full
name the article uses most, a one-word company its full name, an acronym the
name defined in parentheses before it or the one name whose initials it is, and
each organisation, place, event or model gets one spelling.
"""

from __future__ import annotations

import re
from itertools import chain
from operator import itemgetter

from .knowledge import Knowledge
from .lexicon import CORPORATE, Chunk, chunks, model_key, name_key  # noqa: F401 (name_key, model_key: for resolve.py)
from .models import EntityType, Mention
from .runs import Found, Runs
from .sentences import MAX_SENTENCE, split as split_sentences

_LOWER = itemgetter(Chunk._fields.index("lower"))
_new = tuple.__new__
"""Makes a named tuple from a tuple of its fields, without the Python-level ``__new__``."""


def is_heading(paragraph: str) -> bool:
    """A short title-cased line with no closing punctuation is a section heading."""
    if not paragraph or paragraph[-1] in ".!?\"”’:;,)":
        return False
    words = paragraph.split(None, 10)  # 11 pieces: more than 10 words
    if not words or len(words) > 10:
        return False
    caps = sum(1 for w in words if w[0].isupper() or w[0].isdigit())
    return caps * 3 >= len(words) * 2


def extract(paragraphs: tuple[str, ...], knowledge: Knowledge) -> tuple[Mention, ...]:
    """Every entity mention of one article, with in-article names resolved; sorted."""
    sentences: list[tuple[str, int, list[str], list[Chunk]]] = []
    read: list[Chunk] = []
    for index, paragraph in enumerate(paragraphs):
        heading, long = is_heading(paragraph), len(paragraph) > MAX_SENTENCE
        if heading or long:  # its lower-case words count, but a heading names nothing and a long
            read += chunks(paragraph.split(" "))  # paragraph's sentences may be cut inside a word
            if heading:
                continue
        for text in split_sentences(paragraph):
            parts = text.split(" ")
            sentences.append((text, index, parts, chunks(parts)))
            if not long:
                read += sentences[-1][3]
    runs = Runs(knowledge, frozenset(chain.from_iterable(map(_LOWER, read))))
    for sentence in sentences:
        runs.sentence(*sentence)
    return _resolve(runs.found, runs.acronyms, runs.companies)


def _resolve(found: list[Found], acronyms: dict[str, str], companies: set[str]) -> tuple[Mention, ...]:
    """The second pass: each name as the whole article resolves it (see the module's docstring).
    ``acronyms`` are those the article defines in parentheses, ``companies`` the names its words
    call a company (:class:`generator.runs.Runs`)."""
    people: dict[str, dict[str, int]] = {}
    models: dict[str, dict[str, None]] = {}
    variants: dict[tuple[str, str], dict[str, int]] = {}
    first_words: dict[str, str] = {}
    """A company's first word, lower-cased -> its full name ("toyota" -> "Toyota Motor Corp")."""
    for type_, _, name, _, kind in found:
        if type_ == "person":
            if kind == "full":
                counts = people.setdefault(name.split()[-1].lower(), {})
                counts[name] = counts.get(name, 0) + 1
        elif type_ == "equipment":
            models.setdefault(model_key(name), {})[name] = None
        elif type_ is not None:
            counts = variants.setdefault((type_, name_key(name)), {})
            counts[name] = counts.get(name, 0) + 1
            if type_ == "organisation" and " " in name and name.split()[-1].lower().rstrip(".") in CORPORATE:
                first_words[name.split()[0].lower()] = name
    best_model = {key: _only(names) or max(names, key=_model_order) for key, names in models.items()}
    best_variant = {key: _only(counts) or _best(counts) for key, counts in variants.items()}
    best_person = {key: _only(counts) or max(counts, key=counts.__getitem__) for key, counts in people.items()}
    """The most frequent full name per surname (the first seen on a tie, as ``Counter.most_common``)."""
    spelled: dict[str, tuple[EntityType, str]] | None = None  # made when first needed
    out: set[Mention] = set()
    for type_, surface, name, paragraph, kind in dict.fromkeys(found):
        if kind == "full":
            if type_ == "place" and surface.lower() in people:
                type_, name = "person", best_person[surface.lower()]
            elif type_ == "equipment":
                name = best_model[model_key(name)]
            elif type_ != "person" and type_ is not None:
                name = best_variant[(type_, name_key(name))]
        else:
            word = name.lower()
            if word in first_words and word not in people:
                type_, name = "organisation", first_words[word]
            elif word in people:
                type_, name = "person", best_person[word]
            elif name in acronyms:
                expansion = acronyms[name]
                typed = [g.type for g in found if g.name == expansion and g.type]
                type_, name = (typed[0] if typed else "organisation"), expansion
            elif name == name.upper() and name in (spelled := _spelled_out(found) if spelled is None else spelled):
                # (initials are upper-cased, and upper() changes them no more: other names need not make the table)
                type_, name = spelled[name]
            elif kind == "titled":
                type_ = "person"
            elif kind == "single" and type_ is None:
                continue
        if type_ in ("person", "place") and name in companies:
            type_ = "organisation"
        if type_ is not None and name:
            out.add(_new(Mention, (type_, surface, name, paragraph)))
    return tuple(sorted(out))  # a Mention is a tuple (type, surface, name, paragraph): its own order


_NOT_INITIALS = frozenset("of the and for on in & at to".split())
_INITIALLED = ("organisation", "event")
_SPACES_HYPHENS = re.compile(r"[\s-]+")


def _spelled_out(found: list[Found]) -> dict[str, tuple[EntityType, str]]:
    """Acronym -> the one organisation or event of the article whose initials it is
    ("ECB" for "European Central Bank", "IRIGC" for "India-Russia Inter-Governmental Commission")."""
    out: dict[str, set[tuple[EntityType, str]]] = {}
    for type_, name in dict.fromkeys((f.type, f.name) for f in found if f.kind == "full" and f.type in _INITIALLED):
        for words in (name.split(), _SPACES_HYPHENS.split(name) if "-" in name else ()):
            words = [w for w in words if w and w.lower() not in _NOT_INITIALS]
            if len(words) > 1:
                out.setdefault("".join(w[0] for w in words).upper(), set()).add((type_, name))
    return {acronym: next(iter(names)) for acronym, names in out.items() if len(names) == 1}


def _model_order(name: str) -> tuple[int, int, str]:
    return name.count(" "), len(name), name


def _only(names: dict[str, object]) -> str:
    """The one name when there is only one (most are), else ''."""
    return next(iter(names)) if len(names) == 1 else ""


def _best(counts: dict[str, int]) -> str:
    """Most frequent spelling, then the one with most capitals, then the longest, then alphabetical."""
    return min(counts, key=lambda n: (-counts[n], -sum(c.isupper() for c in n), -len(n), n))

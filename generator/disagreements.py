"""Disagreements: what the articles of a topic report differently.

* places: the same event or organisation placed in different places
  ("the BRICS summit in Kazan" / "in Moscow");
* names: one organisation or event written out with different words;
* numbers: the same fact with different quantities ("two squadrons" / "two units").
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterator, Mapping, Sequence

from .corpus import Corpus
from .facts import Statements, Unit
from .models import Citation, Claim, Disagreement, Document
from .wording import shorten

def numbers(groups: Sequence[Sequence[Unit]]) -> list[Disagreement]:
    found = []
    for group in groups:
        if sum(unit.countable for unit in group) < 2:
            continue  # fewer than two sentences may give a number: none is looked for
        quantities = [unit.quantities for unit in group]
        if sum(map(bool, quantities)) < 2:
            continue  # no two sentences with a number, so no two articles
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
                found.append(Disagreement(about=shorten(group[0].text, 120), claims=claims))
    return found


_LOWER = "abcdefghijklmnopqrstuvwxyz"


def _without_trailing_words(text: str) -> str:
    r"""``text`` without up to two last lower-case words and the white space before them
    (what ``re.sub(r"(?:\s+[a-z]+){0,2}$", "", text)`` leaves), with string methods."""
    for _ in range(2):
        word = text.rstrip(_LOWER)
        if len(word) == len(text) or not word[-1:].isspace():
            break
        text = word.rstrip()
    return text


def _placed(unit: Unit, forms: Mapping[str, Sequence[str]]) -> list[tuple[int, str]]:
    r"""Where the sentence says "in <form>", "at the <form>" (``forms`` by first character,
    longest first), as (offset of "in"/"at", form): the matches of ``\b(?:in|at)\s+(?:the\s+)?(form|...)\b``,
    without compiling that pattern for every topic's own places."""
    text = unit.text
    found = []
    pos = 0
    for start, places_at in unit.in_at:  # each "in"/"at"; after a match, only those past the place
        if start < pos:
            continue
        for at in places_at:
            for form in forms.get(text[at : at + 1], ()):
                if text.startswith(form, at) and _boundary(text, at + len(form)):
                    found.append((start, form))
                    pos = at + len(form)
                    break
            else:
                continue
            break  # found after "in the": not looked for right after "in" too
    return found


def _boundary(text: str, at: int) -> bool:
    """``\b`` at ``at``: a word character on one side only."""
    left = at > 0 and (text[at - 1].isalnum() or text[at - 1] == "_")
    right = at < len(text) and (text[at].isalnum() or text[at] == "_")
    return left != right


def _may_place(articles: Sequence[Statements], forms: Mapping[str, Sequence[str]]) -> Iterator[Unit]:
    """The sentences where a place of ``forms`` may follow "in"/"at" (the others have no
    name after "in"/"at" that begins with the first character of one), by article."""
    for article in articles:
        openings = article.openings
        chars = openings.keys() & forms.keys()
        if chars:
            units = article.units
            yield from (units[n] for n in sorted(set().union(*(openings[c] for c in chars))))


@dataclass(frozen=True)
class Naming:
    """What the disagreements read of one article's entities, worked out once per article
    (:func:`naming`) and read by every topic the article is in."""

    slug: str
    places: list[tuple[str, str]]
    """Each written form (name and aliases) of each place the article names, with the place."""
    owners: dict[str, list[tuple[str, tuple[str, str]]]]
    """By type ("event", "organisation"): each form of each one the article names, with (type, name)."""
    names: dict[str, list[tuple[str, frozenset[str], str, int]]]
    """By type ("organisation", "event"): each name of four words or more the article writes, as
    (the entity's name, its words in lower case, the name as written, paragraph)."""


def naming(corpus: Corpus, document: Document) -> Naming:
    places = [(form, name) for name in document.entities.get("place", ())
              for form in (name, *corpus.entities[f"place:{name}"].aliases)]
    owners = {type_: [(form, (type_, name)) for name in document.entities.get(type_, ())
                      for form in (name, *corpus.entities[f"{type_}:{name}"].aliases)]
              for type_ in ("event", "organisation")}
    names: dict[str, list[tuple[str, frozenset[str], str, int]]] = {"organisation": [], "event": []}
    known = {type_: document.entities.get(type_, ()) for type_ in names}  # sorted: the first match is the same every run
    for mention in document.analysis.long_names:  # one pass for both types, each in order
        type_ = mention.type
        canonical = next((n for n in known[type_] if n == mention.name or mention.surface in
                          corpus.entities[f"{type_}:{n}"].aliases or mention.name in
                          corpus.entities[f"{type_}:{n}"].aliases), None)
        if canonical is not None:
            words = frozenset(w.lower() for w in re.findall(r"[A-Za-z]+", mention.surface))
            names[type_].append((canonical, words, mention.surface, mention.paragraph))
    return Naming(document.slug, places, owners, names)


def places(members: Sequence[Naming], articles: Sequence[Statements]) -> list[Disagreement]:
    """The same event or organisation placed in different places by different articles
    (``members``: the topic's articles, ``articles``: the statements of those compared).

    One pass per sentence that may name one of the places: find each place named
    after "in"/"at", then look just before it for a form of an event or organisation
    ("the BRICS summit in Kazan"): no pattern is built per entity.
    """
    aliases: dict[str, str] = {}
    for member in members:
        aliases.update(member.places)
    owners: dict[str, tuple[str, str]] = {}
    for type_ in ("event", "organisation"):
        for member in members:
            for form, owner in member.owners[type_]:
                owners.setdefault(form, owner)
    if not aliases or not owners:
        return []
    forms: dict[str, list[str]] = defaultdict(list)  # by first character, longest first
    for alias in sorted(aliases, key=len, reverse=True):
        forms[alias[0]].append(alias)
    # The owners' forms by last character, in order: the first form the text before a
    # place ends with (as whole words) owns it.
    ends: dict[str, list[tuple[int, str, tuple[str, str]]]] = defaultdict(list)
    for rank, (form, owner) in enumerate(owners.items()):
        ends[form[-1:]].append((rank, form, owner))
    anywhere = ends.pop("", [])  # an empty form ends any text
    claims: dict[tuple[str, str], dict[str, set[Citation]]] = defaultdict(lambda: defaultdict(set))
    for unit in _may_place(articles, forms):
        for start, place in _placed(unit, forms):
            before = _without_trailing_words(unit.text[:start].rstrip())
            candidates = ends.get(before[-1:], ())
            for _, form, owner in sorted([*candidates, *anywhere]) if anywhere else candidates:
                if before.endswith(form) and (len(before) == len(form) or not before[-len(form) - 1].isalnum()):
                    claims[owner][aliases[place]].add(Citation(unit.slug, unit.paragraph))
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


def names(members: Sequence[Naming]) -> list[Disagreement]:
    """One organisation or event written out with different words by different articles."""
    found = []
    slugs = {m.slug for m in members}
    for type_ in ("organisation", "event"):
        forms: dict[str, dict[frozenset[str], tuple[str, set[Citation]]]] = defaultdict(dict)
        for member in members:
            for canonical, words, surface, paragraph in member.names[type_]:
                text, cites = forms[canonical].setdefault(words, (surface, set()))
                cites.add(Citation(member.slug, paragraph))
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

"""Corpus-level entity resolution: one canonical entity for every spelling.

Mentions are bucketed by keys so that the work stays linear in the corpus:

* people by surname; two full names with one surname are one person when
  their first names are transliteration variants (``Andrey``/``Andrei``),
  never when they are two different first names; a bare surname joins the
  only full name with that surname in the corpus, else stays apart;
* equipment by model number without separators (``AK203`` = ``AK-203``);
* other names by a case- and hyphen-insensitive key (see
  :func:`generator.entities.name_key`), by acronym (an acronym whose
  expansion is known in one article means that expansion everywhere), and
  long organisation names by head noun, merged when one's content words are
  (almost) all in the other's.

The canonical name is the editor's, else the name used in most articles,
then most mentions, then the longest, then alphabetical.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Mapping, Sequence

from rapidfuzz.fuzz import ratio

from .entities import name_key, model_key
from .knowledge import Knowledge
from .models import ENTITY_TYPES, Entity, Mention, NameUse, name_uses

FIRST_NAME_SIMILARITY = 80
"""rapidfuzz ratio above which two first names are spellings of one name."""
_STOP = frozenset("of the and for on in & de".split())
MAX_BUCKET = 200
"""Fuzzy organisation matching is skipped in larger head-noun buckets (keeps it linear)."""

_Key = tuple[str, str]  # (type, key)
_SEPARATORS = re.compile(r"[\s-]+")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Resolution:
    entities: tuple[Entity, ...]
    names: Mapping[tuple[str, str], str] = field(repr=False)
    """(article id, in-article name) -> canonical name."""
    per_use: Mapping[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    """article id -> ``canonical(article, use.name)`` for each of its uses, in order."""
    uses: Mapping[str, Sequence[NameUse]] = field(default_factory=dict, repr=False)
    """article id -> its uses, as given (what :meth:`entities_of` reads)."""
    typed_names: Mapping[tuple[str, str], str] = field(default_factory=dict, repr=False)
    """(type, in-article name) -> canonical name of the entity of that type."""

    def canonical(self, article_id: str, name: str) -> str:
        return self.names.get((article_id, name), name)

    def entities_of(self, article_id: str) -> Mapping[str, tuple[str, ...]]:
        """Entity type -> sorted canonical names the article mentions (worked out when asked:
        the corpus reads ``per_use``)."""
        typed: dict[str, set[str]] = {t: set() for t in ENTITY_TYPES}
        for use in self.uses.get(article_id, ()):
            typed[use.type].add(self.typed_names[(use.type, use.name)])
        return {t: tuple(sorted(v)) for t, v in typed.items()}


class _Union:
    def __init__(self) -> None:
        self.parent: dict[_Key, _Key] = {}

    def find(self, key: _Key) -> _Key:
        root = self.parent.setdefault(key, key)
        while root != self.parent[root]:
            root = self.parent[root]
        while key != root:
            key, self.parent[key] = self.parent[key], root
        return root

    def union(self, a: _Key, b: _Key) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _key(mention_type: str, name: str) -> _Key:
    if mention_type == "equipment":
        return mention_type, model_key(name)
    return mention_type, name_key(name)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def same_first_name(a: str, b: str) -> bool:
    """Transliteration variants (Andrey/Andrei, Sergei/Sergey), not two names (Serena/Venus, Ivan/Ivana)."""
    a, b = _fold(a).rstrip("."), _fold(b).rstrip(".")
    if a == b:
        return True
    if not a or not b or a[0] != b[0] or len(a) == 1 or len(b) == 1:
        return False
    if a + "a" == b or b + "a" == a:
        return False
    return ratio(a, b) >= FIRST_NAME_SIMILARITY


def _link_people(keys: set[_Key], union: _Union) -> None:
    by_surname: dict[str, list[str]] = defaultdict(list)
    for kind, key in keys:
        if kind == "person":
            by_surname[key.split()[-1]].append(key)
    for surname, names in by_surname.items():
        full = sorted(n for n in names if " " in n)
        groups: list[list[str]] = []
        for name in full:
            first = name.split()[0]
            for group in groups:
                if all(same_first_name(first, other.split()[0]) for other in group):
                    group.append(name)
                    union.union(("person", group[0]), ("person", name))
                    break
            else:
                groups.append([name])
        if len(groups) == 1 and surname in names:
            union.union(("person", groups[0][0]), ("person", surname))


def _content(key: str) -> frozenset[str]:
    return frozenset(w for w in _SEPARATORS.split(key) if w and w not in _STOP)


def _head(key: str) -> str:
    words = key.split()
    for index, word in enumerate(words):
        if word in ("of", "for", "on") and index:
            return words[index - 1]
    return words[-1] if words else ""


def _link_organisations(keys: set[_Key], union: _Union) -> None:
    buckets: dict[str, list[str]] = defaultdict(list)
    content: dict[str, frozenset[str]] = {}
    for kind, key in keys:
        if kind == "organisation" and len(words := _content(key)) >= 4:
            content[key] = words
            buckets[_head(key)].append(key)
    for names in buckets.values():
        if len(names) > MAX_BUCKET:
            continue
        names.sort()
        for i, a in enumerate(names):
            for b in names[i + 1 :]:
                ca, cb = content[a], content[b]
                small, big = (ca, cb) if len(ca) <= len(cb) else (cb, ca)
                if len(small & big) >= max(4, round(0.85 * len(small))) and len(big - small) <= 3:
                    union.union(("organisation", a), ("organisation", b))


def _slug(name: str) -> str:
    text = _fold(name)
    return _NOT_SLUG.sub("-", text).strip("-") or "entity"


def resolve(mentions_by_article: Mapping[str, tuple[Mention, ...]], knowledge: Knowledge) -> Resolution:
    """Merge the articles' mentions into corpus entities; deterministic for the same input."""
    return resolve_uses({a: name_uses(ms) for a, ms in mentions_by_article.items()}, knowledge)


def resolve_uses(uses_by_article: Mapping[str, Sequence[NameUse]], knowledge: Knowledge) -> Resolution:
    """:func:`resolve` on mentions already folded per name (``Analysis.uses``)."""
    union = _Union()
    keys: set[_Key] = set()
    key_of: dict[tuple[str, str], _Key] = {}
    """(type, in-article name) -> key: each distinct name is keyed once, however often it occurs."""
    acronyms: dict[str, set[_Key]] = defaultdict(set)
    tally: dict[tuple[str, str], list[int]] = {}
    """(type, in-article name) -> [mentions, articles]: how much each name is used."""
    surfaces: dict[tuple[str, str], set[str]] = {}
    for article in sorted(uses_by_article):
        for use in uses_by_article[article]:
            pair = (use.type, use.name)
            key = key_of.get(pair)
            if key is None:
                key = key_of[pair] = _key(use.type, use.name)
                keys.add(key)
                union.find(key)
                tally[pair] = [use.count, 1]
                surfaces[pair] = {use.name, *use.surfaces}
            else:
                used = tally[pair]
                used[0] += use.count
                used[1] += 1
                surfaces[pair].update(use.surfaces)
            for surface in use.surfaces:
                if surface != use.name and surface.isupper() and " " not in surface:
                    acronyms[surface.lower()].add(key)
    for acronym, targets in acronyms.items():
        for kind in ENTITY_TYPES:
            if (kind, acronym) in keys and len({union.find(t) for t in targets if t[0] == kind}) == 1:
                union.union((kind, acronym), next(t for t in targets if t[0] == kind))
    _link_people(keys, union)
    _link_organisations(keys, union)
    root_of = {pair: union.find(key) for pair, key in key_of.items()}

    counts: dict[_Key, dict[str, int]] = defaultdict(dict)
    spread: dict[_Key, dict[str, int]] = defaultdict(dict)
    forms: dict[_Key, set[str]] = defaultdict(set)
    for pair, root in root_of.items():  # a root's names are of its type: one pair per name
        counts[root][pair[1]], spread[root][pair[1]] = tally[pair]
        forms[root].update(surfaces[pair])

    canonical: dict[_Key, str] = {}
    for root, names in counts.items():
        known = next((knowledge.lookup(n) for n in sorted(names) if knowledge.lookup(n)), None)
        full = [n for n in names if root[0] != "person" or " " in n] or list(names)
        canonical[root] = known.name if known else min(
            full, key=lambda n: (-spread[root][n], -names[n], -len(n), n)
        )

    entities, used = [], set()
    for root in sorted(canonical, key=lambda r: (r[0], canonical[r])):
        name, slug = canonical[root], _slug(canonical[root])
        if slug in used:
            slug = f"{slug}-{root[0]}"
        while slug in used:
            slug += "-2"
        used.add(slug)
        aliases = tuple(sorted(forms[root] - {name}))
        entities.append(Entity(type=root[0], name=name, aliases=aliases, slug=slug))  # type: ignore[arg-type]

    typed_names = {pair: canonical[root] for pair, root in root_of.items()}
    names: dict[tuple[str, str], str] = {}
    per_use: dict[str, tuple[str, ...]] = {}
    for article, uses in uses_by_article.items():
        local: dict[str, str] = {}
        for use in uses:  # in the order of each name's last mention: the last one's name wins
            local[use.name] = typed_names[(use.type, use.name)]
        names.update(((article, name), target) for name, target in local.items())
        per_use[article] = tuple([local[use.name] for use in uses])
    return Resolution(entities=tuple(entities), names=names, per_use=per_use, uses=uses_by_article,
                      typed_names=typed_names)

"""Tags: a small, consistent vocabulary of lower-case, hyphenated labels.

Per article, :func:`candidate_tags` proposes

* relation tags from hyphenated pairs of names followed by a relation noun
  ("India-Russia relationship", "US-China trade talks" -> ``india-russia-relations``,
  ``us-china-trade``);
* key noun phrases: two-word runs of lower-case content words that the
  article repeats ("missile systems", "strategic partnership"), at least once
  outside a quotation;
* the places, organisations, equipment and events mentioned most (the lead
  paragraph counts double).

Across the corpus, :func:`assign_tags` keeps tags shared by two or more
articles first (those in every article last: they tell articles apart least),
then the article's own best ones, up to a cap.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from typing import Mapping, Sequence

from .models import Mention

MAX_CANDIDATES = 12
MAX_OWN = 2
"""Tags used by a single article that may still be kept (after shared ones)."""

_RELATION_NOUNS = {
    "relationship": "relations", "relations": "relations", "ties": "relations", "friendship": "relations",
    "partnership": "relations", "engagement": "relations", "talks": "talks", "summit": "summit",
    "cooperation": "cooperation", "trade": "trade", "deal": "deal", "agreement": "agreement",
    "war": "war", "conflict": "conflict", "border": "border", "dialogue": "talks", "rivalry": "rivalry",
}
_PAIR = re.compile(r"([A-Z](?<!\w[A-Z])\w++(?:-[A-Z]\w++)+)\s+(?:[a-z]+\s+){0,2}?([a-z]+)\b")
"""A word-initial capital is written as a capital not preceded by a word character: the scan skips to capitals.
The name's words are possessive (``\\w++``): what follows them is a hyphen or a space, never a word character,
so giving letters back could not help; it only cost time on every capitalised word."""
_HYPHENATED_NAME = re.compile(r"-[A-Z]")
"""What every relation pair contains: a paragraph without it is not scanned for pairs."""
_STOP = frozenset(
    """a an the of in on at to for with from by and or but as is are was were be been being has have had
    that this these those it its he she they we i you his her their our my your which who whom whose what
    will would shall should can could may might must do does did not no nor so than then there here
    also very more most much many such other both each all any some same own only just over under into
    about after before while during between against through across towards toward upon within without
    said says say told tells added adds noted stated according including further already again still
    new two three four five first second third last next year years month months week day days time
    one ones way ways part lot range issues issue matter level levels side sides number
    mr mrs ms dr minister president secretary general prime chief spokesman spokeswoman official officials
    counterpart leaders leader people country countries nation nations government""".split()
)
_VERBISH = frozenset(
    """put took take takes held hold holds made make makes gave give gives met meet meets got get gets
    came come went go kept keep left leave saw see seen done sent brought found told deepen strengthen
    expand boost extend continue discuss review ensure enhance""".split()
)
"""Verbs that would start a two-word run ("took place", "held talks"): not a topic."""
_LOWER_RUN = re.compile(r"(?<![\w’'-])[a-z][a-z-]*+(?: [a-z][a-z-]*+)+(?![\w’'-])")
"""Runs of lower-case words not broken by punctuation, capitals or digits. A word is read
possessively: a run can only end where a word does, so giving letters back could not help."""
_QUOTED = re.compile(r"(“[^“”]*”|\"[^\"]*\")")
"""A quotation within a paragraph: a speaker's words ("higher than the highest
mountain") are not what the article is about unless the article also says them.
Captured, so that splitting a paragraph at it keeps the quotations too."""


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=1 << 14)
def slug(text: str) -> str:
    """``"S-400 Triumf"`` -> ``"s-400-triumf"``."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = text.lower().replace("&", " and ").replace("’", "").replace("'", "")
    return _NOT_SLUG.sub("-", text).strip("-")


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "ics", "ties", "news", "relations", "talks")):
        return word[:-1]
    return word


class _Vocabulary(dict[str, "str | None"]):
    """word -> its singular if it is a content word, else None; filled as words are seen
    (up to a bound), so each distinct word is judged once per process, not once per use."""

    LIMIT = 1 << 16

    def __missing__(self, word: str) -> str | None:
        if word not in _STOP and word not in _VERBISH and len(word) > 2 and not word.endswith(("ly", "ing", "ed")):
            found: str | None = _singular(word)
        else:
            found = None
        if len(self) < self.LIMIT:
            self[word] = found
        return found


_RUN_BREAK = "|"
"""Put between two runs of words: never a word of a run, and it ends a pair as a non-content word does."""
_CONTENT = _Vocabulary({_RUN_BREAK: None})


def _pairs(text: str) -> list[str]:
    """The two-word runs of lower-case content words in ``text``, as ``first-second``:
    every two neighbours in a run that are both content words, the second one singular."""
    words = f" {_RUN_BREAK} ".join(_LOWER_RUN.findall(text)).split()
    singles = list(map(_CONTENT.__getitem__, words))
    return [
        f"{word}-{single}"
        for word, first, single in zip(words, singles, singles[1:])
        if first is not None and single is not None
    ]


def _phrases(paragraphs: Sequence[str]) -> Counter[str]:
    """Two-word runs of lower-case content words, counted over the article; a phrase
    that only ever occurs inside quotations is not counted at all.

    No run of words crosses a quotation mark, so each run lies either in the
    article's own words or in a quotation: the two are read apart, each word once
    (and all paragraphs at once: no run crosses a line break either)."""
    own: list[str] = []
    quoted: list[str] = []
    for paragraph in paragraphs:
        if "“" in paragraph or '"' in paragraph:
            parts = _QUOTED.split(paragraph)  # own words, quotation, own words, ...
            own.append(_RUN_BREAK.join(parts[::2]))
            quoted += parts[1::2]
        else:
            own.append(paragraph)
    counts = Counter(_pairs("\n".join(own)))
    if quoted:
        counts.update(phrase for phrase in _pairs("\n".join(quoted)) if phrase in counts)
    return counts


def _relations(paragraphs: Sequence[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for paragraph in paragraphs:
        if not _HYPHENATED_NAME.search(paragraph):
            continue
        for m in _PAIR.finditer(paragraph):
            noun = _RELATION_NOUNS.get(m.group(2))
            if noun:
                counts[f"{slug(m.group(1))}-{noun}"] += 1
    return counts


def candidate_tags(paragraphs: Sequence[str], mentions: Sequence[Mention]) -> tuple[str, ...]:
    """Up to :data:`MAX_CANDIDATES` tags for one article, best first."""
    scores = {tag: 3 * n for tag, n in _relations(paragraphs).items()}  # plain dicts: a Counter's misses cost a call
    for tag, n in _phrases(paragraphs).items():
        if n >= 2:
            scores[tag] = scores.get(tag, 0) + n
    entity_counts: dict[str, int] = {}
    for mention in mentions:
        if mention.type in ("place", "organisation", "equipment", "event") and mention.name:
            tag = slug(mention.name)
            entity_counts[tag] = entity_counts.get(tag, 0) + (2 if mention.paragraph == 0 else 1)
    for tag, n in entity_counts.items():
        if tag and (n >= 2 or len(entity_counts) <= 3):
            scores[tag] = scores.get(tag, 0) + n
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    return tuple(tag for tag, _ in ranked if 2 < len(tag) <= 50)[:MAX_CANDIDATES]


def assign_tags(candidates_by_id: Mapping[str, tuple[str, ...]], max_per_article: int = 6) -> dict[str, tuple[str, ...]]:
    """A corpus-wide choice: shared tags first (most shared first), then a few of the article's own."""
    frequency: Counter[str] = Counter(tag for tags in candidates_by_id.values() for tag in set(tags))
    result: dict[str, tuple[str, ...]] = {}
    for key in sorted(candidates_by_id):
        tags = list(dict.fromkeys(candidates_by_id[key]))
        everywhere = len(candidates_by_id) >= 3
        shared = sorted(
            (t for t in tags if frequency[t] >= 2),
            key=lambda t: (everywhere and frequency[t] == len(candidates_by_id), tags.index(t)),
        )
        own = [t for t in tags if frequency[t] < 2][:MAX_OWN]
        chosen = (shared + own)[:max_per_article]
        result[key] = tuple(chosen)
    return result

"""Pieces shared by the page renderers: dates, citations, front matter keys."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Mapping, Protocol, Sequence

from .. import markup
from ..corpus import Corpus
from ..models import Citation, Page

TYPE_LABELS = {
    "person": "People",
    "organisation": "Organisations",
    "place": "Places",
    "equipment": "Equipment",
    "event": "Events and programmes",
}
TYPE_SINGULAR = {
    "person": "Person",
    "organisation": "Organisation",
    "place": "Place",
    "equipment": "Equipment",
    "event": "Event or programme",
}
BOOST = {"digest": 3, "entity": 2, "article": 1, "index": 0.5}
"""Material search boosts: a digest or entity page outranks the articles it draws on."""


@lru_cache(maxsize=8192)
def long_date(value: _dt.date | str) -> str:
    """``2024-12-10`` -> ``10 December 2024``; ``2024-07`` -> ``July 2024``; ``2025`` -> ``2025``."""
    if isinstance(value, _dt.date):
        return f"{value.day} {value:%B %Y}"
    parts = value.split("-")
    if len(parts) == 3:
        return long_date(_dt.date.fromisoformat(value))
    if len(parts) == 2:
        return f"{_dt.date(int(parts[0]), int(parts[1]), 1):%B %Y}"
    return value


def entity_paths(corpus: Corpus) -> dict[str, str]:
    """``type:name`` -> the page of every entity that has one: one lookup, where pages would
    test membership and build the path some 300,000 times at 5,000 articles."""
    return {key: corpus.entity_path(key) for key in corpus.entities}


def anchor(paragraph: int) -> str:
    return f"p{paragraph + 1}"


def cite(citations: Sequence[Citation], numbers: Mapping[str, int], from_page: str) -> str:
    """``[1 ¶3](../articles/x.md#p3)`` links, one per cited paragraph, sources numbered."""
    articles = markup.relative(from_page, "articles/")  # the folder of article pages, seen from this page
    cited = sorted({(numbers.get(c.slug, 0), c.paragraph, c.slug) for c in citations})
    return " ".join(f"[{numbers.get(slug, '?')}&nbsp;¶{paragraph + 1}]({articles}{slug}.md#{anchor(paragraph)})"
                    for _, paragraph, slug in cited)


def safe_url(url: object) -> str | None:
    """An editor's URL, only if it is a plain http(s) address."""
    if isinstance(url, str) and re.fullmatch(r"https?://[A-Za-z0-9._~:/?#@!$&*+,;=%-]+", url):
        return url
    return None


Keep = Callable[[str, str], bool]
"""``keep(path, fingerprint)``: the file on disk is untouched and was rendered from these inputs."""


@dataclass(frozen=True)
class PageJob:
    """One fingerprinted page to produce: where it goes, how to hash its inputs, how to render it.
    Jobs are independent of each other, so ``render_site`` can render them on several processes."""

    path: str
    fingerprint: Callable[[], str]
    render: Callable[[], Page]


class Deliver(Protocol):
    """Where rendered pages go as soon as they are rendered (``writer.Stager``)."""

    def check(self, paths: Sequence[str]) -> None:
        """Refuse the run (raise) before anything is delivered: called once, with every path."""

    def __call__(self, page: Page) -> Page:
        """Take the page; return what the caller keeps of it (in the process that rendered it)."""

"""stories.find_stories gives the stories of the plain way: every article compared with every
other one of its window, pairs joined in slug order (the code it replaced)."""

from __future__ import annotations

import datetime as _dt
import math
import os
from collections import defaultdict
from types import SimpleNamespace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.models import Topic
from generator.stories import LEAD_PARAGRAPHS, STORY_WINDOW_DAYS, find_stories

SETTINGS = settings(max_examples=int(os.environ.get("HYPOTHESIS_MAX_EXAMPLES", "200")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
KEYS = ["person:A", "person:B", "organisation:C", "event:D", "equipment:E", "place:F", "person:G"]
ARTICLES = st.lists(
    st.tuples(st.integers(0, 12), st.dictionaries(st.sampled_from(KEYS), st.integers(0, 3), max_size=5)),
    max_size=40,
)


def _corpus(rows: list[tuple[int, dict[str, int]]]) -> SimpleNamespace:
    documents = [
        SimpleNamespace(slug=f"s{n:02d}", article=SimpleNamespace(date=_dt.date(2024, 1, 1) + _dt.timedelta(days=day)),
                        analysis=SimpleNamespace(headline=f"headline {n}"))
        for n, (day, _) in enumerate(rows)
    ]
    documents.reverse()  # the corpus' order is not the slugs'
    return SimpleNamespace(documents=documents, first_paragraph={f"s{n:02d}": keys for n, (_, keys) in enumerate(rows)})


def _reference(corpus: SimpleNamespace) -> list[Topic]:
    docs = list(corpus.documents)
    lead = {d.slug: {k for k, p in corpus.first_paragraph[d.slug].items() if p < LEAD_PARAGRAPHS and not k.startswith("place:")}
            for d in docs}
    parent: dict[str, str] = {}

    def root(s: str) -> str:
        while s in parent:
            s = parent[s]
        return s

    for d in sorted(docs, key=lambda x: x.slug):
        for other in sorted(docs, key=lambda x: x.slug):
            close = abs((d.article.date - other.article.date).days) <= STORY_WINDOW_DAYS
            if other.slug != d.slug and close and len(lead[d.slug] & lead[other.slug]) >= 2:
                a, b = sorted((root(d.slug), root(other.slug)))
                if a != b:
                    parent[b] = a
    groups: dict[str, list] = defaultdict(list)
    for d in docs:
        groups[root(d.slug)].append(d)
    singles = sorted((m[0] for m in groups.values() if len(m) == 1 and len(lead[m[0].slug]) >= 2),
                     key=lambda d: (d.article.date, d.slug), reverse=True)
    kept = {d.slug for d in singles[: max(5, round(math.sqrt(len(docs))))]}
    stories = []
    for members in groups.values():
        if len(members) == 1 and members[0].slug not in kept:
            continue
        members.sort(key=lambda x: (x.article.date, x.slug), reverse=True)
        keys = set.intersection(*(lead[m.slug] for m in members)) if len(members) > 1 else lead[members[0].slug]
        first = min(members, key=lambda d: (d.article.date, d.slug))
        stories.append(Topic(slug="", title=first.analysis.headline, members=tuple(m.slug for m in members),
                             keys=tuple(sorted(k.split(":", 1)[1] for k in keys))))
    return stories


@SETTINGS
@given(ARTICLES)
def test_stories_are_the_plain_comparison(rows) -> None:
    corpus = _corpus(rows)
    assert find_stories(corpus) == _reference(corpus)

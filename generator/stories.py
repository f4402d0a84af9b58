"""Grouping articles into stories and topics.

* A **story** is one event reported by one or more articles: articles whose
  leads (first two paragraphs) name at least two of the same actors (people,
  organisations, equipment, events; places are too broad) within a few days
  of each other. An article whose lead names two actors and that no other
  article reports is a story of its own, but only for the newest few (the
  square root of the corpus, at least five): a briefing leads with recent
  news and a large corpus must not get one digest per article.
* A **topic** is a long-running subject: an entity (equipment and events
  first, then organisations, then people) that several articles mention,
  that is not in nearly every article, and whose article set is not already
  a story's. Their number grows with the square root of the corpus, so a
  large corpus gets its strongest subjects, not one digest per name.
* An editor's page with ``match: [terms]`` in its front matter is a topic
  too: every article naming one of the terms (as an entity name, alias or
  phrase of the text) belongs to it.

Candidate pairs come from an inverted index (actor -> articles), so the cost
grows with the number of articles that share an actor, not with the square
of the corpus.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping, Sequence

import frontmatter

from .corpus import Corpus
from .markup import slugify
from .models import Document, Topic

STORY_WINDOW_DAYS = 3
LEAD_PARAGRAPHS = 2
UBIQUITOUS_SHARE = 0.8
"""An entity in more than this share of the articles defines no topic (it is the corpus itself)."""
TOPIC_TYPES = {"equipment": 0, "event": 0, "organisation": 1, "person": 2}
MAX_TOPICS = 400


@dataclass(frozen=True)
class EditorTopic:
    page: str
    title: str
    terms: tuple[str, ...]


def editor_topics(docs: Path, states: Mapping[str, str]) -> list[EditorTopic]:
    """Hand-written pages whose front matter has a ``match:`` list."""
    found = []
    for path, state in sorted(states.items()):
        if state != "handwritten" or path.startswith("."):
            continue
        try:
            post = frontmatter.load(docs / path)
        except Exception:  # a page MkDocs itself will complain about; not ours to judge
            continue
        terms = post.metadata.get("match")
        if isinstance(terms, str):
            terms = [terms]
        if not isinstance(terms, list) or not terms:
            continue
        title = post.metadata.get("title")
        if not isinstance(title, str):
            heading = re.search(r"^#\s+(.+)$", post.content, flags=re.M)
            title = heading.group(1).strip() if heading else Path(path).stem.replace("-", " ").title()
        found.append(EditorTopic(page=path, title=title, terms=tuple(str(t) for t in terms if str(t).strip())))
    return found


def _lead_actors(corpus: Corpus, document: Document) -> set[str]:
    """Non-place entities first named in the article's lead paragraphs."""
    return {
        key
        for key, paragraph in corpus.first_paragraph[document.slug].items()
        if paragraph < LEAD_PARAGRAPHS and not key.startswith("place:")
    }


def find_stories(corpus: Corpus) -> list[Topic]:
    docs = list(corpus.documents)
    lead = {d.slug: _lead_actors(corpus, d) for d in docs}
    dates = {d.slug: d.article.date.toordinal() for d in docs}
    # Each actor's articles by date (then slug), so each article reads only its window of each list.
    days: dict[str, list[int]] = defaultdict(list)
    slugs: dict[str, list[str]] = defaultdict(list)
    for d in sorted(docs, key=lambda x: (dates[x.slug], x.slug)):
        for key in lead[d.slug]:
            days[key].append(dates[d.slug])
            slugs[key].append(d.slug)
    parent: dict[str, str] = {}

    def root(s: str) -> str:
        while s in parent:  # with path halving: chains of a large story stay short
            up = parent[s]
            if up in parent:
                parent[s] = parent[up]
            s = up
        return s

    # Two articles sharing two actors within the window are one story: the stories are the
    # connected components of that relation (each rooted at its first slug), whatever the
    # order the pairs are met in. Each pair is seen from both articles and joined from the first.
    for d in docs:
        shared: Counter[str] = Counter()
        day = dates[d.slug]
        for key in lead[d.slug]:
            lo = bisect_left(days[key], day - STORY_WINDOW_DAYS)
            hi = bisect_right(days[key], day + STORY_WINDOW_DAYS, lo)
            shared.update(slugs[key][lo:hi])
        for other, count in shared.items():
            if count >= 2 and other > d.slug:
                a, b = sorted((root(d.slug), root(other)))
                if a != b:
                    parent[b] = a
    groups: dict[str, list[Document]] = defaultdict(list)
    for d in docs:
        groups[root(d.slug)].append(d)
    stories = []
    singles = sorted(
        (m[0] for m in groups.values() if len(m) == 1 and len(lead[m[0].slug]) >= 2),
        key=lambda d: (d.article.date, d.slug), reverse=True,
    )
    kept_singles = {d.slug for d in singles[: max(5, round(math.sqrt(len(docs))))]}
    for members in groups.values():
        if len(members) == 1 and members[0].slug not in kept_singles:
            continue
        members.sort(key=lambda x: (x.article.date, x.slug), reverse=True)
        keys = set.intersection(*(lead[m.slug] for m in members)) if len(members) > 1 else lead[members[0].slug]
        title = _story_title(members)
        stories.append(
            Topic(
                slug="",
                title=title,
                members=tuple(m.slug for m in members),
                keys=tuple(sorted(k.split(":", 1)[1] for k in keys)),
            )
        )
    return stories


def _story_title(members: Sequence[Document]) -> str:
    """The headline of the earliest report (it usually names the event plainly)."""
    first = min(members, key=lambda d: (d.article.date, d.slug))
    return first.analysis.headline


def find_entity_topics(corpus: Corpus, taken: Iterable[frozenset[str]]) -> list[Topic]:
    total = len(corpus.documents)
    limit = min(MAX_TOPICS, max(3, round(2 * math.sqrt(total))))
    seen = set(taken)
    candidates = []
    for key, slugs in corpus.mentions.items():
        type_, name = key.split(":", 1)
        if type_ not in TOPIC_TYPES or len(slugs) < 2:
            continue
        if total >= 5 and len(slugs) > UBIQUITOUS_SHARE * total:
            continue
        weight = sum(corpus.counts[s].get(key, 0) for s in slugs)
        candidates.append((TOPIC_TYPES[type_], -len(slugs), -weight, name, key, slugs))
    candidates.sort()
    topics = []
    for *_, name, key, slugs in candidates:
        members = frozenset(slugs)
        if members in seen:
            continue
        seen.add(members)
        topics.append(Topic(slug="", title=name, members=tuple(slugs), keys=(name,)))
        if len(topics) >= limit:
            break
    return topics


def _matches(document: Document, corpus: Corpus, terms: Sequence[str]) -> bool:
    wanted = {t.casefold() for t in terms}
    for type_, names in document.entities.items():
        for name in names:
            entity = corpus.entities.get(f"{type_}:{name}")
            forms = {name, *(entity.aliases if entity else ())}
            if wanted & {f.casefold() for f in forms}:
                return True
    text = document.article.text.casefold()
    return any(re.search(rf"(?<!\w){re.escape(t)}(?!\w)", text) for t in wanted)


def find_editor_topics(corpus: Corpus, topics: Sequence[EditorTopic]) -> list[Topic]:
    found = []
    for topic in topics:
        members = tuple(d.slug for d in corpus.documents if _matches(d, corpus, topic.terms))
        found.append(
            Topic(slug=slugify(Path(topic.page).with_suffix("").as_posix()), title=topic.title,
                  members=members, keys=topic.terms, page=topic.page)
        )
    return found


def _unique_slugs(topics: list[Topic], reserved: set[str]) -> list[Topic]:
    out = []
    used = set(reserved)
    for topic in topics:
        base = slugify(topic.title, 60)
        slug, n = base, 2
        while slug in used:
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        out.append(Topic(slug=slug, title=topic.title, members=topic.members, keys=topic.keys, page=topic.page))
    return out


def find_topics(corpus: Corpus, editors: Sequence[EditorTopic], reserved: Iterable[str] = ()) -> list[Topic]:
    """Stories, then entity topics, then the editor's topics; slugs unique and stable."""
    stories = find_stories(corpus)
    entity_topics = find_entity_topics(corpus, (frozenset(s.members) for s in stories))
    automatic = sorted(stories + entity_topics, key=lambda t: (t.title, t.members))
    return _unique_slugs(automatic, set(reserved)) + find_editor_topics(corpus, editors)

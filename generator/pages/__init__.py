"""Page renderers: the corpus -> every generated :class:`Page` (nothing touches the disk)."""

from __future__ import annotations

from ..corpus import Corpus
from ..models import Page
from . import article, digest, entities, indexes, timeline


def render_site(corpus: Corpus) -> list[Page]:
    pages = [article.render(corpus, d) for d in corpus.documents]
    pages += [digest.render(corpus, d) for d in corpus.digests]
    pages += entities.entity_pages(corpus)
    pages += timeline.timeline_pages(corpus)
    pages += indexes.archive(corpus)
    pages += [indexes.home(corpus), indexes.topics_index(corpus), indexes.tags_index()]
    return pages

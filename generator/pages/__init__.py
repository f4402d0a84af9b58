"""Page renderers: the corpus -> every generated :class:`Page` (nothing touches the disk)."""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from ..corpus import Corpus
from ..models import Page
from . import article, digest, entities, indexes, timeline


def render_site(corpus: Corpus, keep: Callable[[str, str], bool] | None = None, version: str = "") -> list[Page]:
    """Every generated page. ``keep(path, fingerprint)`` says whether the file already on
    disk was rendered from exactly these inputs (with code ``version``): such a page
    (article, digest, entity or timeline year) is returned without content and the
    writer leaves the file as it is. Indexes are always rendered (they are few)."""
    related = article.related_articles(corpus)
    pages = []
    for document in corpus.documents:
        near = related.get(document.slug, ())
        fingerprint = article.fingerprint(corpus, document, near, version)
        if keep is not None and keep(document.path, fingerprint):
            pages.append(Page(document.path, None, fingerprint))
        else:
            pages.append(replace(article.render(corpus, document, near), fingerprint=fingerprint))
    for item in corpus.digests:
        fingerprint = digest.fingerprint(corpus, item, version)
        if keep is not None and keep(digest.path(item), fingerprint):
            pages.append(Page(digest.path(item), None, fingerprint))
        else:
            pages.append(replace(digest.render(corpus, item), fingerprint=fingerprint))
    pages += entities.entity_pages(corpus, keep, version)
    pages += timeline.timeline_pages(corpus, keep, version)
    pages += indexes.archive(corpus)
    pages += [indexes.home(corpus), indexes.topics_index(corpus), indexes.tags_index()]
    return pages

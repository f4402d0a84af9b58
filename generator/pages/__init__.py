"""Page renderers: the corpus -> every generated :class:`Page` (nothing touches the disk)."""

from __future__ import annotations

from ..corpus import Corpus
from ..models import Page
from . import article, digest, entities, indexes, timeline
from .common import Keep, kept_or_rendered


def render_site(corpus: Corpus, keep: Keep | None = None, version: str = "") -> list[Page]:
    """Every generated page. ``keep(path, fingerprint)`` says whether the file already on
    disk was rendered from exactly these inputs (with code ``version``): such a page
    (article, digest, entity or timeline month) is returned without content and the
    writer leaves the file as it is. Indexes are always rendered (they are few)."""
    related = article.related_articles(corpus)
    pages = []
    for document in corpus.documents:
        near = related.get(document.slug, ())
        pages.append(kept_or_rendered(document.path, article.fingerprint(corpus, document, near, version), keep,
                                      lambda: article.render(corpus, document, near)))
    for item in corpus.digests:
        pages.append(kept_or_rendered(digest.path(item), digest.fingerprint(corpus, item, version), keep,
                                      lambda: digest.render(corpus, item)))
    pages += entities.entity_pages(corpus, keep, version)
    pages += timeline.timeline_pages(corpus, keep, version)
    pages += indexes.archive(corpus)
    pages += [indexes.home(corpus), indexes.topics_index(corpus), indexes.tags_index()]
    return pages

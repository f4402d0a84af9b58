"""Page renderers: the corpus -> every generated :class:`Page` (nothing touches the disk)."""

from __future__ import annotations

from functools import partial

from ..corpus import Corpus
from ..models import Page
from ..parallel import fork_map
from . import article, digest, entities, indexes, timeline
from .common import Keep, PageJob


def render_site(corpus: Corpus, keep: Keep | None = None, version: str = "", jobs: int = 1) -> list[Page]:
    """Every generated page. ``keep(path, fingerprint)`` says whether the file already on
    disk was rendered from exactly these inputs (with code ``version``): such a page
    (article, digest, entity or timeline month) is returned without content and the
    writer leaves the file as it is (so are the months of the article archive).
    The other indexes are always rendered (they are few).
    Fingerprinting and rendering run on ``jobs`` processes."""
    related = article.related_articles(corpus)
    work = [
        PageJob(d.path, partial(article.fingerprint, corpus, d, related.get(d.slug, ()), version),
                partial(article.render, corpus, d, related.get(d.slug, ())))
        for d in corpus.documents
    ]
    work += [
        PageJob(digest.path(item), partial(digest.fingerprint, corpus, item, version), partial(digest.render, corpus, item))
        for item in corpus.digests
    ]
    entity_work, entity_index = entities.entity_pages(corpus, version)
    timeline_work, timeline_index = timeline.timeline_pages(corpus, version)
    archive_work, archive_index = indexes.archive(corpus, version)
    pages = fork_map(lambda job: job.run(keep), work + entity_work + timeline_work + archive_work, jobs)
    pages += [entity_index, timeline_index, archive_index]
    pages += [indexes.home(corpus), indexes.topics_index(corpus), indexes.tags_index()]
    return pages

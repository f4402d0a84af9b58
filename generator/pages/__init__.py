"""Page renderers: the corpus -> every generated :class:`Page` (nothing touches the disk)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from ..corpus import Corpus
from ..models import Page
from ..parallel import fork_map
from . import article, digest, entities, indexes, timeline
from .common import Context, Deliver, Keep, PageJob

RENDER_PARALLEL = 200
"""Fewer pages to render than this are rendered in this process: a forked worker copies
the memory of every corpus object it touches, which costs about as much as rendering a
couple of hundred pages (measured at 5,000 articles)."""


@dataclass(frozen=True)
class Prepared:
    """What the pages need from the whole corpus but not from its digests, so it can be
    worked out while the digests are built (:func:`prepare`)."""

    related: dict[str, tuple[str, ...]]
    co_mentioned: dict[str, list[tuple[str, int]]]
    timeline: dict[str, list[list[timeline.Event]]]


def prepare(corpus: Corpus) -> Prepared:
    """:class:`Prepared` for ``corpus`` (with or without its digests: the same either way)."""
    return Prepared(article.related_articles(corpus), entities.co_mentioned(corpus), timeline.timeline_rows(corpus))


def _with_fingerprint(page: Page, fingerprint: str) -> Page:
    return Page(page.path, page.content, fingerprint, page.staged)  # dataclasses.replace costs several times more


def render_site(corpus: Corpus, keep: Keep | None = None, version: str = "", jobs: int = 1,
                deliver: Deliver | None = None, prepared: Prepared | None = None) -> list[Page]:
    """Every generated page. ``keep(path, fingerprint)`` says whether the file already on
    disk was rendered from exactly these inputs (with code ``version``): such a page
    (article, digest, entity or timeline month) is returned without content and the
    writer leaves the file as it is (so are the months of the article archive).
    The other indexes are always rendered (they are few).
    Pages are rendered on ``jobs`` processes when there are many. Fingerprints (cheap, and
    mostly all a rerun needs) are taken here, a forked worker would cost more; without
    ``keep`` (nothing on disk can be kept) they are taken where each page is rendered.
    ``deliver`` (the writer's stager) takes each page where it is rendered, so that the
    text of thousands of pages need not be sent back from the workers. ``prepared`` is
    :func:`prepare` of the corpus, if known."""
    prepared = prepared or prepare(corpus)
    related = prepared.related
    context = Context(corpus)
    work = [
        PageJob(d.path, partial(article.fingerprint, context, d, related.get(d.slug, ()), version),
                partial(article.render, context, d, related.get(d.slug, ())))
        for d in corpus.documents
    ]
    work += [
        PageJob(digest.path(item), partial(digest.fingerprint, context, item, version),
                partial(digest.render, context, item))
        for item in corpus.digests
    ]
    entity_work, entity_index = entities.entity_pages(context, version, prepared.co_mentioned)
    timeline_work, timeline_index = timeline.timeline_pages(context, version, prepared.timeline)
    archive_work, archive_index = indexes.archive(context, version)
    page_jobs = work + entity_work + timeline_work + archive_work
    fixed = [entity_index, timeline_index, archive_index, indexes.home(corpus), indexes.topics_index(corpus),
             indexes.tags_index()]
    take = deliver or (lambda page: page)
    if deliver is not None:
        deliver.check([job.path for job in page_jobs] + [page.path for page in fixed])
    if keep is None:  # nothing can be kept (a first run): each fingerprint is taken where its page is rendered
        def render(job: PageJob) -> Page:
            return _with_fingerprint(take(job.render()), job.fingerprint())

        pages = fork_map(render, page_jobs, jobs, min_items=RENDER_PARALLEL)
        return pages + [take(page) for page in fixed]
    fingerprints = [job.fingerprint() for job in page_jobs]
    kept = [keep(job.path, fp) for job, fp in zip(page_jobs, fingerprints)]
    todo = [n for n, k in enumerate(kept) if not k]
    rendered = dict(zip(todo, fork_map(lambda n: take(page_jobs[n].render()), todo, jobs, min_items=RENDER_PARALLEL)))
    pages = [Page(job.path, None, fp) if k else _with_fingerprint(rendered[n], fp)
             for n, (job, fp, k) in enumerate(zip(page_jobs, fingerprints, kept))]
    return pages + [take(page) for page in fixed]

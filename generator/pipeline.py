"""The whole run, in two phases: read and understand everything, then write.

1. read every input file (a bad file is reported, the rest go on);
2. analyse each article (in parallel, cached by content hash);
3. assemble the corpus: resolve entities across articles, fold copies;
4. find stories and topics (automatic and the editor's), build digests;
5. render every page, then write them (only our own files, atomically).
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import gc
import os
import sqlite3
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Mapping, Sequence

from . import stories
from .analyse import analyse
from .cache import (CACHE_NAME, DIGEST_ROOTS, READER_ROOTS, AnalysisCache, code_version, decode_analysis, encode,
                    generator_version)
from .corpus import Corpus, assemble
from .dedup import Verdicts
from .digests import build_digests
from .errors import ArticleError, GeneratorError
from .knowledge import Knowledge, load_knowledge
from .models import Analysis, Article, Page
from .pages import Prepared, prepare, render_site
from .readers import read_folder, read_folder_stamped, require_folder
from .markup import sealed_hash
from .parallel import Forked, can_fork, fork_map
from .writer import Stager, WriteReport, recover, scan, scan_hashes, write_pages

RACY_NS = 100_000_000
"""Files modified less than this long (0.1 s) before the page memo is saved are read again next run."""
PARALLEL_THRESHOLD = 64
"""Below this many uncached articles one process is faster than starting workers."""


@dataclass
class RunReport:
    articles: int = 0
    rejected: list[ArticleError] = field(default_factory=list)
    analysed: int = 0
    cached: int = 0
    copies: int = 0
    digests: int = 0
    pages: int = 0
    write: WriteReport | None = None
    cache_rebuilt: str | None = None
    """Why the cache file was thrown away and rebuilt during this run, if it was."""
    corpus: Corpus | None = field(default=None, repr=False)
    """The corpus the run built (with its digests). While the report holds it, its objects
    stay alive: a command that exits right after the run leaves them to the operating
    system, which frees them at once, instead of Python freeing millions of them one by
    one (0.1 s at 5,000 articles)."""

    @property
    def ok(self) -> bool:
        return not self.rejected


_WORKER_KNOWLEDGE: Knowledge | None = None


def _init_worker(knowledge: Knowledge) -> None:
    global _WORKER_KNOWLEDGE
    _WORKER_KNOWLEDGE = knowledge


def _analyse_in_worker(article: Article) -> bytes:
    assert _WORKER_KNOWLEDGE is not None
    return encode(analyse(article, _WORKER_KNOWLEDGE))


def analyse_all(articles: Sequence[Article], knowledge: Knowledge, jobs: int) -> list[Analysis | bytes]:
    """Analyse articles in order, on ``jobs`` processes when there are enough of them. An
    analysis made in this process comes back as it is; one made in a worker comes back
    encoded as the cache stores it (MessagePack: smaller and faster to send than a pickle,
    and stored without encoding it again), so each is encoded once and decoded at most once.

    Forked workers inherit the articles and the knowledge (nothing is sent to them); without
    ``fork`` a process pool gets them by pickle."""
    if can_fork() or jobs <= 1 or len(articles) < PARALLEL_THRESHOLD:
        here = os.getpid()

        def task(article: Article) -> Analysis | bytes:
            analysis = analyse(article, knowledge)
            return analysis if os.getpid() == here else encode(analysis)

        return fork_map(task, articles, jobs, min_items=PARALLEL_THRESHOLD)
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(knowledge,)) as pool:
        return list(pool.map(_analyse_in_worker, articles, chunksize=max(16, len(articles) // (jobs * 8))))


def understand(
    articles: Sequence[Article], knowledge: Knowledge, cache: AnalysisCache | None, jobs: int, report: RunReport,
    analysed: Mapping[str, Analysis | bytes] | None = None,
) -> list[tuple[Article, Analysis]]:
    """Each article with its analysis: made while its file was read (``analysed``, by content
    hash), taken from the cache, or made now."""
    analysed = analysed or {}
    found = cache.get_many(a.content_hash for a in articles if a.content_hash not in analysed) if cache else {}
    todo = [a for a in articles if a.content_hash not in found and a.content_hash not in analysed]
    made = {**analysed, **dict(zip((a.content_hash for a in todo), analyse_all(todo, knowledge, jobs)))}
    if cache:
        cache.put_many({key: value if isinstance(value, bytes) else encode(value) for key, value in made.items()},
                       keep=(a.content_hash for a in articles))
    report.analysed = sum(1 for a in articles if a.content_hash not in found)
    report.cached = len(articles) - report.analysed
    results = {**found, **{key: decode_analysis(value) if isinstance(value, bytes) else value
                           for key, value in made.items()}}
    return [(a, _apply_overrides(a, results[a.content_hash])) for a in articles]


def analyse_while_reading(knowledge: Knowledge, cached: set[str]) -> Callable[[Article], Analysis | bytes | None]:
    """What to do with each article as soon as its file is read, in the process that read it:
    analyse it unless the cache has its analysis (``cached``: content hashes). As in
    :func:`analyse_all`, an analysis made in a worker comes back encoded."""
    here = os.getpid()

    def then(article: Article) -> Analysis | bytes | None:
        if article.content_hash in cached:
            return None
        analysis = analyse(article, knowledge)
        return analysis if os.getpid() == here else encode(analysis)

    return then


def _apply_overrides(article: Article, analysis: Analysis) -> Analysis:
    """What the editor set in the input's front matter wins over what was derived."""
    o = article.overrides
    if not o.keys() & {"title", "dateline", "summary"}:
        return analysis
    return replace(
        analysis,
        headline=str(o.get("title", analysis.headline)),
        dateline=str(o["dateline"]) if "dateline" in o else analysis.dateline,
        summary=str(o.get("summary", analysis.summary)),
    )


def _knowledge_key(knowledge: Knowledge) -> bytes:
    return repr((knowledge.entities, sorted(knowledge.ignore))).encode()


def open_cache(docs: Path, knowledge: Knowledge) -> AnalysisCache:
    return AnalysisCache(docs / CACHE_NAME, code_version(_knowledge_key(knowledge)))


def build_corpus(articles: Sequence[Article], docs: Path, knowledge: Knowledge, jobs: int,
                 report: RunReport, use_cache: bool = True, cache: AnalysisCache | None = None,
                 states: Mapping[str, str] | None = None,
                 analysed: Mapping[str, Analysis | bytes] | None = None) -> tuple[Corpus, Prepared]:
    """Analyse (or take from ``cache``), assemble, find topics and build digests; what the
    pages need of the whole corpus (:func:`pages.prepare`) is worked out meanwhile, from
    the assembled corpus, in a forked process when there are ``jobs`` > 1 (which alone
    imports scipy: a rerun finds topics and rebuilds a few digests here meanwhile).
    ``states`` is ``writer.scan(docs)`` when the caller has it (for the editor's topic pages);
    ``analysed``, the analyses made while the files were read (:func:`understand`)."""
    own = open_cache(docs, knowledge) if use_cache and cache is None else None
    cache = cache or own
    try:
        pairs = understand(articles, knowledge, cache, jobs, report, analysed)
        copy_memo = cache.copies() if cache else None
        verdicts = Verdicts(copy_memo.load()) if copy_memo else None
        assembled = corpus = assemble(pairs, knowledge, verdicts)
        if copy_memo is not None and verdicts is not None:
            copy_memo.save(verdicts.used)
        meanwhile = Forked(lambda: prepare(assembled), enabled=jobs > 1 and len(corpus.documents) >= PARALLEL_THRESHOLD)
        editor_topics = stories.editor_topics(docs, scan(docs) if states is None else states)
        topics = stories.find_topics(corpus, editor_topics)
        memo = cache.digests(code_version(_knowledge_key(knowledge), DIGEST_ROOTS)) if cache else None
        corpus = build_digests(corpus, topics, memo, jobs)
        prepared = meanwhile.result()
    finally:
        if own:
            own.close()
    report.copies = len(articles) - len(corpus.documents)
    report.digests = len(corpus.digests)
    return corpus, prepared


def _rendered(docs: Path, pages: Sequence[Page], scanned: Mapping[str, tuple[str, str | None]]) -> dict[str, tuple[str, str, int, int]]:
    """What the page memo records after a successful write: for every fingerprinted page,
    its fingerprint, its hash and its file's size and modification time."""
    out = {}
    racy = time.time_ns() - RACY_NS
    for page in pages:
        if not page.fingerprint:
            continue
        if page.staged is not None:  # renaming a staged file keeps its size and time
            sealed, size, mtime = page.staged.sealed, page.staged.size, page.staged.mtime_ns
        else:
            sealed = sealed_hash(page.content) if page.content is not None else scanned[page.path][1]
            info = os.stat(os.path.join(docs, page.path))
            size, mtime = info.st_size, info.st_mtime_ns
        # A file changed within the clock's resolution of now could be edited again with the
        # same size and time: record no time for it, so the next run reads it (git's "racy clean").
        out[page.path] = (page.fingerprint, sealed or "", size, mtime if mtime < racy else -1)
    return out


@contextlib.contextmanager
def _collector_paused():
    """Run without Python's cyclic garbage collector.

    A run builds millions of small acyclic objects (mentions, tuples,
    strings); each automatic collection walks all of them again, which took
    a fifth of a rerun at 5,000 articles. Reference counting still frees
    everything the run drops; only cycles wait for the next collection after it.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _read(articles: Sequence[Article], stamps: Mapping[str, tuple[int, int]]) -> dict[str, tuple[tuple[int, int], Article]]:
    """What the input memo records: each article with its file's stamp; no time for a file
    modified within ``RACY_NS`` of now, which could change again unseen (git's "racy clean")."""
    racy = time.time_ns() - RACY_NS
    return {a.source: ((stamps[a.source][0], stamps[a.source][1] if stamps[a.source][1] < racy else -1), a)
            for a in articles}


def generate(
    seeds: Path,
    docs: Path,
    knowledge_path: Path | None = None,
    force: bool = False,
    jobs: int | None = None,
    today: _dt.date | None = None,
    write: bool = True,
) -> RunReport:
    """Read ``seeds``, write the site's Markdown into ``docs``; return what happened."""
    with _collector_paused():
        try:
            return _generate(seeds, docs, knowledge_path, force, jobs, today, write)
        except sqlite3.OperationalError as exc:  # locked by another run, read-only, disk full: not damage
            raise GeneratorError(f"the cache file {docs / CACHE_NAME} cannot be used ({exc}); is another "
                                 "generate running? It can also be deleted: it only saves time") from None
        except sqlite3.DatabaseError as exc:  # damaged past what opening it noticed (a crash mid-write)
            (docs / CACHE_NAME).unlink(missing_ok=True)
            report = _generate(seeds, docs, knowledge_path, force, jobs, today, write)
            report.cache_rebuilt = str(exc)
            return report


def _generate(seeds: Path, docs: Path, knowledge_path: Path | None, force: bool, jobs: int | None,
              today: _dt.date | None, write: bool) -> RunReport:
    report = RunReport()
    knowledge = load_knowledge(knowledge_path)
    if not write:
        articles, report.rejected = read_folder(seeds, today)
        report.articles = len(articles)
        return report
    require_folder(seeds)
    jobs = jobs if jobs is not None else min(2, os.cpu_count() or 1)
    docs.mkdir(parents=True, exist_ok=True)
    recover(docs)
    cache = open_cache(docs, knowledge)
    try:
        inputs = cache.inputs(code_version(roots=READER_ROOTS))
        # On Linux the files to read are also analysed where they are read (one pass on both
        # cores); elsewhere the analysis has its own process pool (:func:`analyse_all`).
        then = analyse_while_reading(knowledge, cache.hashes()) if jobs > 1 and can_fork() else None
        articles, report.rejected, stamps, after = read_folder_stamped(seeds, today, inputs.load(), jobs, then)
        analysed = {a.content_hash: made for a in articles if (made := after.get(a.source)) is not None}
        report.articles = len(articles)
        memo = cache.pages()
        previous = memo.load()
        scanned = scan_hashes(docs, {path: (size, mtime, sealed) for path, (_, sealed, size, mtime) in previous.items()})
        states = {path: state for path, (state, _) in scanned.items()}
        corpus, prepared = build_corpus(articles, docs, knowledge, jobs, report, cache=cache, states=states,
                                        analysed=analysed)
        report.corpus = corpus

        def keep(path: str, fingerprint: str) -> bool:
            """The file on disk is untouched and was rendered from these very inputs."""
            state, sealed = scanned.get(path, ("missing", None))
            return state == "generated" and previous.get(path, ("",))[:2] == (fingerprint, sealed)

        pages: list[Page] = render_site(corpus, keep if previous else None,  # None: a first run keeps nothing
                                        generator_version(_knowledge_key(knowledge)), jobs,
                                        deliver=Stager(docs, scanned, force), prepared=prepared)
        report.pages = len(pages)
        report.write = write_pages(docs, pages, force=force, scanned=scanned)
        memo.save(_rendered(docs, pages, scanned))
        inputs.save(_read(articles, stamps))
    finally:
        cache.close()
    return report

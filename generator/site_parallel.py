"""Build the site's pages on two cores while MkDocs builds it.

MkDocs handles pages one at a time, in one process, twice: it converts each
page's Markdown to HTML (Python-Markdown: about three quarters of our build),
then renders each page's HTML into the theme's template (Jinja). ``python -m
generator.site`` adds this plugin to the build. For each of the two passes it
forks one helper, which works from the last page backwards while MkDocs
works from the first page forwards; when MkDocs reaches a page the helper
has done, it takes the helper's result instead of doing the work again.
They meet in the middle.

Everything else happens in MkDocs' own order, in the main process: every
plugin event runs there for every page, as in a plain build (the helper runs
the events too, on its own copy, to get the same input). A converted page
is used only when the Markdown the helper converted is exactly the Markdown
the page has here after its events (otherwise it is converted here), and
what the helper's work logged (a broken link) is logged again here, so
``--strict`` fails as it would without the helper. Without ``fork`` (not
Linux) or with one core the plugin does nothing.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import threading
from dataclasses import dataclass
from typing import Any, Callable, Sequence

import jinja2
from mkdocs.commands.build import get_context
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import InclusionLevel
from mkdocs.structure.pages import Page

from .parallel import can_fork

_RENDER = Page.render
"""MkDocs' own conversion, which the main process patches while the helper runs."""
_TEMPLATE_RENDER = jinja2.Template.render
"""Jinja's own rendering, patched likewise for the template pass."""
log = logging.getLogger("mkdocs.plugins.generator.parallel")


@dataclass
class _Converted:
    """What ``Page.render`` leaves on a page, as the helper got it, plus what it logged."""

    markdown_sha: str
    content: str
    toc: Any
    title: str | None
    anchors: set[str] | None
    links: dict[str, dict[str, str]] | None
    """``links_to_anchors`` keyed by the linked file's ``src_uri`` (File objects do not travel)."""
    records: list[logging.LogRecord]


@dataclass
class _Rendered:
    """A page's template output, as the helper got it, plus what it logged."""

    output: str
    records: list[logging.LogRecord]


def _sha(markdown: str | None) -> str:
    return hashlib.sha256((markdown or "").encode("utf-8")).hexdigest()


class _Capture(logging.Handler):
    """In a helper: keeps what is logged while it does a page's work, drops the rest (the main
    process logs the events' messages itself)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self.records is not None:
            record.msg, record.args, record.exc_info, record.exc_text = record.getMessage(), None, None, None
            self.records.append(record)


def _replay(records: list[logging.LogRecord]) -> None:
    for record in records:
        logging.getLogger(record.name).handle(record)


def can_help(count: int, minimum: int) -> bool:
    return count >= minimum and (os.cpu_count() or 1) >= 2 and can_fork()


class _MeetInTheMiddle:
    """A forked helper applies ``work`` to the items from the last one backwards, while this
    process goes through them from the first one forwards: :meth:`take` says whether an item
    is the helper's, and if so waits for the helper's result for it."""

    def __init__(self, items: Sequence[Any], work: Callable[[Any, _Capture], Any]) -> None:
        context = multiprocessing.get_context("fork")
        self._lock = context.Lock()
        self._bounds = context.RawArray("i", [0, len(items)])  # [our next item, the helper's lowest item]
        receiver, sender = context.Pipe(duplex=False)
        self._process = context.Process(target=self._help, args=(items, work, sender), daemon=True)
        self._process.start()
        sender.close()
        self._done: dict[int, Any] = {}
        self._arrived = threading.Condition()
        self._finished = False
        self._receiver = threading.Thread(target=self._receive, args=(receiver,), daemon=True)
        self._receiver.start()

    def _help(self, items: Sequence[Any], work: Callable[[Any, _Capture], Any], sender: Any) -> None:
        capture = _Capture()
        logging.getLogger().handlers = [capture]
        mkdocs_logger = logging.getLogger("mkdocs")
        mkdocs_logger.handlers, mkdocs_logger.propagate = [capture], False
        try:
            for n in range(len(items) - 1, -1, -1):
                with self._lock:
                    if n < self._bounds[0]:
                        break
                    self._bounds[1] = n
                try:
                    result = work(items[n], capture)
                except Exception:  # the main process does this item itself, and reports the error
                    result = None
                sender.send((n, result))
        finally:
            sender.send(None)
            sender.close()

    def _receive(self, receiver: Any) -> None:
        """Collect results as they come (a full pipe would stall the helper)."""
        try:
            while True:
                message = receiver.recv()
                if message is None:
                    break
                with self._arrived:
                    self._done[message[0]] = message[1]
                    self._arrived.notify_all()
        except (EOFError, OSError):  # the helper died: this process does what is left
            pass
        with self._arrived:
            self._finished = True
            self._arrived.notify_all()

    def take(self, n: int) -> Any:
        """The helper's result for item ``n``, or None when this process is to do it."""
        with self._lock:
            if n < self._bounds[1]:
                self._bounds[0] = max(self._bounds[0], n + 1)
                return None
        with self._arrived:
            while n not in self._done and not self._finished:
                self._arrived.wait()
            return self._done.pop(n, None)

    def stop(self) -> None:
        """Wait for the helper (and the thread reading from it): nothing of it is left to fork with."""
        self._process.join(timeout=5)
        if self._process.is_alive():
            self._process.terminate()
        self._receiver.join(timeout=5)


class ParallelRender(BasePlugin):
    """The plugin ``python -m generator.site`` adds (``cfg.plugins["generator/parallel"]``)."""

    MIN_PAGES = 64
    """Fewer pages than this are built in the main process alone (forking costs more)."""

    def __init__(self) -> None:
        super().__init__()
        self._markdown: _MeetInTheMiddle | None = None
        self._templates: _MeetInTheMiddle | None = None
        self._index: dict[int, int] = {}
        self.converted = self.rendered = 0
        """Pages whose HTML, and whose template output, came from a helper."""

    # -- pass 1: Markdown to HTML --------------------------------------------

    def on_nav(self, nav: Any, config: Any, files: Any) -> Any:
        self._nav, self._files = nav, files
        pages = []
        for file in files.documentation_pages(inclusion=InclusionLevel.is_included):
            if file.page is None and file.inclusion.is_not_in_nav():
                Page(None, file, config)  # what the build's own loop does next, done a moment earlier
            pages.append(file.page)
        if not can_help(len(pages), self.MIN_PAGES):
            return nav
        self._index = {id(page): n for n, page in enumerate(pages)}
        self._markdown = _MeetInTheMiddle(pages, lambda page, capture: self._convert(page, config, files, capture))
        plugin = self

        def render(page: Page, config: Any, files: Any) -> None:
            plugin._render(page, config, files)

        Page.render = render  # type: ignore[method-assign]
        return nav

    @staticmethod
    def _convert(page: Page, config: Any, files: Any, capture: _Capture) -> _Converted:
        """What ``mkdocs.commands.build._populate_page`` does up to the conversion, then the conversion."""
        try:
            config._current_page = page
            page = config.plugins.on_pre_page(page, config=config, files=files)
            page.read_source(config)
            page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
            capture.records = []
            _RENDER(page, config, files)
            links = page.links_to_anchors
            return _Converted(
                markdown_sha=_sha(page.markdown), content=page.content or "", toc=page.toc,
                title=page._title_from_render, anchors=page.present_anchor_ids,
                links=None if links is None else {f.src_uri: dict(v) for f, v in links.items()},
                records=capture.records,
            )
        finally:
            capture.records = None
            config._current_page = None

    def _render(self, page: Page, config: Any, files: Any) -> None:
        n = self._index.get(id(page))
        converted = self._markdown.take(n) if self._markdown is not None and n is not None else None
        if converted is None or converted.markdown_sha != _sha(page.markdown):
            return _RENDER(page, config, files)
        page.content = converted.content
        page.toc = converted.toc
        page._title_from_render = converted.title
        page.present_anchor_ids = converted.anchors
        if converted.links is not None:
            page.links_to_anchors = {self._files.get_file_from_path(uri): v for uri, v in converted.links.items()}
        _replay(converted.records)
        self.converted += 1
        return None

    # -- pass 2: HTML into the theme's template ------------------------------

    def on_env(self, env: Any, config: Any, files: Any) -> Any:
        self._stop_markdown()
        pages = [file.page for file in files.documentation_pages(inclusion=InclusionLevel.is_included)]
        if not self._index or not can_help(len(pages), self.MIN_PAGES):
            return env
        self._index = {id(page): n for n, page in enumerate(pages)}
        self._served: set[int] = set()
        self._config = config
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
        nav = self._nav
        self._templates = _MeetInTheMiddle(
            pages, lambda page, capture: self._template(page, config, doc_files, nav, env, capture))
        plugin = self

        def render(template: jinja2.Template, *args: Any, **kwargs: Any) -> str:
            return plugin._render_template(template, *args, **kwargs)

        jinja2.Template.render = render  # type: ignore[method-assign]
        return env

    @staticmethod
    def _template(page: Page, config: Any, doc_files: Any, nav: Any, env: Any, capture: _Capture) -> _Rendered:
        """What ``mkdocs.commands.build._build_page`` does up to rendering the template, then that."""
        config._current_page = page
        page.active = True
        try:
            context = get_context(nav, doc_files, config, page)
            template = env.get_template(page.meta.get("template", "main.html"))
            context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
            capture.records = []
            return _Rendered(_TEMPLATE_RENDER(template, context), capture.records)
        finally:
            capture.records = None
            page.active = False
            config._current_page = None

    def _render_template(self, template: jinja2.Template, *args: Any, **kwargs: Any) -> str:
        """The page template's output: the helper's when the helper did the page (each page once)."""
        page = getattr(self._config, "_current_page", None)
        n = self._index.get(id(page)) if page is not None else None
        if (self._templates is None or n is None or id(page) in self._served
                or template.name != page.meta.get("template", "main.html")):
            return _TEMPLATE_RENDER(template, *args, **kwargs)
        self._served.add(id(page))
        rendered = self._templates.take(n)
        if rendered is None:
            return _TEMPLATE_RENDER(template, *args, **kwargs)
        _replay(rendered.records)
        self.rendered += 1
        return rendered.output

    # -- the end -----------------------------------------------------------------

    def _stop_markdown(self) -> None:
        Page.render = _RENDER  # type: ignore[method-assign]
        if self._markdown is not None:
            self._markdown.stop()
            log.info("%d of %d pages were converted on a second core", self.converted, len(self._index))
            self._markdown = None

    def _stop(self) -> None:
        self._stop_markdown()
        jinja2.Template.render = _TEMPLATE_RENDER  # type: ignore[method-assign]
        if self._templates is not None:
            self._templates.stop()
            log.info("%d of %d pages were rendered on a second core", self.rendered, len(self._index))
            self._templates = None

    def on_post_build(self, config: Any) -> None:
        self._stop()

    def on_build_error(self, error: Exception) -> None:
        self._stop()

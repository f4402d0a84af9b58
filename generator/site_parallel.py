"""Convert the site's Markdown to HTML on two cores while MkDocs builds it.

MkDocs reads and converts the pages one at a time, in one process, and at
our scale the conversion (Python-Markdown) is about three quarters of the
build. ``python -m generator.site`` adds this plugin to the build: when the
navigation is ready it forks one helper, which converts pages from the last
one backwards while MkDocs converts from the first one forwards; when MkDocs
reaches a page the helper has done, it takes the helper's HTML instead of
converting the page again. They meet in the middle.

Everything else happens in MkDocs' own order, in the main process: every
plugin event runs there for every page, as in a plain build. The helper's
HTML is used only when the Markdown it converted is exactly the Markdown the
page has here after its events (otherwise the page is converted here), and
what the conversion logged (a broken link) is logged again here, so
``--strict`` fails as it would without the helper. Without ``fork`` (not
Linux) or with one core the plugin does nothing.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import sys
import threading
from dataclasses import dataclass
from typing import Any

from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import InclusionLevel
from mkdocs.structure.pages import Page

_RENDER = Page.render
"""MkDocs' own conversion, which the main process patches while the helper runs."""
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


def _sha(markdown: str | None) -> str:
    return hashlib.sha256((markdown or "").encode("utf-8")).hexdigest()


class _Capture(logging.Handler):
    """In the helper: keeps what is logged while a page converts, drops the rest (the main
    process logs the events' messages itself)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self.records is not None:
            record.msg, record.args, record.exc_info, record.exc_text = record.getMessage(), None, None, None
            self.records.append(record)


class ParallelRender(BasePlugin):
    """The plugin ``python -m generator.site`` adds (``cfg.plugins["generator/parallel"]``)."""

    MIN_PAGES = 64
    """Fewer pages than this are converted in the main process alone (forking costs more)."""

    def __init__(self) -> None:
        super().__init__()
        self._active = False
        self.taken = 0
        """Pages whose HTML came from the helper."""

    def on_nav(self, nav: Any, config: Any, files: Any) -> Any:
        if (os.cpu_count() or 1) < 2 or not sys.platform.startswith("linux") \
                or "fork" not in multiprocessing.get_all_start_methods():
            return nav
        pages = []
        for file in files.documentation_pages(inclusion=InclusionLevel.is_included):
            if file.page is None and file.inclusion.is_not_in_nav():
                Page(None, file, config)  # what the build's own loop does next, done a moment earlier
            pages.append(file.page)
        if len(pages) < self.MIN_PAGES:
            return nav
        context = multiprocessing.get_context("fork")
        self._lock = context.Lock()
        self._bounds = context.RawArray("i", [0, len(pages)])  # [main's next page, helper's lowest page]
        receiver, sender = context.Pipe(duplex=False)
        self._helper = context.Process(target=self._help, args=(pages, config, files, sender), daemon=True)
        self._helper.start()
        sender.close()
        self._index = {id(page): n for n, page in enumerate(pages)}
        self._done: dict[int, _Converted | None] = {}
        self._arrived = threading.Condition()
        self._finished = False
        self._files = files
        threading.Thread(target=self._receive, args=(receiver,), daemon=True).start()
        plugin = self

        def render(page: Page, config: Any, files: Any) -> None:
            plugin._render(page, config, files)

        Page.render = render  # type: ignore[method-assign]
        self._active = True
        return nav

    # -- the helper process -------------------------------------------------

    def _help(self, pages: list[Page], config: Any, files: Any, sender: Any) -> None:
        capture = _Capture()
        logging.getLogger().handlers = [capture]
        mkdocs_logger = logging.getLogger("mkdocs")
        mkdocs_logger.handlers, mkdocs_logger.propagate = [capture], False
        try:
            for n in range(len(pages) - 1, -1, -1):
                with self._lock:
                    if n < self._bounds[0]:
                        break
                    self._bounds[1] = n
                sender.send((n, self._convert(pages[n], config, files, capture)))
        finally:
            sender.send(None)
            sender.close()

    @staticmethod
    def _convert(page: Page, config: Any, files: Any, capture: _Capture) -> _Converted | None:
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
        except Exception:  # the main process converts this page itself, and reports the error
            return None
        finally:
            capture.records = None
            config._current_page = None

    # -- the main process -----------------------------------------------------

    def _receive(self, receiver: Any) -> None:
        """Collect the helper's pages as they come (a full pipe would stall the helper)."""
        try:
            while True:
                message = receiver.recv()
                if message is None:
                    break
                with self._arrived:
                    self._done[message[0]] = message[1]
                    self._arrived.notify_all()
        except (EOFError, OSError):  # the helper died: the main process converts what is left
            pass
        with self._arrived:
            self._finished = True
            self._arrived.notify_all()

    def _render(self, page: Page, config: Any, files: Any) -> None:
        n = self._index.get(id(page))
        if n is None:
            return _RENDER(page, config, files)
        with self._lock:
            helpers = n >= self._bounds[1]
            if not helpers:
                self._bounds[0] = max(self._bounds[0], n + 1)
        converted = None
        if helpers:
            with self._arrived:
                while n not in self._done and not self._finished:
                    self._arrived.wait()
                converted = self._done.pop(n, None)
        if converted is None or converted.markdown_sha != _sha(page.markdown):
            return _RENDER(page, config, files)
        page.content = converted.content
        page.toc = converted.toc
        page._title_from_render = converted.title
        page.present_anchor_ids = converted.anchors
        if converted.links is not None:
            page.links_to_anchors = {self._files.get_file_from_path(uri): v for uri, v in converted.links.items()}
        for record in converted.records:
            logging.getLogger(record.name).handle(record)
        self.taken += 1
        return None

    def _stop(self) -> None:
        if self._active:
            Page.render = _RENDER  # type: ignore[method-assign]
            self._helper.join(timeout=5)
            if self._helper.is_alive():
                self._helper.terminate()
            self._active = False
            log.info("%d of %d pages were converted on a second core", self.taken, len(self._index))

    def on_post_build(self, config: Any) -> None:
        self._stop()

    def on_build_error(self, error: Exception) -> None:
        self._stop()

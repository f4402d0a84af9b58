"""Errors a user can act on. They print as one line, without a traceback."""

from __future__ import annotations


class GeneratorError(Exception):
    """Base class: anything the CLI reports as ``error: <message>``."""


class ArticleError(GeneratorError):
    """An input file that cannot be an article.

    ``str()`` gives one line: ``seeds/x.txt: no 'date YYYY-MM-DD' line at the start``.
    """

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class EditedPageError(GeneratorError):
    """A generated page was edited by hand and would be overwritten."""


class CollisionError(GeneratorError):
    """Two outputs map to one file, or a generated output would replace an editor's page."""

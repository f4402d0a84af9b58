"""Errors a user can act on. They print as one line, without a traceback."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


def one_line(text: str) -> str:
    """Control characters (a newline in a file name or key) shown escaped, so a message stays one line."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


class GeneratorError(Exception):
    """Base class: anything the CLI reports as ``error: <message>``."""


class ArticleError(GeneratorError):
    """An input file that cannot be an article.

    ``str()`` gives one line: ``seeds/x.txt: no 'date YYYY-MM-DD' line at the start``.
    """

    def __init__(self, path: str, reason: str) -> None:
        path, reason = one_line(path), one_line(reason)
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self) -> tuple[type, tuple[str, str]]:  # pickles (sent back from a forked reader)
        return (type(self), (self.path, self.reason))


class EditedPageError(GeneratorError):
    """A generated page was edited by hand and would be overwritten."""


class CollisionError(GeneratorError):
    """Two outputs map to one file, or a generated output would replace an editor's page."""

"""Turning untrusted article text into inert Markdown, and pages into files.

Article text is data, never markup: every character that Markdown, its
extensions (attribute lists, footnotes, admonitions, snippets, emoji,
abbreviations, tables) or HTML could read as structure is written as a
numeric character reference. Python-Markdown passes references through, the
browser shows the character, and search indexes the text.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache

from . import yaml_emit

# Characters that are structure somewhere in Markdown, its extensions or HTML.
_SPECIAL = set("\\`*_{}[]()<>&#+-!|~^=:$")
_ESCAPES = {ch: f"&#{ord(ch)};" for ch in _SPECIAL}
_SPECIAL_RE = re.compile("[" + re.escape("".join(sorted(_SPECIAL))) + "]")
"""One of ``_SPECIAL``: a regex substitution is five times faster than ``str.translate``
with multi-character replacements on a paragraph (which looks up every character)."""
_ORDERED_LIST = re.compile(r"^(\d+)\.")
# Invisible or layout characters that could hide structure or spoof text.
_INVISIBLE = re.compile("[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


_OTHER_SPACE = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
"""Every character ``str.split()`` splits on, but the space (``tests/test_fast_paths.py`` checks)."""
_UNCLEAN = re.compile(f"[{_OTHER_SPACE}{_INVISIBLE.pattern[1:-1]}]")
"""A character :func:`clean` would change or drop. One character class: a search for it
runs at the speed of a scan, an alternation with the other cases would not."""


def clean(text: str) -> str:
    """Collapse white space and drop control/bidi characters: one safe line of text."""
    # Every character _UNCLEAN finds is one str.isprintable() refuses, and isprintable()
    # is faster than the search (tests/test_fast_paths.py checks every character).
    if ((text.isprintable() or _UNCLEAN.search(text) is None) and "  " not in text
            and text[:1] != " " and text[-1:] != " "):
        return text  # already clean, as most text is (the reader normalised it): no copy
    return " ".join(_INVISIBLE.sub("", text).split())


def _escape(match: re.Match[str]) -> str:
    return _ESCAPES[match[0]]


def passage(value: str) -> str:
    """Escape ``value`` so it renders as exactly that text, inline, in Markdown: for text
    met once, such as an article's paragraphs (:func:`text` remembers what it escapes)."""
    # Cleaning and escaping commute (neither adds nor removes what the other changes).
    escaped = _SPECIAL_RE.sub(_escape, clean(value))
    # A line starting with a digit and a full stop would start an ordered list.
    return _ORDERED_LIST.sub(r"\1&#46;", escaped) if escaped[:1].isdigit() else escaped


text = lru_cache(maxsize=1 << 16)(passage)
"""What :func:`passage` gives, remembered: the same titles and names are escaped on many pages."""


def link(label: str, target: str) -> str:
    """A Markdown link whose label is escaped text and whose target is ours (relative .md path).
    (Pages remember the links they make again and again: ``pages.common.Links``.)"""
    return f"[{text(label)}]({target})"


def slugify(value: str, max_length: int = 60) -> str:
    """ASCII slug: lower-case words joined by hyphens; never empty, never a path."""
    normal = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", normal.lower()).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    if not slug:
        slug = "x" + hashlib.sha256(value.encode("utf-8")).hexdigest()[:10]
    return slug


def tag(value: str) -> str:
    """A tag as shown and indexed: lower-case words and hyphens only."""
    return slugify(value, max_length=40)


def relative(from_page: str, to_page: str) -> str:
    """Relative link from one docs path to another (both POSIX, relative to docs/)."""
    from_dir, from_slash, _ = from_page.rpartition("/")
    to_dir, to_slash, to_name = to_page.rpartition("/")
    if from_dir == to_dir:
        return to_name
    return route(from_dir + from_slash, to_dir + to_slash) + to_name


@lru_cache(maxsize=4096)
def route(from_dir: str, to_dir: str) -> str:
    """What goes before a file name in ``to_dir`` in a link from a page in ``from_dir``
    (both ``''`` or ending with ``/``). Remembered: a site has a handful of folders, and
    pages link hundreds of thousands of times."""
    source = from_dir.split("/")[:-1]
    target = to_dir.split("/")[:-1]
    common = 0
    while common < len(source) and common < len(target) and source[common] == target[common]:
        common += 1
    return "../" * (len(source) - common) + "".join(part + "/" for part in target[common:])


GENERATED_KEY = "generated"
"""Front-matter key that marks a page the generator wrote; its value is the page's hash."""
_PLACEHOLDER = "sha256-" + "0" * 64


@lru_cache(maxsize=1 << 16)
def inert(value: str) -> str:
    """A front-matter string value as written. Front-matter strings reach HTML unescaped in
    some theme templates (titles, tags): angle brackets become look-alike guillemets so no
    tag can form. Remembered: the same names, tags and dates recur on many pages."""
    if "<" in value or ">" in value:
        value = value.replace("<", "‹").replace(">", "›")
    return yaml_emit.quote(value)


def front_matter(meta: Mapping[str, object]) -> str:
    """YAML front matter in the given key order, strings made inert, ending with a newline."""
    return f"---\n{yaml_emit.dump(meta, inert)}---\n"


_SEALED_START = f"---\n{GENERATED_KEY}: sha256-"
"""How every page :func:`seal` makes starts: its hash is the first key of its front matter."""
_SEALED_LINE = re.compile(rf"{GENERATED_KEY}: sha256-([0-9a-f]{{64}})\n")
"""That first line (after ``---``): the one :func:`page_hash` blanks and :func:`sealed_hash` reads."""
_BLANK_START = f"---\n{GENERATED_KEY}: {_PLACEHOLDER}"
"""The start of such a page with its hash blanked out."""


def page_hash(content: str) -> str:
    """Hash of a generated page with its own hash value blanked out."""
    if content.startswith("---\n") and _SEALED_LINE.match(content, 4):  # where seal() puts it: the line to blank
        digest = hashlib.sha256(_BLANK_START.encode("ascii"))
        digest.update(memoryview(content.encode("utf-8"))[len(_BLANK_START):])  # the line is ASCII: same offset
        return digest.hexdigest()
    blanked = re.sub(rf"^{GENERATED_KEY}: sha256-[0-9a-f]{{64}}$", f"{GENERATED_KEY}: {_PLACEHOLDER}",
                     content, count=1, flags=re.M)
    return hashlib.sha256(blanked.encode("utf-8")).hexdigest()


def seal(meta: Mapping[str, object], body: str) -> str:
    """A whole generated page: front matter with its ``generated`` hash, then the body."""
    head = front_matter({GENERATED_KEY: _PLACEHOLDER, **meta})
    if not head.startswith(f"{_BLANK_START}\n"):  # ``meta`` set ``generated`` itself
        body = body.rstrip("\n")
        content = f"{head}\n{body}\n"
        return content.replace(f"{GENERATED_KEY}: {_PLACEHOLDER}", f"{GENERATED_KEY}: sha256-{page_hash(content)}", 1)
    return _seal(head, body)


def seal_lines(lines: list[str], body: str) -> str:
    """:func:`seal` of front matter already written, line by line, as :func:`front_matter`
    writes it (``yaml_emit.dump`` with strings made :func:`inert`), with no ``generated`` key."""
    return _seal(f"{_BLANK_START}\n" + "\n".join(lines) + "\n---\n", body)


def _seal(head: str, body: str) -> str:
    """The page of front matter ``head``, whose first line is the blank ``generated`` hash
    (the line page_hash would blank), and ``body``: the page's hash is that of the page as
    it stands, hashed in pieces rather than copied whole first. A body that ends with one
    line break, as most do, is used as it is (stripping it copies it)."""
    if not body.endswith("\n") or body.endswith("\n\n"):
        body = body.rstrip("\n") + "\n"
    data = [head.encode("utf-8"), b"\n", body.encode("utf-8")]
    digest = hashlib.sha256(data[0])
    digest.update(b"\n")
    digest.update(data[2])
    sealed = digest.hexdigest()
    content = f"{_SEALED_START}{sealed}{head[len(_SEALED_START) + 64:]}\n{body}"
    data[0] = _SEALED_START.encode("ascii") + sealed.encode("ascii") + data[0][len(_SEALED_START) + 64:]
    global _last_sealed
    _last_sealed = (content, data)
    return content


_last_sealed: tuple[str, list[bytes]] = ("", [])
"""The last page :func:`seal` made, with its UTF-8 in pieces (see :func:`encoded`)."""


def encoded(content: str) -> list[bytes]:
    """``content.encode("utf-8")``, in pieces to be written one after the other: the pieces
    :func:`seal` encoded if ``content`` is the page it made last (the writer stages each
    page as soon as it is rendered, and encoding the pages, 87 MB at 5,000 articles and
    not ASCII, took as long as hashing them; joining them, a third of that)."""
    last, pieces = _last_sealed
    return pieces if content is last else [content.encode("utf-8")]


def sealed_hash(content: str) -> str | None:
    """The ``generated`` hash a page carries in its front matter, if any."""
    if not content.startswith("---\n"):
        return None
    end = content.find("\n---\n", 4)
    first = _SEALED_LINE.match(content, 4) if end >= 0 else None
    if first and first.end() <= end + 1:  # where seal() puts it: the line the search below would find first
        return first.group(1)
    match = re.search(rf"^{GENERATED_KEY}: sha256-([0-9a-f]{{64}})$", content[4:end] if end >= 0 else "", flags=re.M)
    return match.group(1) if match else None


def generated_state(content: str) -> str:
    """``'handwritten'``, ``'generated'`` (untouched) or ``'edited'`` (generated, then changed)."""
    if not content.startswith("---\n"):
        return "handwritten"
    end = content.find("\n---\n", 4)
    head = content[4:end] if end >= 0 else ""
    match = re.search(rf"^{GENERATED_KEY}: sha256-([0-9a-f]{{64}})$", head, flags=re.M)
    if not match:
        return "handwritten"
    return "generated" if page_hash(content) == match.group(1) else "edited"

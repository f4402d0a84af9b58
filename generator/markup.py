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
# Invisible or layout characters that could hide structure or spoof text.
_ORDERED_LIST = re.compile(r"^(\d+)\.")
_INVISIBLE = re.compile("[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


def clean(text: str) -> str:
    """Collapse white space and drop control/bidi characters: one safe line of text."""
    return " ".join(_INVISIBLE.sub("", text).split())


def _escape(match: re.Match[str]) -> str:
    return _ESCAPES[match.group()]


@lru_cache(maxsize=1 << 16)
def text(value: str) -> str:
    """Escape ``value`` so it renders as exactly that text, inline, in Markdown.
    Remembered: the same titles and names are escaped on many pages."""
    escaped = _SPECIAL_RE.sub(_escape, clean(value))
    # A line starting with a digit and a full stop would start an ordered list.
    return _ORDERED_LIST.sub(r"\1&#46;", escaped) if escaped[:1].isdigit() else escaped


def link(label: str, target: str) -> str:
    """A Markdown link whose label is escaped text and whose target is ours (relative .md path)."""
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
    from_dir, _, _ = from_page.rpartition("/")
    to_dir, _, to_name = to_page.rpartition("/")
    if from_dir == to_dir:
        return to_name
    if "/" not in from_dir and from_dir and not to_dir.startswith(from_dir + "/"):
        return f"../{to_page}"
    source = from_page.split("/")[:-1]
    target = to_page.split("/")
    common = 0
    while common < len(source) and common < len(target) - 1 and source[common] == target[common]:
        common += 1
    return "/".join([".."] * (len(source) - common) + target[common:])


GENERATED_KEY = "generated"
"""Front-matter key that marks a page the generator wrote; its value is the page's hash."""
_PLACEHOLDER = "sha256-" + "0" * 64


def _inert(value: object) -> object:
    """Front-matter strings reach HTML unescaped in some theme templates (titles, tags):
    angle brackets become look-alike guillemets so no tag can form."""
    kind = type(value)
    if kind is str:
        return value.replace("<", "‹").replace(">", "›") if "<" in value or ">" in value else value  # type: ignore[union-attr]
    if kind is list or kind is tuple:
        return [_inert(v) for v in value]  # type: ignore[union-attr]
    if value is None or kind is int or kind is bool or kind is float:
        return value
    if kind is dict or isinstance(value, Mapping):
        return {k: _inert(v) for k, v in value.items()}  # type: ignore[union-attr]
    if isinstance(value, str):
        return _inert(str(value))
    return value


def front_matter(meta: Mapping[str, object]) -> str:
    """YAML front matter in the given key order, strings made inert, ending with a newline."""
    dumped = yaml_emit.dump(_inert(dict(meta)))
    return f"---\n{dumped}---\n"


def page_hash(content: str) -> str:
    """Hash of a generated page with its own hash value blanked out."""
    blanked = re.sub(rf"^{GENERATED_KEY}: sha256-[0-9a-f]{{64}}$", f"{GENERATED_KEY}: {_PLACEHOLDER}",
                     content, count=1, flags=re.M)
    return hashlib.sha256(blanked.encode("utf-8")).hexdigest()


def seal(meta: Mapping[str, object], body: str) -> str:
    """A whole generated page: front matter with its ``generated`` hash, then the body."""
    meta = {GENERATED_KEY: _PLACEHOLDER, **meta}
    content = front_matter(meta) + "\n" + body.rstrip("\n") + "\n"
    return content.replace(f"{GENERATED_KEY}: {_PLACEHOLDER}", f"{GENERATED_KEY}: sha256-{page_hash(content)}", 1)


def sealed_hash(content: str) -> str | None:
    """The ``generated`` hash a page carries in its front matter, if any."""
    if not content.startswith("---\n"):
        return None
    end = content.find("\n---\n", 4)
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

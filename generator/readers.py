"""Input files -> :class:`Article`.

An article file is: an optional YAML front-matter block, optional blank
space, the word ``date`` (``date``, ``date:``, ``Date =``...), a date, then
the body. The first paragraph may start on the date line. Paragraphs are
separated by blank lines. Anything that cannot be read that way raises
:class:`ArticleError` with the file name and one-line reason.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping, TypeVar

import yaml

from .errors import ArticleError
from .models import Article
from .parallel import fork_map

T = TypeVar("T")

MAX_BYTES = 1_000_000
"""Largest accepted input file. Real articles are a few kilobytes."""
MAX_FUTURE_DAYS = 2
"""A date this many days after today is still accepted (time zones, embargoes)."""
MIN_YEAR = 1800

OVERRIDE_KEYS = frozenset({"title", "source", "url", "tags", "date", "dateline", "summary", "topics"})
"""Front-matter keys an editor may set in an input file; others are reported."""

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))

# The date marker: "date", "Date:", "DATE =", then the date in one of the
# spellings people type. Only the first non-blank line is looked at.
_DATE_WORD = re.compile(r"^\s*(?:date|dated|published)\s*[:=\-]?\s*", re.IGNORECASE)
_DATE_FORMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?(?=\s|$|[,.;:])"), "ymd"),
    (re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?=\s|$|[,;:])"), "ymd"),
    (re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?=\s|$|[,;:])"), "dmy_numeric"),
    (re.compile(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})\.?,?\s+(\d{{4}})(?=\s|$|[,.;:])", re.I), "d_month_y"),
    (re.compile(rf"({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?=\s|$|[,.;:])", re.I), "month_d_y"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Control characters (Unicode category Cc) other than newline and tab."""
_ISO_LIKE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")


@dataclass(frozen=True)
class RawFile:
    """A file's name and bytes, before decoding."""

    name: str
    data: bytes


def decode(name: str, data: bytes) -> str:
    """Bytes -> text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252.

    NUL bytes or other control characters mean the file is not text.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ArticleError(name, f"not valid UTF-16 text ({exc.reason})") from None
    else:
        if b"\x00" in data:
            raise ArticleError(name, "binary content (NUL bytes): not a text file")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                text = data.decode("latin-1")
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    controls = len(_CONTROL.findall(text))
    if controls > max(8, len(text) // 200):
        raise ArticleError(name, f"binary content ({controls} control characters): not a text file")
    return text


def split_front_matter(name: str, text: str) -> tuple[dict[str, object], str]:
    """Split a leading ``---`` YAML block from the text; validate that it is a mapping."""
    stripped = text.lstrip()
    if not stripped.startswith("---\n"):
        return {}, text
    end = stripped.find("\n---", 4)
    if end < 0:
        raise ArticleError(name, "front matter starts with '---' but has no closing '---' line")
    block = stripped[4:end]
    rest = stripped[end + 4 :]
    if rest and not rest.startswith("\n"):
        raise ArticleError(name, "front matter's closing '---' must be alone on its line")
    try:
        meta = yaml.safe_load(block) if block.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        raise ArticleError(name, f"front matter is not valid YAML{where}") from None
    except (ValueError, RecursionError):  # an impossible date, or absurd nesting
        raise ArticleError(name, "front matter has a value that cannot be read (an impossible date?)") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise ArticleError(name, "front matter must be a mapping of keys to values")
    return {str(k): v for k, v in meta.items()}, rest.lstrip("\n")


def _make_date(name: str, year: int, month: int, day: int, shown: str) -> _dt.date:
    try:
        return _dt.date(year, month, day)
    except ValueError:
        raise ArticleError(name, f"impossible date '{shown}'") from None


def parse_date_line(name: str, text: str) -> tuple[_dt.date, str]:
    """Find the date at the start of ``text``; return it and the text after it."""
    head = text.lstrip()
    if not head:
        raise ArticleError(name, "empty file: expected 'date YYYY-MM-DD' followed by the article text")
    first_line = head.split("\n", 1)[0]
    marker = _DATE_WORD.match(first_line)
    after_word = head[marker.end() :] if marker else head
    for pattern, form in _DATE_FORMS:
        match = pattern.match(after_word)
        if not match:
            continue
        a, b, c = match.groups()
        shown = match.group(0)
        if form == "ymd":
            date = _make_date(name, int(a), int(b), int(c), shown)
        elif form == "dmy_numeric":
            day, month = int(a), int(b)
            if day <= 12 and month <= 12 and day != month:
                raise ArticleError(name, f"ambiguous date '{shown}': write it as YYYY-MM-DD")
            date = _make_date(name, int(c), month, day, shown)
        elif form == "d_month_y":
            date = _make_date(name, int(c), _MONTHS[b.lower()], int(a), shown)
        else:
            date = _make_date(name, int(c), _MONTHS[a.lower()], int(b), shown)
        return date, after_word[match.end() :]
    if marker or _ISO_LIKE.match(after_word):
        bad = first_line.strip()[:40]
        raise ArticleError(name, f"unreadable date in '{bad}': expected YYYY-MM-DD")
    raise ArticleError(name, "no date line: the file must start with 'date YYYY-MM-DD'")


def split_paragraphs(text: str) -> tuple[str, ...]:
    """Blank-line separated paragraphs, inner whitespace collapsed to single spaces."""
    paragraphs = []
    for block in re.split(r"\n[ \t\u00a0]*\n", text):
        cleaned = " ".join(block.split())
        if cleaned:
            paragraphs.append(cleaned)
    return tuple(paragraphs)


def _check_overrides(name: str, meta: Mapping[str, object]) -> dict[str, object]:
    unknown = sorted(set(meta) - OVERRIDE_KEYS)
    if unknown:
        allowed = ", ".join(sorted(OVERRIDE_KEYS))
        raise ArticleError(name, f"unknown front-matter key '{unknown[0]}' (allowed: {allowed})")
    out: dict[str, object] = {}
    for key in ("title", "source", "url", "dateline", "summary"):
        if key in meta and meta[key] is not None:
            if not isinstance(meta[key], (str, int, float)):
                raise ArticleError(name, f"front-matter '{key}' must be a single line of text")
            value = " ".join(str(meta[key]).split())
            if value:
                out[key] = value
    for key in ("tags", "topics"):
        if key in meta and meta[key] is not None:
            value = meta[key]
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
                raise ArticleError(name, f"front-matter '{key}' must be a list of words")
            out[key] = [" ".join(str(v).split()) for v in value if str(v).strip()]
    if "date" in meta and meta["date"] is not None:
        value = meta["date"]
        if isinstance(value, _dt.datetime):
            value = value.date()
        if isinstance(value, str):
            value, _ = parse_date_line(name, value)
        if not isinstance(value, _dt.date):
            raise ArticleError(name, "front-matter 'date' must be a date (YYYY-MM-DD)")
        out["date"] = value
    return out


def read_bytes(name: str, data: bytes, today: _dt.date | None = None) -> Article:
    """Parse one file's bytes into an :class:`Article`; raise :class:`ArticleError`."""
    if len(data) > MAX_BYTES:
        raise ArticleError(
            name, f"file is {len(data):,} bytes; articles are limited to {MAX_BYTES:,} bytes"
        )
    text = decode(name, data)
    if not text.strip():
        raise ArticleError(name, "empty file: expected 'date YYYY-MM-DD' followed by the article text")
    meta, text = split_front_matter(name, text)
    overrides = _check_overrides(name, meta)
    if "date" in overrides and not _DATE_WORD.match(text.lstrip().split("\n", 1)[0]):
        date, body = overrides["date"], text  # the editor's date replaces a missing date line
    else:
        date, body = parse_date_line(name, text)
        if "date" in overrides:
            date = overrides["date"]
    assert isinstance(date, _dt.date)
    today = today or _dt.date.today()
    if date.year < MIN_YEAR:
        raise ArticleError(name, f"implausible date {date.isoformat()} (before {MIN_YEAR})")
    if (date - today).days > MAX_FUTURE_DAYS:
        raise ArticleError(name, f"date {date.isoformat()} is in the future; check the date line")
    paragraphs = split_paragraphs(body)
    if not paragraphs:
        raise ArticleError(name, "no article text after the date line")
    if "date" in overrides:  # kept as text, like every other override (the date itself is ``date``)
        overrides["date"] = date.isoformat()
    payload = json.dumps(
        {"date": date.isoformat(), "body": paragraphs, "meta": overrides},
        sort_keys=True, ensure_ascii=False, default=str,
    )
    digest = hashlib.sha256(payload.encode("utf-8")).hexdigest()
    return Article(source=name, date=date, paragraphs=paragraphs, content_hash=digest, overrides=overrides)


def require_folder(folder: Path) -> None:
    if not folder.is_dir():
        raise FileNotFoundError(f"input folder '{folder}' does not exist")


def list_inputs(folder: Path) -> list[Path]:
    """Every non-hidden regular file directly in ``folder``, sorted by name."""
    require_folder(folder)
    return sorted(
        (p for p in folder.iterdir() if p.is_file() and not p.name.startswith((".", "~"))),
        key=lambda p: p.name,
    )


def read_file(path: Path, today: _dt.date | None = None) -> Article:
    """Read one article file (size-checked before it is loaded)."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ArticleError(path.name, f"file is {size:,} bytes; articles are limited to {MAX_BYTES:,} bytes")
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(path.name, f"cannot be read ({exc.strerror or exc})") from None
    return read_bytes(path.name, data, today)


Stamp = tuple[int, int]
"""A file's size and modification time (ns) when it was read."""


def read_folder(folder: Path, today: _dt.date | None = None) -> tuple[list[Article], list[ArticleError]]:
    """Read every file in ``folder``: the articles and one error per rejected file."""
    articles, errors, _, _ = read_folder_stamped(folder, today)
    return articles, errors


def read_folder_stamped(
    folder: Path, today: _dt.date | None = None, known: Mapping[str, tuple[Stamp, Article]] | None = None,
    jobs: int = 1, then: Callable[[Article], T] | None = None,
) -> tuple[list[Article], list[ArticleError], dict[str, Stamp], dict[str, T]]:
    """:func:`read_folder`, plus each article file's :data:`Stamp`, plus ``then(article)``
    for each article read now (by source), worked out in the process that read it.

    ``known`` maps file names to the stamp and article a previous run read:
    a file whose size and modification time are unchanged is not read again
    (what ``make`` and ``git`` trust too). The caller records no stamp for a
    file modified moments before it is recorded, so such a file is read.
    Files to read are read on ``jobs`` processes when there are many (with
    ``then``, when there are enough for ``then`` to be worth a process).
    """
    known = known or {}
    today = today or _dt.date.today()
    found: list[tuple[str, Stamp | None, Article | ArticleError | None]] = []
    """Per input file, in name order: its name, its stamp and what a previous run read (or the error)."""
    for path in list_inputs(folder):
        try:
            info = path.stat()
        except OSError as exc:
            found.append((path.name, None, ArticleError(path.name, f"cannot be read ({exc.strerror or exc})")))
            continue
        stamp = (info.st_size, info.st_mtime_ns)
        previous = known.get(path.name)
        fresh = previous and previous[0] == stamp and (previous[1].date - today).days <= MAX_FUTURE_DAYS
        found.append((path.name, stamp, previous[1] if fresh else None))  # type: ignore[index]
    todo = [name for name, _, article in found if article is None]

    def read(name: str) -> tuple[Article | ArticleError, T | None]:
        article = _read_or_error(folder / name, today)
        return article, (then(article) if then is not None and isinstance(article, Article) else None)

    read_now = dict(zip(todo, fork_map(read, todo, jobs, min_items=PARALLEL_READ if then is None else PARALLEL_THEN)))
    articles: list[Article] = []
    errors: list[ArticleError] = []
    stamps: dict[str, Stamp] = {}
    after: dict[str, T] = {}
    for name, stamp, article in found:
        if article is None:
            article, result = read_now[name]
            if then is not None and isinstance(article, Article):
                after[article.source] = result  # type: ignore[assignment]
        if isinstance(article, ArticleError):
            errors.append(article)
            continue
        articles.append(article)
        stamps[article.source] = stamp  # type: ignore[assignment]
    return articles, errors, stamps, after


PARALLEL_READ = 500
"""Fewer files to read than this are read in this process (a worker costs more than it saves)."""
PARALLEL_THEN = 64
"""With work to do on each article read (``then``), fewer files than this are read in this process."""


def _read_or_error(path: Path, today: _dt.date) -> Article | ArticleError:
    try:
        return read_file(path, today)
    except ArticleError as exc:
        return exc

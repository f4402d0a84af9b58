"""Per-article analysis cache, keyed by content hash and analysis version.

The per-article analysis is a pure function of the article's content, the
knowledge file and the generator's code, so its result can be kept between
runs: adding one article to 5,000 re-analyses one. The cache is an SQLite
file under ``docs/`` whose name starts with a dot, so MkDocs never publishes
it, and deleting it only costs time.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
import sqlite3
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Mapping, TypeVar

import msgspec

from .models import Analysis, Article, Digest, Topic

CACHE_NAME = ".briefing-cache.sqlite"
T = TypeVar("T")


ANALYSIS_ROOTS = ("analyse", "entities")
DIGEST_ROOTS = ("digests", "stories")
READER_ROOTS = ("readers",)
"""The modules whose code decides the per-article analysis; the cache key covers them
and, found by reading their imports, every package module they use."""


_FROM_PACKAGE = re.compile(rb"^[ \t]*from[ \t]+\.(?!\.)(\w*)(?:\.\w+)*[ \t]+import[ \t]+(\([^)]*\)|[^\n#]*)", re.MULTILINE)
_IMPORTED = re.compile(rb"(\w+)(?:\s+as\s+\w+)?")


@lru_cache(maxsize=None)
def _relative_imports(source: bytes) -> tuple[str, ...]:
    """The package modules a module's source imports (``from .x import``, ``from . import x``).

    A line scan, not a parse: ten times faster, and a docstring that happens to show an
    import can only add a module to the key (a needless cache miss), never drop one."""
    found: list[str] = []
    for module, names in _FROM_PACKAGE.findall(source):
        if module:
            found.append(module.decode())
        else:
            found.extend(m.decode() for m in _IMPORTED.findall(names.strip(b"()")))
    return tuple(found)


def _analysis_modules(package: Path, roots: tuple[str, ...] = ANALYSIS_ROOTS) -> list[Path]:
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        name = todo.pop()
        if name in seen or not (package / f"{name}.py").is_file():
            continue
        seen.add(name)
        todo.extend(_relative_imports((package / f"{name}.py").read_bytes()))
    return [package / f"{name}.py" for name in sorted(seen)]


def code_version(extra: bytes = b"", roots: tuple[str, ...] = ANALYSIS_ROOTS) -> str:
    """Hash of the analysis code (and ``extra``, e.g. the knowledge file): a change to
    rendering or digests keeps the cache, a change to analysis empties it.
    With ``roots=DIGEST_ROOTS``: the code that builds digests (which imports the analysis)."""
    digest = hashlib.sha256(extra)
    package = Path(__file__).parent
    for path in _analysis_modules(package, roots) + sorted((package / "data").glob("*")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def generator_version(extra: bytes = b"") -> str:
    """Hash of all of the generator's code and data: what a page's rendering depends on."""
    digest = hashlib.sha256(extra)
    package = Path(__file__).parent
    for path in sorted(package.rglob("*.py")) + sorted((package / "data").glob("*")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


_ENCODE = msgspec.msgpack.Encoder().encode
_DECODE_ANALYSIS = msgspec.msgpack.Decoder(Analysis).decode
_DECODE_ARTICLE = msgspec.msgpack.Decoder(Article).decode
_DECODE_DIGEST = msgspec.msgpack.Decoder(Digest).decode
"""Cache values are MessagePack, decoded straight into our typed models by msgspec: each
field is checked against its annotation, so a damaged or foreign entry fails to decode
(and is rebuilt) instead of being trusted; nothing in the file can name code to run."""


def encode(value: Analysis | Article | Digest) -> bytes:
    return _ENCODE(value)


def decode_analysis(blob: bytes) -> Analysis:
    """The inverse of :func:`encode`; raises ``msgspec.DecodeError`` on anything else."""
    return _DECODE_ANALYSIS(blob)


def _select(db: sqlite3.Connection, table: str, keys: list[str], decode: Callable[[bytes], T]) -> dict[str, T]:
    """``key -> decoded value`` for the ``keys`` the (key, value) ``table`` holds; an entry that
    does not decode (damaged, or from another format) is left out, to be rebuilt."""
    found: dict[str, T] = {}
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for key, value in db.execute(f"SELECT key, value FROM {table} WHERE key IN ({marks})", chunk):
            try:
                found[key] = decode(value)
            except (msgspec.DecodeError, TypeError, ValueError):
                continue
    return found


def _store(db: sqlite3.Connection, table: str, items: Mapping[str, object], live: set[str]) -> None:
    """Write ``items`` into the (key, value) ``table`` and drop every key not in ``live``."""
    with db:
        db.executemany(f"INSERT OR REPLACE INTO {table} (key, value) VALUES (?, ?)",
                       [(key, value if isinstance(value, bytes) else encode(value))  # type: ignore[arg-type]
                        for key, value in sorted(items.items())])
        stale = [key for (key,) in db.execute(f"SELECT key FROM {table}") if key not in live]
        db.executemany(f"DELETE FROM {table} WHERE key = ?", [(key,) for key in stale])


class AnalysisCache:
    """``get_many``/``put_many`` over an SQLite table; a broken file is recreated."""

    def __init__(self, path: Path, version: str) -> None:
        self.path = path
        self.version = version
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = self._open()
        except sqlite3.OperationalError:  # locked by another run, read-only: someone else's, leave it
            raise
        except sqlite3.DatabaseError:  # not a database, or damaged: it only saved time
            path.unlink(missing_ok=True)
            self._db = self._open()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path)
        # The cache is disposable (a damaged file is recreated, see __init__): no waiting for the disk.
        db.execute("PRAGMA synchronous = OFF")
        db.execute("CREATE TABLE IF NOT EXISTS analysis (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
        return db

    def _key(self, content_hash: str) -> str:
        return f"{self.version}:{content_hash}"

    def get_many(self, hashes: Iterable[str]) -> dict[str, Analysis]:
        wanted = {self._key(h): h for h in hashes}
        found = _select(self._db, "analysis", list(wanted), decode_analysis)
        return {wanted[key]: analysis for key, analysis in found.items()}

    def hashes(self) -> set[str]:
        """The content hashes this version has an analysis for (nothing decoded)."""
        prefix = self._key("")
        return {key[len(prefix):] for (key,) in self._db.execute(
            "SELECT key FROM analysis WHERE substr(key, 1, ?) = ?", (len(prefix), prefix))}

    def put_many(self, items: Mapping[str, Analysis | bytes], keep: Iterable[str]) -> None:
        """Store new analyses (or their :func:`encode` bytes, as the analysis workers send
        them) and forget entries of other versions or vanished articles."""
        _store(self._db, "analysis", {self._key(h): a for h, a in items.items()}, {self._key(h) for h in keep})

    def inputs(self, version: str) -> "InputMemo":
        """The read-input table of the same file, for this ``version`` of the reader's code."""
        return InputMemo(self._db, version)

    def pages(self) -> "PageMemo":
        """The rendered-page table of the same file."""
        return PageMemo(self._db)

    def digests(self, version: str) -> "DigestCache":
        """The digest table of the same file."""
        return DigestCache(self._db, version)

    def copies(self) -> "CopyMemo":
        """The copy-verdict table of the same file, for this version of the analysis code."""
        return CopyMemo(self._db, self.version)

    def close(self) -> None:
        self._db.close()


class CopyMemo:
    """For each pair of contents copy detection compared: whether they are copies
    (``dedup.Verdicts``), under the analysis code's ``version`` (which covers ``dedup``)."""

    def __init__(self, db: sqlite3.Connection, version: str) -> None:
        self._db = db
        self.version = version
        db.execute("CREATE TABLE IF NOT EXISTS copies (pair TEXT PRIMARY KEY, version TEXT NOT NULL,"
                   " same INTEGER NOT NULL)")
        self._loaded: dict[str, bool] = {}

    def load(self) -> dict[str, bool]:
        self._loaded = {pair: bool(same) for pair, same in self._db.execute(
            "SELECT pair, same FROM copies WHERE version = ?", (self.version,))}
        return dict(self._loaded)

    def save(self, items: Mapping[str, bool]) -> None:
        """Make the table ``items`` (the pairs this run compared), writing only what changed."""
        if dict(items) == self._loaded:
            return
        with self._db:
            self._db.execute("DELETE FROM copies WHERE version != ?", (self.version,))
            self._db.executemany("DELETE FROM copies WHERE pair = ?", [(p,) for p in self._loaded if p not in items])
            self._db.executemany("INSERT OR REPLACE INTO copies (pair, version, same) VALUES (?, ?, ?)",
                                 [(p, self.version, int(same)) for p, same in sorted(items.items())
                                  if self._loaded.get(p) != same])
        self._loaded = dict(items)


class _DigestHead(msgspec.Struct):
    """What every run reads of every digest, decoded from a cached digest without the rest."""

    summary: str
    entities: dict[str, tuple[str, ...]]
    updated: _dt.date


class CachedDigest(Digest):
    """A digest as the cache gives it back: what every run reads of every digest (summary,
    entities, date) is decoded at once; the rest (overview, facts, timeline, quotes...) only
    when something reads it, which a rerun does for the few digest pages it renders (decoding
    all of them cost 0.06 s of a rerun at 5,000 articles). It has no topic until
    :meth:`for_topic` gives it the one it was found for."""

    def __getattr__(self, name: str) -> object:  # only for what is not decoded yet
        if name not in _LAZY:
            raise AttributeError(name)
        try:
            full = _DECODE_DIGEST(self.__dict__["_blob"])
        except (msgspec.DecodeError, TypeError, ValueError) as exc:  # damaged: generate() rebuilds the cache
            raise sqlite3.DatabaseError(f"a cached digest does not decode ({exc})") from None
        for field in _LAZY:
            object.__setattr__(self, field, getattr(full, field))
        return self.__dict__[name]

    @classmethod
    def of(cls, blob: bytes) -> "CachedDigest":
        head = _DECODE_DIGEST_HEAD(blob)
        digest = object.__new__(cls)
        digest.__dict__.update(summary=head.summary, entities=head.entities, updated=head.updated, _blob=blob)
        return digest

    def for_topic(self, topic: Topic, key: str) -> "CachedDigest":
        digest = object.__new__(CachedDigest)
        digest.__dict__.update(self.__dict__, topic=topic, key=key)
        return digest


_LAZY = ("overview", "facts", "disagreements", "timeline", "quotes", "contributions")
_DECODE_DIGEST_HEAD = msgspec.msgpack.Decoder(_DigestHead).decode


class DigestCache:
    """Digests kept between runs in the same SQLite file, keyed by ``digests.DigestKeys``.

    ``version`` (the digest code) is part of every key, so a change to the
    code that builds digests rebuilds them all.
    """

    def __init__(self, db: sqlite3.Connection, version: str) -> None:
        self._db = db
        self.version = version
        db.execute("CREATE TABLE IF NOT EXISTS digest (key TEXT PRIMARY KEY, value BLOB NOT NULL)")

    def get_many(self, keys: Iterable[str]) -> dict[str, CachedDigest]:
        """The digests kept under ``keys``, each without its topic (:meth:`CachedDigest.for_topic`)."""
        return _select(self._db, "digest", sorted(set(keys)), CachedDigest.of)

    def put_many(self, items: Mapping[str, Digest], keep: Iterable[str]) -> None:
        _store(self._db, "digest", items, set(keep))


class InputMemo:
    """For each input file: its size and modification time when it was read, and the
    :class:`Article` read from it, so an unchanged file is not read and parsed again."""

    def __init__(self, db: sqlite3.Connection, version: str) -> None:
        self._db = db
        self.version = version
        db.execute("CREATE TABLE IF NOT EXISTS input (name TEXT PRIMARY KEY, version TEXT NOT NULL,"
                   " size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, article BLOB NOT NULL)")
        self._loaded: dict[str, tuple[tuple[int, int], Article]] = {}

    def load(self) -> dict[str, tuple[tuple[int, int], Article]]:
        """File name -> ((size, mtime_ns), article) read by this ``version`` of the reader;
        a damaged entry is left out (the file is read)."""
        found = {}
        rows = self._db.execute("SELECT name, size, mtime_ns, article FROM input WHERE version = ?", (self.version,))
        for name, size, mtime, blob in rows:
            try:
                article = _DECODE_ARTICLE(blob)
            except (msgspec.DecodeError, TypeError, ValueError):  # a damaged or foreign entry: read the file
                continue
            if article.source == name:
                found[name] = ((size, mtime), article)
        self._loaded = found
        return found

    def save(self, items: Mapping[str, tuple[tuple[int, int], Article]]) -> None:
        """Make the table ``items``, writing only the rows that differ from what :meth:`load` saw."""
        with self._db:
            self._db.execute("DELETE FROM input WHERE version != ?", (self.version,))
            gone = [(name,) for name in self._loaded if name not in items]
            self._db.executemany("DELETE FROM input WHERE name = ?", gone)
            self._db.executemany(
                "INSERT OR REPLACE INTO input (name, version, size, mtime_ns, article) VALUES (?, ?, ?, ?, ?)",
                [(name, self.version, size, mtime, encode(article))
                 for name, ((size, mtime), article) in sorted(items.items())
                 if self._loaded.get(name) != ((size, mtime), article)],
            )
        self._loaded = dict(items)


class PageMemo:
    """For each generated page: the fingerprint it was rendered from, the hash it was sealed
    with, and the file's size and modification time when this run left it.

    A page whose fingerprint is unchanged and whose file still carries that
    hash (untouched since) is kept without being rendered again; a file whose
    size and time are as recorded is known to carry the recorded hash without
    being read (as ``make`` and ``rsync`` trust modification times).
    """

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        db.execute("CREATE TABLE IF NOT EXISTS rendered (path TEXT PRIMARY KEY, fingerprint TEXT NOT NULL,"
                   " hash TEXT NOT NULL, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL)")

    def load(self) -> dict[str, tuple[str, str, int, int]]:
        """Path -> (fingerprint, hash, size, mtime_ns)."""
        return {row[0]: tuple(row[1:]) for row in self._db.execute(  # type: ignore[misc]
            "SELECT path, fingerprint, hash, size, mtime_ns FROM rendered")}

    def save(self, items: Mapping[str, tuple[str, str, int, int]]) -> None:
        """Replace the table with ``items`` (every page this run left on disk)."""
        with self._db:
            self._db.execute("DELETE FROM rendered")
            self._db.executemany(
                "INSERT INTO rendered (path, fingerprint, hash, size, mtime_ns) VALUES (?, ?, ?, ?, ?)",
                [(path, *row) for path, row in sorted(items.items())],
            )

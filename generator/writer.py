"""Writing pages under ``docs/``: atomically, only when changed, only our own files.

Rules, checked before anything is written:

* a page the generator did not write (no ``generated`` hash in its front
  matter) belongs to the editor: never written over, moved or deleted;
* a generated page whose content no longer matches its hash was edited by
  hand: it is neither rewritten nor deleted unless ``force`` is given;
* two pages may not map to one path;
* nothing is written outside ``docs/``.

Each file is written to a temporary file in the same folder, flushed and
renamed over the target, so an interrupted run leaves every file either old
or new, never half-written.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Callable, Iterable, Mapping, Sequence

from .errors import CollisionError, EditedPageError
from .markup import encoded, generated_state, sealed_hash
from .models import Page, Staged


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    kept_edited: list[str] = field(default_factory=list)


def _safe_relative(path: str) -> str:
    """``path`` if it is a plain relative POSIX path to a ``.md`` file inside ``docs/``: no
    empty, ``.`` or ``..`` part (one spelling per file), not hidden (MkDocs skips those, and
    staged files are). String operations: every page is checked twice a run, and
    PurePosixPath took a tenth of a rerun."""
    parts = path.split("/")
    if (path.startswith("/") or "\\" in path or "\0" in path or not path.endswith(".md")
            or "" in parts or "." in parts or ".." in parts or parts[-1].startswith(".")):
        raise CollisionError(f"refusing to write '{path}': pages must be .md paths inside docs/")
    return path


def scan(docs: Path) -> dict[str, str]:
    """Every Markdown file under ``docs`` -> its state (handwritten/generated/edited)."""
    return {path: state for path, (state, _) in scan_hashes(docs).items()}


def scan_hashes(docs: Path, known: Mapping[str, tuple[int, int, str]] | None = None) -> dict[str, tuple[str, str | None]]:
    """Every Markdown file under ``docs`` -> (state, the hash it carries if it is ours and untouched).

    ``known`` maps paths to (size, mtime_ns, hash) of generated files as a previous run
    left them: a file with that size and time is not read again.
    """
    found: dict[str, tuple[str, str | None]] = {}
    if not docs.is_dir():
        return found
    known = known or {}
    for rel in sorted(_files(str(docs), lambda name: name.endswith(".md")), key=lambda rel: rel.split("/")):
        full = os.path.join(docs, rel)
        try:
            info = os.stat(full)
        except OSError:
            continue
        if not stat.S_ISREG(info.st_mode):
            continue
        recorded = known.get(rel)
        if recorded and recorded[:2] == (info.st_size, info.st_mtime_ns):
            found[rel] = ("generated", recorded[2])
            continue
        try:
            with open(full, encoding="utf-8") as handle:
                content = handle.read()
        except (OSError, UnicodeDecodeError):
            found[rel] = ("handwritten", None)
            continue
        state = generated_state(content)
        found[rel] = (state, sealed_hash(content) if state == "generated" else None)
    return found


def _files(folder: str, wanted: Callable[[str], bool], prefix: str = "") -> list[str]:
    """Relative POSIX paths of the entries under ``folder`` whose name is ``wanted``, as
    ``Path.rglob`` finds them (symbolic links to folders are not followed), at os.scandir's speed."""
    found = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if wanted(entry.name):
                    found.append(prefix + entry.name)
                if entry.is_dir() and not entry.is_symlink():
                    found += _files(entry.path, wanted, f"{prefix}{entry.name}/")
    except OSError:  # a folder we may not read holds nothing of ours (rglob skips it too)
        pass
    return found


def _staged(name: str) -> bool:
    """A file :func:`_stage` writes (``.page.md.1234.tmp``)."""
    return fnmatchcase(name, ".*.md.*.tmp")


def atomic_write(target: Path, content: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def plan(pages: Iterable[Page], states: Mapping[str, str], force: bool = False) -> list[Page]:
    """Check every rule before writing; return the pages in path order."""
    pages = list(pages)
    by_path = {page.path: page for page in pages}
    return [by_path[path] for path in _plan_paths([page.path for page in pages], states, force)]


def _plan_paths(paths: Iterable[str], states: Mapping[str, str], force: bool) -> list[str]:
    """:func:`plan` for the pages' paths: each checked, then all of them sorted."""
    seen: set[str] = set()
    for path in paths:
        _safe_relative(path)
        if path in seen:
            raise CollisionError(f"two generated pages map to docs/{path}")
        seen.add(path)
    ordered = sorted(seen)
    for path in ordered:
        state = states.get(path)
        if state == "handwritten":
            raise CollisionError(
                f"docs/{path} is a hand-written page; the generator will not overwrite it"
            )
        if state == "edited" and not force:
            raise EditedPageError(
                f"docs/{path} was generated and then edited by hand; move your text to a new page, "
                f"or run with --force to discard the edit"
            )
    return ordered


JOURNAL = ".briefing-journal.json"
"""Written after every new file is staged and before any is renamed into place."""


_STAGE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


def _stage(root: str, path: str, data: bytes | Sequence[bytes]) -> tuple[str, os.stat_result]:
    """Write ``data`` (bytes, or pieces of them written one after the other) to a staged
    file next to the page ``path`` under the folder ``root`` (named for this process, so
    workers staging pages at once never meet); return the staged file's path relative to
    ``root``, and its status. Plain system calls and string paths: a buffered file
    object, or a Path or two per page, cost more than the write."""
    pieces = [data] if isinstance(data, bytes) else data
    folder, slash, name = path.rpartition("/")
    tmp = f"{folder}{slash}.{name}.{os.getpid()}.tmp"
    full = f"{root}/{tmp}"
    try:
        fd = os.open(full, _STAGE_FLAGS, 0o666)
    except FileNotFoundError:
        os.makedirs(f"{root}/{folder}", exist_ok=True)
        fd = os.open(full, _STAGE_FLAGS, 0o666)
    try:
        written = os.writev(fd, pieces)
        if written < sum(map(len, pieces)):  # a short write: the rest, as long as it takes
            view = memoryview(b"".join(pieces))[written:]
            while view:
                view = view[os.write(fd, view):]
    finally:
        os.close(fd)
    return tmp, os.stat(full)


class Stager:
    """Takes each page's text as soon as it is rendered, in whichever process rendered it:
    leaves a file that already holds it alone, else stages it; only a small
    :class:`Staged` record comes back for :func:`write_pages` to commit.

    :meth:`check` must pass for every path of the run before the first page is staged,
    so that a refused run stages nothing it would have to take back.
    """

    def __init__(self, docs: Path, scanned: Mapping[str, tuple[str, str | None]], force: bool = False) -> None:
        self.docs = docs.resolve()
        self.scanned = scanned
        self.force = force
        self._checked = False
        self._root = str(self.docs)

    def check(self, paths: Iterable[str]) -> None:
        _plan_paths(paths, {p: state for p, (state, _) in self.scanned.items()}, self.force)
        self._checked = True

    def __call__(self, page: Page) -> Page:
        if not self._checked:
            raise RuntimeError("Stager.check must pass before pages are staged")
        if page.content is None:
            return page
        path = _safe_relative(page.path)
        state, sealed = self.scanned.get(path, ("missing", None))
        data = encoded(page.content)
        new_hash = sealed_hash(page.content)
        if state == "generated" and sealed == new_hash:  # a file that carries another hash holds other text
            try:
                with open(f"{self._root}/{path}", "rb") as handle:
                    if handle.read() == b"".join(data):
                        info = os.fstat(handle.fileno())
                        return Page(page.path, None, page.fingerprint, Staged(None, sealed, info.st_size, info.st_mtime_ns))
            except OSError:
                pass
        tmp, info = _stage(self._root, path, data)
        return Page(page.path, None, page.fingerprint, Staged(tmp, new_hash, info.st_size, info.st_mtime_ns))


def recover(docs: Path) -> None:
    """Finish a run that was interrupted while renaming; drop staged files of one that was not."""
    journal = docs / JOURNAL
    if journal.is_file():
        try:
            ops = json.loads(journal.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            ops = {"replace": [], "delete": []}
        for tmp, target in ops.get("replace", []):
            if (docs / tmp).exists():
                os.replace(docs / tmp, docs / target)
        for target in ops.get("delete", []):
            if (docs / target).exists():
                (docs / target).unlink()
        journal.unlink()
    if docs.is_dir():
        for stale in _files(str(docs), _staged):
            (docs / stale).unlink()


def write_pages(docs: Path, pages: Iterable[Page], force: bool = False,
                scanned: dict[str, tuple[str, str | None]] | None = None) -> WriteReport:
    """Make ``docs/`` hold exactly ``pages`` plus the editor's files.

    All new files are staged first; a journal then records the renames, so
    a run killed at any point leaves ``docs/`` as it was or, once the next
    run calls :func:`recover`, fully updated. A page without content is one
    the renderer kept: it must be on disk, generated and untouched.
    ``scanned`` is :func:`scan_hashes` of ``docs`` taken after :func:`recover`,
    when the caller already has it (and may have staged pages with a :class:`Stager`).
    """
    docs.mkdir(parents=True, exist_ok=True)
    docs = docs.resolve()
    root = str(docs)
    if scanned is None:
        recover(docs)
        scanned = scan_hashes(docs)
    states = {path: state for path, (state, _) in scanned.items()}
    pages = list(pages)
    try:
        ordered = plan(pages, states, force)
    except BaseException:
        _drop_staged(docs, pages)
        raise
    report = WriteReport()
    wanted = {page.path for page in ordered}
    staged: list[tuple[str, str]] = []  # (staged file, page), relative to docs/: strings, not Paths (7,000 of them)
    try:
        for page in ordered:
            if page.staged is not None:
                if page.staged.tmp is None:
                    report.unchanged.append(page.path)
                else:
                    staged.append((page.staged.tmp, page.path))
                continue
            if page.content is None:
                if states.get(page.path) != "generated":
                    raise CollisionError(f"docs/{page.path} was to be kept as it is, but it is not an untouched generated page")
                report.unchanged.append(page.path)
                continue
            target = docs / page.path
            if states.get(page.path) == "generated":
                try:
                    if target.read_text(encoding="utf-8") == page.content:
                        report.unchanged.append(page.path)
                        continue
                except OSError:
                    pass
            staged.append((_stage(root, page.path, page.content.encode("utf-8"))[0], page.path))
        for path, state in sorted(states.items()):
            if path in wanted or state == "handwritten":
                continue
            if state == "edited" and not force:
                report.kept_edited.append(path)
                continue
            report.deleted.append(path)
    except BaseException:
        for tmp, _ in staged:
            (docs / tmp).unlink(missing_ok=True)
        _drop_staged(docs, ordered)
        raise
    if not staged and not report.deleted:
        return report
    os.sync()  # every staged file on disk before the journal says to rename them (one call, not one per file)
    ops = {"replace": [[tmp, path] for tmp, path in staged], "delete": report.deleted}
    atomic_write(docs / JOURNAL, json.dumps(ops, indent=0))
    for tmp, path in staged:
        os.replace(f"{root}/{tmp}", f"{root}/{path}")
        report.written.append(path)
    for path in report.deleted:
        (docs / path).unlink(missing_ok=True)
        _remove_empty_parents(docs, (docs / path).parent)
    (docs / JOURNAL).unlink()
    return report


def _drop_staged(docs: Path, pages: Iterable[Page]) -> None:
    """Remove the files a :class:`Stager` staged for ``pages`` (the run is refused)."""
    for page in pages:
        if page.staged is not None and page.staged.tmp is not None:
            (docs / page.staged.tmp).unlink(missing_ok=True)


def _remove_empty_parents(docs: Path, folder: Path) -> None:
    docs = docs.resolve()
    folder = folder.resolve()
    while folder != docs and docs in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent

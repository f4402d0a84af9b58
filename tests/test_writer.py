"""The writer: atomic, change-only writes that never touch the editor's files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from generator import writer
from generator.errors import CollisionError, EditedPageError
from generator.markup import generated_state, seal
from generator.models import Page
from generator.writer import JOURNAL, recover, scan, write_pages


def page(path: str, body: str = "Some text.", **meta: object) -> Page:
    return Page(path, seal({"title": path, **meta}, f"# {path}\n\n{body}\n"))


PAGES = [page("index.md"), page("articles/a.md", "Article A."), page("articles/b.md", "Article B."),
         page("topics/t.md", "Topic.")]
HANDWRITTEN = "---\ntitle: Notes\n---\n\n# Notes\n\nMy own notes, kept by hand.\n"


def snapshot(docs: Path) -> dict[str, tuple[bytes, int]]:
    return {p.relative_to(docs).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(docs.rglob("*")) if p.is_file()}


def test_first_run_writes_every_page(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    report = write_pages(docs, PAGES)
    assert sorted(report.written) == sorted(p.path for p in PAGES)
    for p in PAGES:
        assert (docs / p.path).read_text(encoding="utf-8") == p.content
        assert generated_state(p.content) == "generated"
    assert not (docs / JOURNAL).exists()
    assert not list(docs.rglob("*.tmp"))


def test_identical_rerun_writes_nothing(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_pages(docs, PAGES)
    before = snapshot(docs)
    report = write_pages(docs, PAGES)
    assert report.written == []
    assert report.deleted == []
    assert sorted(report.unchanged) == sorted(p.path for p in PAGES)
    assert snapshot(docs) == before  # same bytes and same mtime_ns: nothing was rewritten


def test_changed_page_only_is_rewritten(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_pages(docs, PAGES)
    before = snapshot(docs)
    changed = [page("articles/a.md", "Article A, revised.") if p.path == "articles/a.md" else p for p in PAGES]
    report = write_pages(docs, changed)
    assert report.written == ["articles/a.md"]
    after = snapshot(docs)
    assert {k for k in after if after[k] != before[k]} == {"articles/a.md"}


def test_atomic_write_leaves_no_temporary_files(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "x.md"
    writer.atomic_write(target, "one\n")
    writer.atomic_write(target, "two\n")
    assert target.read_text() == "two\n"
    assert [p.name for p in target.parent.iterdir()] == ["x.md"]


def test_atomic_write_failure_keeps_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "x.md"
    target.write_text("old\n")

    def boom(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(writer.os, "replace", boom)
    with pytest.raises(OSError):
        writer.atomic_write(target, "new\n")
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["x.md"]


def test_handwritten_pages_are_never_touched(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    mine = {
        "notes.md": HANDWRITTEN.encode(),
        "articles/my-analysis.md": b"# My analysis\n\nNo front matter at all.\n",
        "topics/air-defence.md": b"---\ntitle: Air defence\nmatch: [S-400]\n---\n\nHand text.\n",
        "about.md": b"---\ngenerated: not-a-hash\n---\n\nLooks generated, is not.\n",
    }
    for rel, data in mine.items():
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_bytes(data)
    stamps = {rel: (docs / rel).stat().st_mtime_ns for rel in mine}
    for run in (PAGES, PAGES[:2], [], PAGES):
        write_pages(docs, run)
        for rel, data in mine.items():
            assert (docs / rel).read_bytes() == data, rel
            assert (docs / rel).stat().st_mtime_ns == stamps[rel], rel
    assert scan(docs)["notes.md"] == "handwritten"


def test_generated_page_may_not_replace_handwritten_one(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text(HANDWRITTEN)
    with pytest.raises(CollisionError):
        write_pages(docs, PAGES)
    assert (docs / "index.md").read_text() == HANDWRITTEN
    assert sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*")) == ["index.md"]


def test_edited_generated_page_is_refused_unless_forced(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_pages(docs, PAGES)
    target = docs / "articles/a.md"
    edited = target.read_text() + "\nMy correction.\n"
    target.write_text(edited)
    assert scan(docs)["articles/a.md"] == "edited"
    newer = [page("articles/a.md", "Article A, revised.") if p.path == "articles/a.md" else p for p in PAGES]
    with pytest.raises(EditedPageError, match="articles/a.md"):
        write_pages(docs, newer)
    assert target.read_text() == edited
    # Even the unchanged content is refused: the edit would be lost.
    with pytest.raises(EditedPageError):
        write_pages(docs, PAGES)
    report = write_pages(docs, newer, force=True)
    assert "articles/a.md" in report.written
    assert target.read_text() == newer[1].content


def test_edited_page_no_longer_generated_is_kept_unless_forced(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_pages(docs, PAGES)
    target = docs / "articles/b.md"
    target.write_text(target.read_text() + "\nEdited.\n")
    without_b = [p for p in PAGES if p.path != "articles/b.md"]
    report = write_pages(docs, without_b)
    assert report.kept_edited == ["articles/b.md"]
    assert target.exists()
    report = write_pages(docs, without_b, force=True)
    assert report.deleted == ["articles/b.md"]
    assert not target.exists()


def test_page_no_longer_generated_is_deleted(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_pages(docs, PAGES)
    report = write_pages(docs, [p for p in PAGES if p.path != "topics/t.md"])
    assert report.deleted == ["topics/t.md"]
    assert not (docs / "topics/t.md").exists()
    assert not (docs / "topics").exists()  # the emptied folder goes too
    assert (docs / "articles/a.md").exists()


def test_two_pages_one_path_is_a_collision(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    with pytest.raises(CollisionError, match="articles/a.md"):
        write_pages(docs, [page("articles/a.md", "one"), page("articles/a.md", "two")])
    assert not (docs / "articles").exists()


@pytest.mark.parametrize("bad", ["../x.md", "articles/../../x.md", "/etc/x.md", "articles/x.txt", "", ".md",
                                 "articles//x.md", "./x.md", "articles/.x.md.12.tmp.md", "a\\..\\..\\x.md"])
def test_paths_outside_docs_are_refused(tmp_path: Path, bad: str) -> None:
    docs = tmp_path / "docs"
    with pytest.raises(CollisionError):
        write_pages(docs, [page("index.md"), Page(bad, seal({"title": "x"}, "x"))])
    assert not (tmp_path / "x.md").exists()
    assert not (docs / "index.md").exists()  # checked before anything is written


def test_recover_finishes_interrupted_run(tmp_path: Path) -> None:
    """A run killed after writing the journal, before (all) renames: the next run completes it."""
    docs = tmp_path / "docs"
    write_pages(docs, PAGES)
    new_a = page("articles/a.md", "Article A, second edition.")
    new_c = page("articles/c.md", "Article C.")
    tmp_a, _ = writer._stage(str(docs), new_a.path, new_a.content.encode())
    tmp_c, _ = writer._stage(str(docs), new_c.path, new_c.content.encode())
    ops = {"replace": [[tmp_a, new_a.path], [tmp_c, new_c.path]], "delete": ["topics/t.md"]}
    (docs / JOURNAL).write_text(json.dumps(ops))
    os.replace(docs / tmp_a, docs / new_a.path)  # the first rename happened, then the crash
    recover(docs)
    assert (docs / "articles/a.md").read_text() == new_a.content
    assert (docs / "articles/c.md").read_text() == new_c.content
    assert not (docs / "topics/t.md").exists()
    assert not (docs / JOURNAL).exists()
    assert not list(docs.rglob("*.tmp"))


def test_staged_files_without_journal_are_dropped(tmp_path: Path) -> None:
    """Killed while staging (no journal yet): the old pages stay, the staged files go."""
    docs = tmp_path / "docs"
    write_pages(docs, PAGES)
    before = snapshot(docs)
    writer._stage(str(docs), "articles/a.md", page("articles/a.md", "half").content.encode())
    assert list(docs.rglob("*.tmp"))
    recover(docs)
    assert snapshot(docs) == before


def test_write_pages_recovers_before_writing(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_pages(docs, PAGES)
    new_a = page("articles/a.md", "Article A, second edition.")
    tmp_a, _ = writer._stage(str(docs), new_a.path, new_a.content.encode())
    (docs / JOURNAL).write_text(json.dumps({"replace": [[tmp_a, new_a.path]], "delete": []}))
    final = [new_a if p.path == new_a.path else p for p in PAGES]
    report = write_pages(docs, final)
    assert report.written == []
    assert (docs / "articles/a.md").read_text() == new_a.content
    assert not (docs / JOURNAL).exists()



def test_relative_docs_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI default is the relative path 'docs'; staging and the journal must cope."""
    monkeypatch.chdir(tmp_path)
    report = write_pages(Path("docs"), PAGES)
    assert sorted(report.written) == sorted(p.path for p in PAGES)
    assert (tmp_path / "docs" / "index.md").read_text() == PAGES[0].content
    assert write_pages(Path("docs"), PAGES).written == []


# ---------------------------------------------------------------- pages staged where they are rendered

def _staged_run(docs: Path, pages: list[Page], force: bool = False):
    """What the pipeline does: scan, check every path, stage each page (as a worker would), commit."""
    docs.mkdir(parents=True, exist_ok=True)
    recover(docs)
    scanned = writer.scan_hashes(docs)
    stager = writer.Stager(docs, scanned, force)
    stager.check([p.path for p in pages])
    staged = [stager(p) for p in pages]
    return staged, write_pages(docs, staged, force=force, scanned=scanned)


def test_staged_pages_give_what_a_plain_write_gives(tmp_path: Path) -> None:
    plain, staged_docs = tmp_path / "plain", tmp_path / "staged"
    write_pages(plain, PAGES)
    staged, report = _staged_run(staged_docs, PAGES)
    assert all(p.content is None and p.staged is not None and p.staged.tmp for p in staged)
    assert sorted(report.written) == sorted(p.path for p in PAGES)
    assert {k: v[0] for k, v in snapshot(staged_docs).items()} == {k: v[0] for k, v in snapshot(plain).items()}
    for p, s in zip(PAGES, staged):
        info = (staged_docs / p.path).stat()
        assert (s.staged.size, s.staged.mtime_ns) == (info.st_size, info.st_mtime_ns)  # renaming keeps both
    assert not list(staged_docs.rglob("*.tmp"))


def test_a_staged_rerun_leaves_unchanged_files_alone(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    _staged_run(docs, PAGES)
    before = snapshot(docs)
    changed = [page("articles/a.md", "Article A, revised.") if p.path == "articles/a.md" else p for p in PAGES]
    staged, report = _staged_run(docs, changed)
    assert report.written == ["articles/a.md"]
    assert [p.path for p in staged if p.staged.tmp is None] == [p.path for p in PAGES if p.path != "articles/a.md"]
    after = snapshot(docs)
    assert {k: v for k, v in after.items() if k != "articles/a.md"} == {k: v for k, v in before.items() if k != "articles/a.md"}


def test_a_refused_run_stages_nothing(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_pages(docs, PAGES)
    (docs / "notes.md").write_text(HANDWRITTEN, encoding="utf-8")
    stager = writer.Stager(docs, writer.scan_hashes(docs))
    with pytest.raises(CollisionError, match="notes.md"):
        stager.check([p.path for p in PAGES] + ["notes.md"])
    with pytest.raises(RuntimeError):
        stager(page("articles/z.md"))  # nothing is staged until a check has passed
    assert not list(docs.rglob("*.tmp"))
    assert (docs / "notes.md").read_text(encoding="utf-8") == HANDWRITTEN


def test_written_pages_are_readable_by_others(tmp_path: Path) -> None:
    """A web server running as another user can serve the pages: modes follow the umask."""
    old = os.umask(0o022)
    try:
        write_pages(tmp_path / "plain", PAGES)
        _staged_run(tmp_path / "staged", PAGES)
    finally:
        os.umask(old)
    for docs in (tmp_path / "plain", tmp_path / "staged"):
        assert {(docs / p.path).stat().st_mode & 0o777 for p in PAGES} == {0o644}


def test_a_short_write_while_staging_is_finished(tmp_path: Path, monkeypatch) -> None:
    """_stage writes a page's pieces with one writev; what a short write left is written after."""
    def short_writev(fd, pieces):
        return os.write(fd, bytes(pieces[0][:3]))

    monkeypatch.setattr(writer.os, "writev", short_writev)
    pieces = [b"---\ngenerated: x\n---\n", b"\n", "body “é”\n".encode()]
    tmp, info = writer._stage(str(tmp_path), "articles/a.md", pieces)
    assert tmp == f"articles/.a.md.{os.getpid()}.tmp"
    assert (tmp_path / tmp).read_bytes() == b"".join(pieces) and info.st_size == len(b"".join(pieces))

"""The site-wide timeline: one row per dated sentence, however many articles repeat it."""

from __future__ import annotations

from pathlib import Path

from generator.pipeline import generate

from conftest import make_project

FRIGATE = ("The Russian-manufactured guided missile frigate was commissioned into the Indian navy at "
           "Russia's coastal city of Kaliningrad in presence of Singh on Monday.")


def test_a_sentence_two_articles_repeat_is_one_row_citing_both(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    (project / "seeds" / "900_extra.txt").write_text(
        " date 2024-12-10\n"
        "The Indian Navy on Tuesday welcomed INS Tushil to its fleet after sea trials in the Baltic, "
        "officials said in New Delhi.\n\n"
        f"{FRIGATE}\n\n"
        "Navy officials said the ship would sail for India after a port call in Morocco.\n",
        encoding="utf-8",
    )
    generate(project / "seeds", project / "docs")
    month = (project / "docs" / "timeline" / "2024-12.md").read_text(encoding="utf-8")
    rows = [line for line in month.splitlines() if "Kaliningrad" in line]
    assert len(rows) == 1
    assert rows[0].startswith("| 9 December 2024 |")
    assert "rajnath-singh-presses-russia" in rows[0] and " · also in [Indian Navy welcomes INS Tushil" in rows[0]
    index = (project / "docs" / "timeline" / "index.md").read_text(encoding="utf-8")
    assert "December 2024](2024-12.md) · " in index


def test_a_long_month_is_split_into_linked_pages(tmp_path: Path, monkeypatch) -> None:
    """No timeline page grows with the corpus: past MAX_ROWS rows a period gets more pages,
    linked to each other (the strict build checks every link)."""
    from generator.pages import timeline
    from generator.site import build_site

    monkeypatch.setattr(timeline, "MAX_ROWS", 2)
    project = make_project(tmp_path / "p")
    generate(project / "seeds", project / "docs")
    folder = project / "docs" / "timeline"
    december = sorted(p.name for p in folder.glob("2024-12*.md"))
    assert "2024-12.md" in december and "2024-12-page-2.md" in december
    first = (folder / "2024-12.md").read_text(encoding="utf-8")
    assert "(page 1 of " in first and "Page **1** · [2](2024-12-page-2.md)" in first
    assert first.count("\n| ") - 1 <= 2  # rows, minus the header
    second = (folder / "2024-12-page-2.md").read_text(encoding="utf-8")
    assert "[1](2024-12.md) · **2**" in second
    build_site(project / "mkdocs.yml", project / "site")
    assert (project / "site" / "timeline" / "2024-12-page-2" / "index.html").is_file()
